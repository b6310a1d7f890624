// 配置校验：未知键是错误（带拼写建议），类型、规则 id、级别、日期逐一检查，错误带 JSON 路径（调用方换成行列）。
// 键和取值范围与 tifa.config.schema.json 一致（测试对照两者）。
import { RULE_IDS, type RuleId, type RuleSetting } from '../../types';
import { didYouMean } from './did-you-mean';
import type { DocumentLanguage } from './types';
import type { JsonPath } from './jsonc';

export const CONFIG_KEYS = ['$schema', 'root', 'extends', 'dictionaries', 'rules', 'terms', 'asOf', 'ignore', 'allow', 'language', 'overrides'] as const;
export const OVERRIDE_KEYS = ['files', 'dictionaries', 'rules', 'terms', 'asOf', 'allow'] as const;
export const RULE_SETTINGS: readonly RuleSetting[] = ['off', 'error', 'warning', 'warn', 'info', 'hint'];
export const LANGUAGES: readonly DocumentLanguage[] = ['markdown', 'plaintext'];

export interface ConfigIssue {
  path: JsonPath;
  /** 报在键上（未知键）还是值上。 */
  at: 'key' | 'value';
  message: string;
}

/** 校验后的设置：路径与包名原样（由加载器解析），记下需要报错定位的 JSON 路径。 */
export interface CheckedSettings {
  dictionaries?: { spec: string; path: JsonPath }[];
  rules?: Partial<Record<RuleId, RuleSetting>>;
  terms?: Record<string, RuleSetting>;
  termPaths?: Record<string, JsonPath>;
  asOf?: string;
  allow?: string[];
}

export interface CheckedConfig extends CheckedSettings {
  root: boolean;
  extends: { spec: string; path: JsonPath }[];
  ignore: string[];
  language: Record<string, DocumentLanguage>;
  overrides: (CheckedSettings & { files: string[] })[];
}

export type ValidateResult = { ok: true; config: CheckedConfig } | { ok: false; issue: ConfigIssue };

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

