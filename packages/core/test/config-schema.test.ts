// 发布的 tifa.config.schema.json 与手写校验不能走样：键、规则 id、级别、语言一致，样例配置两边结论相同。
import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../src/types';
import { CONFIG_KEYS, CONFIG_SCHEMA, LANGUAGES, OVERRIDE_KEYS, RULE_SETTINGS, schemaIssue, validateConfig } from '../src/node/index';

const s = CONFIG_SCHEMA as any;

describe('tifa.config.schema.json', () => {
  it('declares exactly the keys the validator accepts', () => {
    expect(Object.keys(s.properties).sort()).toEqual([...CONFIG_KEYS].sort());
    expect(Object.keys(s.properties.overrides.items.properties).sort()).toEqual([...OVERRIDE_KEYS].sort());
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.overrides.items.additionalProperties).toBe(false);
  });

  it('uses the same rule ids, levels and languages', () => {
    expect([...s.definitions.rules.propertyNames.enum].sort()).toEqual([...RULE_IDS].sort());
    expect([...s.definitions.level.enum].sort()).toEqual([...RULE_SETTINGS].sort());
    expect([...s.properties.language.additionalProperties.enum].sort()).toEqual([...LANGUAGES].sort());
  });

  const samples: [unknown, boolean][] = [
    [{}, true],
    [{ $schema: './tifa.config.schema.json', root: true, extends: ['./base.json', '@s/cfg'], dictionaries: ['a.yaml', '@s/dict'] }, true],
    [{ rules: { 'outdated-term': 'warn', misquote: 'off' }, terms: { x: 'hint' }, asOf: '2024-06', ignore: ['a/**'], allow: ['甲'] }, true],
    [{ language: { '.mdx': 'markdown' }, overrides: [{ files: 'a/**', asOf: '2019' }, { files: ['*.txt'], rules: { variant: 'error' } }] }, true],
    [{ extends: 'x' }, true],
    [{ unknown: 1 }, false],
    [{ rules: { nope: 'off' } }, false],
    [{ rules: { variant: 'loud' } }, false],
    [{ asOf: '2024/01/01' }, false],
    [{ root: 'yes' }, false],
    [{ language: { mdx: 'markdown' } }, false],
    [{ language: { '.mdx': 'html' } }, false],
    [{ overrides: [{ asOf: '2020' }] }, false],
    [{ overrides: [{ files: ['a'], ignore: [] }] }, false],
    [{ dictionaries: [''] }, false],
    [{ extends: 3 }, false],
    [[], false],
  ];
  it.each(samples)('agrees with the validator on %j', (config, valid) => {
    expect(validateConfig(config, []).ok).toBe(valid);
    expect(schemaIssue(config) === undefined).toBe(valid);
  });
});
