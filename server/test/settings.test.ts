// 设置的声明与整理：声明只有一处（settingsSchema.ts），错误的值记为中文问题并退回缺省值。
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '@tifa/core';
import { parseAllowList } from '../src/allowList';
import { normalizeSettings } from '../src/settings';
import { SETTINGS_DEFAULTS, SETTINGS_KEYS, SETTINGS_SCHEMA } from '../src/settingsSchema';

describe('settingsSchema', () => {
  it('键、缺省值与说明一一对应，说明是中文，类型与缺省值相符', () => {
    expect([...SETTINGS_KEYS].sort()).toEqual(Object.keys(SETTINGS_SCHEMA).sort());
    for (const key of SETTINGS_KEYS) {
      const value = SETTINGS_DEFAULTS[key];
      const type = Array.isArray(value) ? 'array' : typeof value;
      expect(SETTINGS_SCHEMA[key].type, key).toBe(type);
      expect(SETTINGS_SCHEMA[key].description).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(SETTINGS_DEFAULTS.languages).toEqual(['markdown', 'plaintext']);
    expect(SETTINGS_DEFAULTS.allowListFile).toBe('.tifa/allow.txt');
    expect(SETTINGS_DEFAULTS.debounceMs).toBe(150);
  });

  it('规则设置的说明列出所有规则 id', () => {
    for (const id of RULE_IDS) expect(SETTINGS_SCHEMA.rules.description).toContain(id);
  });
});

describe('normalizeSettings', () => {
  it('缺省：没有设置或 null 得到缺省值且没有问题', () => {
    expect(normalizeSettings(undefined)).toEqual({ settings: SETTINGS_DEFAULTS, problems: [] });
    expect(normalizeSettings(null)).toEqual({ settings: SETTINGS_DEFAULTS, problems: [] });
  });

  it('合法的值原样采用（warn 是 warning 的别名，保留给核心处理）', () => {
    const raw = {
      enable: false,
      dictionaries: ['a.yaml', ' '],
      asOf: '2025-06-30',
      rules: { 'outdated-term': 'error', misquote: 'off' },
      terms: { 'some-id': 'warn' },
      languages: ['markdown'],
      allowListFile: 'allow.txt',
      debounceMs: 0,
    };
    const { settings, problems } = normalizeSettings(raw);
    expect(problems).toEqual([]);
    expect(settings).toEqual({ ...raw, dictionaries: ['a.yaml'] });
  });

  it('错误的类型、未知的键、未知的规则与级别：逐条记问题，用缺省值', () => {
    const { settings, problems } = normalizeSettings({
      enable: 'yes',
      asOf: '2025/06/30',
      debounceMs: 'fast',
      rules: { nope: 'error', variant: 'loud' },
      languages: 'markdown',
      colour: 'red',
    });
    expect(settings).toEqual(SETTINGS_DEFAULTS);
    expect(problems).toHaveLength(7);
    for (const needle of ['tifa.enable', 'tifa.asOf', 'tifa.debounceMs', 'nope', 'variant', 'tifa.languages', 'tifa.colour']) {
      expect(problems.some((p) => p.includes(needle)), needle).toBe(true);
    }
  });

  it('防抖时间限制在 0–10000 ms 的整数', () => {
    expect(normalizeSettings({ debounceMs: -5 }).settings.debounceMs).toBe(0);
    expect(normalizeSettings({ debounceMs: 12.6 }).settings.debounceMs).toBe(13);
    expect(normalizeSettings({ debounceMs: 1e9 }).settings.debounceMs).toBe(10_000);
  });
});

describe('parseAllowList', () => {
  it('每行一项，# 之后是注释，去重，忽略空行', () => {
    expect(parseAllowList('# 头\nfoo-bar  # 某词\n\n  某写法 \nfoo-bar\r\n')).toEqual(['foo-bar', '某写法']);
  });
});
