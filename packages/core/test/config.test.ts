// 配置解析器：JSONC、定位的错误、重复键与原型键、深嵌套、extends、逐级合并、root、overrides、白名单文件、词典包。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver, didYouMean, loadConfigFile, parseJsonc } from '../src/node/index';

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

function errorOf(file: string) {
  const r = loadConfigFile(file)!;
  expect(r.ok).toBe(false);
  return r.ok ? undefined! : r.error;
}

describe('parseJsonc', () => {
  it('accepts comments and trailing commas and locates keys and values', () => {
    const text = '// 学校的配置\n{\n  "rules": { "misquote": "off", }, /* 说明 */\n  "ignore": ["a", "b",],\n}';
    const r = parseJsonc(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toEqual({ rules: { misquote: 'off' }, ignore: ['a', 'b'] });
    expect(r.locate(['rules', 'misquote'])?.keyOffset).toBe(text.indexOf('"misquote"'));
    expect(r.locate(['rules', 'misquote'])?.valueOffset).toBe(text.indexOf('"off"'));
    expect(r.locate(['ignore', 1])?.valueOffset).toBe(text.indexOf('"b"'));
  });

  it('rejects duplicate keys and prototype keys at their position', () => {
    const dup = '{"asOf": "2024-01-01",\n "asOf": "2020-01-01"}';
    const r = parseJsonc(dup);
    expect(r.ok || r.message).toMatch(/重复的键 asOf/);
    expect(r.ok || r.offset).toBe(dup.lastIndexOf('"asOf"'));
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const r2 = parseJsonc(`{"rules": {"${key}": {"misquote": "off"}}}`);
      expect(r2.ok || r2.message).toMatch(new RegExp(`不允许的键 ${key}`));
    }
  });

  it('gives a located error instead of overflowing the stack on 20,000-deep nesting', () => {
    const text = '['.repeat(20_000) + ']'.repeat(20_000);
    const r = parseJsonc(text);
    expect(r.ok).toBe(false);
    expect(r.ok || r.message).toMatch(/嵌套超过 64 层/);
    expect(r.ok || r.offset).toBe(64);
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
    expect(errorOf(file)).toEqual({ file, ...positionOf(text, '"dictionary"'), message: '未知配置项 dictionary，是否想写 dictionaries？' });
  });

  it('checks rule ids, levels, dates, overrides and extends', () => {
    const bad = [
      ['{"rules": {"outdated": "warn"}}', '"outdated"', /未知规则 outdated，是否想写 outdated-term/],
      ['{"rules": {"misquote": "loud"}}', '"loud"', /级别应为/],
      ['{"asOf": "2024-02-30"}', '"2024-02-30"', /asOf 应为 YYYY-MM-DD/],
      ['{"ignore": "docs"}', '"docs"', /ignore 应为字符串数组/],
      ['{"language": {"mdx": "markdown"}}', '"mdx"', /扩展名/],
      ['{"overrides": [{"files": ["a/**"], "ignore": []}]}', '"ignore"', /未知 overrides 配置项 ignore/],
      ['{"overrides": [{"asOf": "2020"}]}', '{"asOf"', /要有 files/],
      ['{"extends": "./missing.json"}', '"./missing.json"', /无法读取配置文件/],
      ['{"extends": "@nobody/tifa-config"}', '"@nobody/tifa-config"', /找不到 npm 包 @nobody\/tifa-config/],
      ['{"dictionaries": ["@nobody/tifa-dict"]}', '"@nobody/tifa-dict"', /找不到词典包 @nobody\/tifa-dict/],
    ] as const;
    bad.forEach(([text, needle, message], i) => {
      const file = write(`bad${i}/.tifarc.json`, text);
      const e = errorOf(file);
      expect(e.message, text).toMatch(message);
      // extends 指向的文件读不了时，错误报在那个文件上
      if (e.file === file) expect({ line: e.line, column: e.column }, text).toEqual(positionOf(text, needle));
    });
  });

  it('resolves dictionaries relative to the config file and reads package.json "tifa"', () => {
    const file = write('pkg/package.json', JSON.stringify({ name: 'x', tifa: { dictionaries: ['dicts/ours.yaml'], allow: ['示范校'] } }));
    const r = loadConfigFile(file)!;
    expect(r.ok && r.config.dictionaries).toEqual([path.join(root, 'pkg/dicts/ours.yaml')]);
    expect(r.ok && r.config.allow).toEqual(['示范校']);
    expect(loadConfigFile(write('plain/package.json', '{"name": "y"}'))).toBeUndefined();
  });

  it('reports an extends cycle instead of recursing forever', () => {
    write('cycle/a.json', '{"extends": "./b.json"}');
    write('cycle/b.json', '{"extends": "./a.json"}');
    expect(errorOf(write('cycle/tifa.config.json', '{"extends": "./a.json"}')).message).toMatch(/循环引用/);
  });
});