/** 校验配置对象。base 是 JSON 里配置所在的路径（package.json 里为 ['tifa']）。 */
export function validateConfig(value: unknown, base: JsonPath): ValidateResult {
  const fail = (p: JsonPath, message: string, at: 'key' | 'value' = 'value'): never => {
    throw new Invalid({ path: [...base, ...p], at, message });
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const stringList = (v: unknown, p: JsonPath, name: string): string[] => {
    if (!Array.isArray(v)) return fail(p, `配置项 ${name} 应为字符串数组，却是${typeName(v)}`);
    v.forEach((item, i) => {
      if (typeof item !== 'string' || item === '') fail([...p, i], `${name} 的每一项应为非空字符串`);
    });
    return v as string[];
  };
  const objectOf = (v: unknown, p: JsonPath, name: string): Record<string, unknown> => {
    if (!isObject(v)) return fail(p, `配置项 ${name} 应为对象，却是${typeName(v)}`);
    return v;
  };
  const unknownKeys = (obj: Record<string, unknown>, keys: readonly string[], p: JsonPath, where: string) => {
    for (const key of Object.keys(obj)) {
      if (keys.includes(key)) continue;
      const hint = didYouMean(key, keys);
      fail([...p, key], `未知${where}配置项 ${key}${hint ? `，是否想写 ${hint}？` : `（可用：${keys.filter((k) => k !== '$schema').join('、')}）`}`, 'key');
    }
  };

  const settings = (obj: Record<string, unknown>, p: JsonPath): CheckedSettings => {
    const out: CheckedSettings = {};
    if (obj.rules !== undefined) {
      out.rules = {};
      for (const [id, setting] of Object.entries(objectOf(obj.rules, [...p, 'rules'], 'rules'))) {
        if (!(RULE_IDS as readonly string[]).includes(id)) {
          const hint = didYouMean(id, RULE_IDS);
          fail([...p, 'rules', id], `未知规则 ${id}${hint ? `，是否想写 ${hint}？` : `（可用：${RULE_IDS.join('、')}）`}`, 'key');
        }
        if (!RULE_SETTINGS.includes(setting as RuleSetting)) fail([...p, 'rules', id], settingError(setting));
        out.rules[id as RuleId] = setting as RuleSetting;
      }
    }
    if (obj.terms !== undefined) {
      out.terms = {};
      out.termPaths = {};
      for (const [id, setting] of Object.entries(objectOf(obj.terms, [...p, 'terms'], 'terms'))) {
        if (!RULE_SETTINGS.includes(setting as RuleSetting)) fail([...p, 'terms', id], settingError(setting));
        out.terms[id] = setting as RuleSetting;
        out.termPaths[id] = [...base, ...p, 'terms', id];
      }
    }
    if (obj.asOf !== undefined) {
      if (typeof obj.asOf !== 'string' || !isValidDate(obj.asOf)) fail([...p, 'asOf'], `asOf 应为 YYYY-MM-DD 格式的日期，却是 ${JSON.stringify(obj.asOf)}`);
      out.asOf = obj.asOf as string;
    }
    if (obj.dictionaries !== undefined) {
      out.dictionaries = stringList(obj.dictionaries, [...p, 'dictionaries'], 'dictionaries').map((spec, i) => ({ spec, path: [...base, ...p, 'dictionaries', i] }));
    }
    if (obj.allow !== undefined) out.allow = stringList(obj.allow, [...p, 'allow'], 'allow');
    return out;
  };

  try {
    if (!isObject(value)) return fail([], `配置应为 JSON 对象，却是${typeName(value)}`);
    unknownKeys(value, CONFIG_KEYS, [], '');
    const language: Record<string, DocumentLanguage> = {};
    if (value.language !== undefined) {
      for (const [ext, lang] of Object.entries(objectOf(value.language, ['language'], 'language'))) {
        if (!/^\.[^./\\]+$/.test(ext)) fail(['language', ext], `language 的键应为扩展名（如 ".mdx"），却是 ${JSON.stringify(ext)}`, 'key');
        if (!LANGUAGES.includes(lang as DocumentLanguage)) fail(['language', ext], `语言应为 ${LANGUAGES.join('|')} 之一，却是 ${JSON.stringify(lang)}`);
        language[ext.toLowerCase()] = lang as DocumentLanguage;
      }
    }
    if (value.$schema !== undefined && typeof value.$schema !== 'string') fail(['$schema'], '$schema 应为字符串');
    if (value.root !== undefined && typeof value.root !== 'boolean') fail(['root'], `root 应为布尔值，却是${typeName(value.root)}`);
    let extendsList: { spec: string; path: JsonPath }[] = [];
    if (typeof value.extends === 'string' && value.extends !== '') extendsList = [{ spec: value.extends, path: [...base, 'extends'] }];
    else if (value.extends !== undefined) {
      extendsList = stringList(value.extends, ['extends'], 'extends').map((spec, i) => ({ spec, path: [...base, 'extends', i] }));
    }
    const overrides: (CheckedSettings & { files: string[] })[] = [];
    if (value.overrides !== undefined) {
      if (!Array.isArray(value.overrides)) fail(['overrides'], `配置项 overrides 应为对象数组，却是${typeName(value.overrides)}`);
      (value.overrides as unknown[]).forEach((item, i) => {
        const p = ['overrides', i];
        if (!isObject(item)) return fail(p, `overrides 的每一项应为对象，却是${typeName(item)}`);
        unknownKeys(item, OVERRIDE_KEYS, p, ' overrides ');
        if (item.files === undefined) fail(p, 'overrides 的每一项都要有 files（glob 数组）');
        const files = typeof item.files === 'string' ? [item.files] : stringList(item.files, [...p, 'files'], 'files');
        overrides.push({ files, ...settings(item, p) });
      });
    }
    return {
      ok: true,
      config: {
        ...settings(value, []),
        root: value.root === true,
        extends: extendsList,
        ignore: value.ignore === undefined ? [] : stringList(value.ignore, ['ignore'], 'ignore'),
        language,
        overrides,
      },
    };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, issue: err.issue };
    throw err;
  }
}
