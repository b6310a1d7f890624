// 设置：经 workspace/configuration（按文档取作用域）拉取并缓存；客户端不支持时用 didChangeConfiguration 推来的全局设置。
import type { Connection } from 'vscode-languageserver';
import { RULE_IDS, type RuleSetting } from '@tifa/core';
import { SETTINGS_DEFAULTS, SETTINGS_SECTION, type TifaSettings } from './settingsSchema';

const RULE_SETTINGS: readonly string[] = ['off', 'error', 'warning', 'warn', 'info', 'hint'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** 按作用域缓存的设置最多这么多份（LRU）。 */
const MAX_CACHED_SCOPES = 500;

/** 把客户端给的任意值整理成完整设置；不认识或类型不对的项记入 problems（中文），用缺省值。 */
export function normalizeSettings(raw: unknown): { settings: TifaSettings; problems: string[] } {
  const settings: TifaSettings = structuredClone(SETTINGS_DEFAULTS) as TifaSettings;
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problems.push('tifa 设置应为对象，已忽略。');
    return { settings, problems };
  }
  const bad = (key: string, expected: string) => problems.push(`设置 tifa.${key} 应为${expected}，已用缺省值。`);
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    switch (key as keyof TifaSettings) {
      case 'enable':
        if (typeof value === 'boolean') settings.enable = value;
        else bad(key, '布尔值');
        break;
      case 'dictionaries':
      case 'languages':
        if (Array.isArray(value) && value.every((v) => typeof v === 'string')) settings[key as 'dictionaries' | 'languages'] = value.filter((v) => v.trim() !== '');
        else bad(key, '字符串数组');
        break;
      case 'asOf':
        if (typeof value === 'string' && (value === '' || DATE.test(value))) settings.asOf = value;
        else bad(key, '空串或 YYYY-MM-DD 日期');
        break;
      case 'allowListFile':
        if (typeof value === 'string') settings.allowListFile = value;
        else bad(key, '字符串');
        break;
      case 'debounceMs':
        if (typeof value === 'number' && Number.isFinite(value)) settings.debounceMs = Math.min(Math.max(Math.round(value), 0), 10_000);
        else bad(key, '数字');
        break;
      case 'rules':
      case 'terms': {
        const levels = readLevels(value, key, problems);
        if (key === 'rules') {
          for (const ruleId of Object.keys(levels)) {
            if (!(RULE_IDS as readonly string[]).includes(ruleId)) {
              problems.push(`设置 tifa.rules 中的规则 ${ruleId} 不存在，已忽略。`);
              delete levels[ruleId];
            }
          }
          settings.rules = levels;
        } else settings.terms = levels;
        break;
      }
      default:
        problems.push(`不认识的设置 tifa.${key}，已忽略。`);
    }
  }
  return { settings, problems };
}

function readLevels(value: unknown, key: string, problems: string[]): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`设置 tifa.${key} 应为对象（id → 级别），已用缺省值。`);
    return out;
  }
  for (const [id, level] of Object.entries(value as Record<string, unknown>)) {
    if (typeof level === 'string' && RULE_SETTINGS.includes(level)) out[id] = level as RuleSetting;
    else problems.push(`设置 tifa.${key}.${id} 的级别 ${JSON.stringify(level)} 无效（可用 ${RULE_SETTINGS.join('、')}），已忽略。`);
  }
  return out;
}

export interface SettingsStore {
  /** 某文档（或工作区文件夹）的设置；同一作用域只请求一次，直到配置变化。 */
  get(scopeUri: string | undefined): Promise<TifaSettings>;
  /** 配置变了：清空缓存；客户端推来的全局设置（无 workspace/configuration 支持时用）一并更新。 */
  changed(pushed: unknown): void;
  forget(scopeUri: string): void;
}

export function createSettingsStore(
  connection: Connection,
  options: { pull: boolean; initial: unknown; warn: (message: string) => void },
): SettingsStore {
  const cache = new Map<string, Promise<TifaSettings>>();
  const warned = new Set<string>();
  let global = normalize(options.initial);

  function normalize(raw: unknown): TifaSettings {
    const { settings, problems } = normalizeSettings(raw);
    for (const problem of problems) {
      // 每条问题只提示一次：设置按文档拉取，否则会刷屏。
      if (warned.has(problem) || warned.size > 200) continue;
      warned.add(problem);
      options.warn(problem);
    }
    return settings;
  }

  async function fetch(scopeUri: string | undefined): Promise<TifaSettings> {
    if (!options.pull) return global;
    try {
      const raw = await connection.workspace.getConfiguration({ scopeUri, section: SETTINGS_SECTION });
      return normalize(raw);
    } catch {
      return global;
    }
  }

  return {
    get(scopeUri) {
      const key = scopeUri ?? '';
      let pending = cache.get(key);
      if (pending) cache.delete(key);
      else pending = fetch(scopeUri);
      // 最近用过的放到最后；超出上限时丢掉最久没用的（命令可以带任意多个作用域 URI 来）。
      cache.set(key, pending);
      while (cache.size > MAX_CACHED_SCOPES) cache.delete(cache.keys().next().value as string);
      return pending;
    },
    changed(pushed) {
      cache.clear();
      warned.clear();
      if (pushed && typeof pushed === 'object' && SETTINGS_SECTION in pushed) {
        global = normalize((pushed as Record<string, unknown>)[SETTINGS_SECTION]);
      }
    },
    forget(scopeUri) {
      cache.delete(scopeUri);
    },
  };
}