describe('ConfigResolver', () => {
  it('merges nested configs over their parents, skipping package.json without "tifa"', () => {
    write('tree/tifa.config.json', '{"rules": {"variant": "off"}, "dictionaries": ["root.yaml"], "asOf": "2024-01-01"}');
    write('tree/sub/package.json', '{"name": "sub"}');
    write('tree/sub/deeper/.tifarc.json', '{"rules": {"misquote": "error"}, "dictionaries": ["deep.yaml"]}');
    const resolver = new ConfigResolver();
    const sub = resolver.forFile(path.join(root, 'tree/sub/a.md'));
    expect(sub.ok && sub.config.file).toBe(path.join(root, 'tree/tifa.config.json'));
    const deeper = resolver.forFile(path.join(root, 'tree/sub/deeper/b.md'));
    expect(deeper.ok && deeper.config.rules).toEqual({ variant: 'off', misquote: 'error' });
    expect(deeper.ok && deeper.config.dictionaries).toEqual([path.join(root, 'tree/root.yaml'), path.join(root, 'tree/sub/deeper/deep.yaml')]);
    expect(deeper.ok && deeper.config.asOf).toBe('2024-01-01');
  });

  it('stops at root: true and applies extends under the config and overrides by glob', () => {
    write('rooted/tifa.config.json', '{"rules": {"variant": "off"}}');
    write('rooted/proj/base.json', '{"rules": {"first-mention": "off", "misquote": "info"}, "allow": ["甲"]}');
    write(
      'rooted/proj/tifa.config.json',
      '{"root": true, "extends": "./base.json", "rules": {"misquote": "error"}, "overrides": [{"files": ["archive/**"], "asOf": "2019-06-01", "rules": {"outdated-term": "off"}}, {"files": "*.txt", "allow": ["乙"]}]}',
    );
    const resolver = new ConfigResolver();
    const plain = resolver.forFile(path.join(root, 'rooted/proj/docs/a.md'));
    expect(plain.ok && plain.config.rules).toEqual({ 'first-mention': 'off', misquote: 'error' });
    expect(plain.ok && plain.config.asOf).toBeUndefined();
    const archived = resolver.forFile(path.join(root, 'rooted/proj/archive/2019/a.md'));
    expect(archived.ok && archived.config.asOf).toBe('2019-06-01');
    expect(archived.ok && archived.config.rules['outdated-term']).toBe('off');
    const txt = resolver.forFile(path.join(root, 'rooted/proj/docs/n.txt'));
    expect(txt.ok && txt.config.allow).toEqual(['甲', '乙']);
  });

  it('reads .tifa/allow.txt of the folder and its parents', () => {
    write('allow/.tifa/allow.txt', '# 工作区白名单\ngaozhi-gaozhuan  # 注释\n');
    write('allow/sub/.tifa/allow.txt', '示范校\n');
    const r = new ConfigResolver().forFile(path.join(root, 'allow/sub/a.md'));
    expect(r.ok && r.config.allow).toEqual(['gaozhi-gaozhuan', '示范校']);
    expect(r.ok && r.config.allowFiles).toHaveLength(2);
  });

  it('expands a dictionary package into the YAML files its package.json declares', () => {
    write('pkgs/node_modules/@our-school/tifa-dict/package.json', JSON.stringify({ name: '@our-school/tifa-dict', tifa: { dictionaries: ['dict/a.yaml', 'dict/b.yaml'] } }));
    write('pkgs/node_modules/no-tifa/package.json', JSON.stringify({ name: 'no-tifa' }));
    write('pkgs/app/tifa.config.json', '{"dictionaries": ["@our-school/tifa-dict", "./local.yaml"]}');
    const r = new ConfigResolver().forFile(path.join(root, 'pkgs/app/x.md'));
    const pkgDir = fs.realpathSync(path.join(root, 'pkgs/node_modules/@our-school/tifa-dict'));
    expect(r.ok && r.config.dictionaries).toEqual([path.join(pkgDir, 'dict/a.yaml'), path.join(pkgDir, 'dict/b.yaml'), path.join(root, 'pkgs/app/local.yaml')]);
    const text = '{"dictionaries": ["no-tifa"]}';
    const bad = new ConfigResolver().forFile(path.join(write('pkgs/bad/tifa.config.json', text), '..', 'x.md'));
    expect(bad.ok || bad.error.message).toMatch(/没有声明 "tifa"/);
  });
});
