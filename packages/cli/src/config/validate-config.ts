// 配置校验：未知键是错误（带拼写建议），类型、规则 id、级别、日期逐一检查，错误带位置。
import path from 'node:path';
import { RULE_IDS, type RuleId, type RuleSetting } from '@tifa/core';
import { didYouMean } from './did-you-mean';
import type { DocumentLanguage, TifaConfig } from './config-types';
import type { JsonPath } from './json-with-positions';

export const CONFIG_KEYS = ['$schema', 'dictionaries', 'rules', 'terms', 'asOf', 'ignore', 'allow', 'language'] as const;
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'warn', 'info', 'hint'];
const LANGUAGES: readonly DocumentLanguage[] = ['markdown', 'plaintext'];

export interface ConfigIssue {
  path: JsonPath;
  /** 报在键上（未知键）还是值上。 */
  at: 'key' | 'value';
  message: string;
}

export type ValidateResult =
  | { ok: true; config: Omit<TifaConfig, 'file' | 'termPositions'> & { termPaths: Record<string, JsonPath> } }
  | { ok: false; issue: ConfigIssue };

class Invalid extends Error {
  constructor(readonly issue: ConfigIssue) {
    super(issue.message);
  }
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  return { string: '字符串', number: '数字', boolean: '布尔值', object: '对象' }[typeof v as string] ?? typeof v;
}

/** YYYY-MM-DD，也接受 YYYY-MM 与 YYYY（与词典里的日期写法一致，按该月/该年第一天算）。 */
export function isValidDate(s: string): boolean {
  if (/^\d{4}$/.test(s)) return true;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return true;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function settingError(value: unknown): string {
  const hint = typeof value === 'string' ? didYouMean(value, RULE_SETTINGS) : undefined;
  return `级别应为 ${RULE_SETTINGS.join('|')} 之一，却是 ${JSON.stringify(value)}${hint ? `，是否想写 ${hint}？` : ''}`;
}

/**
 * 校验配置对象。base 是 JSON 里配置所在的路径（package.json 里为 ['tifa']），dir 是配置文件目录。
 */
export function validateConfig(value: unknown, base: JsonPath, dir: string): ValidateResult {
  const fail = (p: JsonPath, message: string, at: 'key' | 'value' = 'value'): never => {
    throw new Invalid({ path: [...base, ...p], at, message });
  };
  const stringList = (v: unknown, key: string): string[] => {
    if (!Array.isArray(v)) return fail([key], `配置项 ${key} 应为字符串数组，却是${typeName(v)}`);
    v.forEach((item, i) => {
      if (typeof item !== 'string' || item === '') fail([key, i], `${key} 的每一项应为非空字符串`);
    });
    return v as string[];
  };
  const objectOf = (v: unknown, key: string): Record<string, unknown> => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail([key], `配置项 ${key} 应为对象，却是${typeName(v)}`);
    return v as Record<string, unknown>;
  };

  try {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail([], `配置应为 JSON 对象，却是${typeName(value)}`);
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) {
      if ((CONFIG_KEYS as readonly string[]).includes(key)) continue;
      const hint = didYouMean(key, CONFIG_KEYS);
      fail([key], `未知配置项 ${key}${hint ? `，是否想写 ${hint}？` : `（可用：${CONFIG_KEYS.slice(1).join('、')}）`}`, 'key');
    }
    const rules: Partial<Record<RuleId, RuleSetting>> = {};
    if (obj.rules !== undefined) {
      for (const [id, setting] of Object.entries(objectOf(obj.rules, 'rules'))) {
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          const hint = didYouMean(id, RULE_IDS);
          fail(['rules', id], `未知规则 ${id}${hint ? `，是否想写 ${hint}？` : `（可用：${RULE_IDS.join('、')}）`}`, 'key');
        }
        if (!RULE_SETTINGS.includes(setting as RuleSetting)) fail(['rules', id], settingError(setting));
        rules[id as RuleId] = setting as RuleSetting;
      }
    }
    const terms: Record<string, RuleSetting> = {};
    const termPaths: Record<string, JsonPath> = {};
    if (obj.terms !== undefined) {
      for (const [id, setting] of Object.entries(objectOf(obj.terms, 'terms'))) {
        if (!RULE_SETTINGS.includes(setting as RuleSetting)) fail(['terms', id], settingError(setting));
        terms[id] = setting as RuleSetting;
        termPaths[id] = [...base, 'terms', id];
      }
    }
    let asOf: string | undefined;
    if (obj.asOf !== undefined) {
      if (typeof obj.asOf !== 'string' || !isValidDate(obj.asOf)) fail(['asOf'], `asOf 应为 YYYY-MM-DD 格式的日期，却是 ${JSON.stringify(obj.asOf)}`);
      asOf = obj.asOf as string;
    }
    const language: Record<string, DocumentLanguage> = {};
    if (obj.language !== undefined) {
      for (const [ext, lang] of Object.entries(objectOf(obj.language, 'language'))) {
        if (!/^\.[^./\\]+$/.test(ext)) fail(['language', ext], `language 的键应为扩展名（如 ".mdx"），却是 ${JSON.stringify(ext)}`, 'key');
        if (!LANGUAGES.includes(lang as DocumentLanguage)) {
          fail(['language', ext], `语言应为 ${LANGUAGES.join('|')} 之一，却是 ${JSON.stringify(lang)}`);
        }
        language[ext.toLowerCase()] = lang as DocumentLanguage;
      }
    }
    if (obj.$schema !== undefined && typeof obj.$schema !== 'string') fail(['$schema'], '$schema 应为字符串');
    const dictionaries = obj.dictionaries === undefined ? [] : stringList(obj.dictionaries, 'dictionaries');
    return {
      ok: true,
      config: {
        dir,
        dictionaries: dictionaries.map((d) => path.resolve(dir, d)),
        rules,
        terms,
        termPaths,
        asOf,
        ignore: obj.ignore === undefined ? [] : stringList(obj.ignore, 'ignore'),
        allow: obj.allow === undefined ? [] : stringList(obj.allow, 'allow'),
        language,
      },
    };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, issue: err.issue };
    throw err;
  }
}
