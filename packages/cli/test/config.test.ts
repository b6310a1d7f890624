import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/config-resolver';
import { didYouMean } from '../src/config/did-you-mean';
import { parseJsonWithPositions } from '../src/config/json-with-positions';
import { loadConfigFile } from '../src/config/load-config';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-config-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string): string {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** 文本中某个片段的 1 起算行列（测试里按搜索定位，不手写行列）。 */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

describe('parseJsonWithPositions', () => {
  it('locates keys and values by path', () => {
    const text = '{\n  "rules": { "misquote": "off" },\n  "ignore": ["a", "b"]\n}';
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual(JSON.parse(text));
    expect(r.locate(['rules', 'misquote'])?.keyOffset).toBe(text.indexOf('"misquote"'));
    expect(r.locate(['rules', 'misquote'])?.valueOffset).toBe(text.indexOf('"off"'));
    expect(r.locate(['ignore', 1])?.valueOffset).toBe(text.indexOf('"b"'));
  });

  it('reports the offset of a syntax error', () => {
    const text = '{\n  "rules": {},\n  "asOf": "2024-01-01",\n}';
    const r = parseJsonWithPositions(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.offset).toBe(text.lastIndexOf('}'));
    expect(r.message).toMatch(/JSON 语法错误/);
  });

  it('agrees with JSON.parse on escapes and numbers', () => {
    const text = '{"a": "\\u804c\\n\\"x\\"", "b": [1, -2.5e3, true, null], "c": {}}';
    const r = parseJsonWithPositions(text);
    expect(r.ok && r.value).toEqual(JSON.parse(text));
  });
});

describe('didYouMean', () => {
  it('suggests the closest key within a small distance', () => {
    expect(didYouMean('dictionary', ['dictionaries', 'rules', 'ignore'])).toBe('dictionaries');
    expect(didYouMean('Rules', ['dictionaries', 'rules'])).toBe('rules');
    expect(didYouMean('zzzzzzzz', ['dictionaries', 'rules'])).toBeUndefined();
  });
});

describe('loadConfigFile', () => {
  it('reports an unknown key at its position with a suggestion', () => {
    const text = '{\n  "rules": {},\n  "dictionary": ["a.yaml"]\n}\n';
    const file = write('unknown/tifa.config.json', text);
    const r = loadConfigFile(file)!;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ file, ...positionOf(text, '"dictionary"'), message: '未知配置项 dictionary，是否想写 dictionaries？' });
  });

  it('checks rule ids, levels and dates', () => {
    const bad = [
      ['{"rules": {"outdated": "warn"}}', '"outdated"', /未知规则 outdated，是否想写 outdated-term/],
      ['{"rules": {"misquote": "loud"}}', '"loud"', /级别应为/],
      ['{"asOf": "2024-02-30"}', '"2024-02-30"', /asOf 应为 YYYY-MM-DD/],
      ['{"ignore": "docs"}', '"docs"', /ignore 应为字符串数组/],
      ['{"language": {"mdx": "markdown"}}', '"mdx"', /扩展名/],
    ] as const;
    bad.forEach(([text, needle, message], i) => {
      const file = write(`bad${i}/.tifarc.json`, text);
      const r = loadConfigFile(file)!;
      expect(r.ok, text).toBe(false);
      if (r.ok) return;
      expect(r.error.message).toMatch(message);
      expect({ line: r.error.line, column: r.error.column }).toEqual(positionOf(text, needle));
    });
  });

  it('resolves dictionaries relative to the config file and reads package.json "tifa"', () => {
    const file = write('pkg/package.json', JSON.stringify({ name: 'x', tifa: { dictionaries: ['dicts/ours.yaml'], allow: ['示范校'] } }));
    const r = loadConfigFile(file)!;
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.config.dictionaries).toEqual([path.join(root, 'pkg/dicts/ours.yaml')]);
    expect(r.config.allow).toEqual(['示范校']);
    expect(loadConfigFile(write('plain/package.json', '{"name": "y"}'))).toBeUndefined();
  });
});

describe('ConfigResolver', () => {
  it('uses the nearest config upward and skips package.json without "tifa"', () => {
    write('tree/tifa.config.json', '{"rules": {"variant": "off"}}');
    write('tree/sub/package.json', '{"name": "sub"}');
    write('tree/sub/deeper/.tifarc.json', '{"rules": {"misquote": "error"}}');
    const resolver = new ConfigResolver();
    const sub = resolver.forFile(path.join(root, 'tree/sub/a.md'));
    expect(sub?.ok && sub.config.file).toBe(path.join(root, 'tree/tifa.config.json'));
    const deeper = resolver.forFile(path.join(root, 'tree/sub/deeper/b.md'));
    expect(deeper?.ok && deeper.config.rules).toEqual({ misquote: 'error' });
  });
});
