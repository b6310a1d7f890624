import { describe, expect, it } from 'vitest';
import { createGlossary, parseDictionary, type Dictionary } from '../src/index';

const HEAD = 'meta:\n  name: t\n  version: "1"\nentries:\n';
const ENTRY = (id: string, term: string, extra = '') =>
  `  - id: ${id}\n    term: ${term}\n    definition: 释义\n    category: 测试\n    status: current\n    sources:\n      - { title: 文件, issuer: 机关, date: 2024-01-02, quote: 引语 }\n${extra}`;

function parse(text: string, file = 'd.yaml', origin: 'builtin' | 'user' = 'user') {
  return parseDictionary(text, file, origin);
}

/** 取诊断的 行:列 与代码，按出现顺序。 */
function where(text: string) {
  return parse(text).diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`);
}

describe('dictionary loader', () => {
  it('accepts a valid file', () => {
    const r = parse(HEAD + ENTRY('a-b', '产教融合'));
    expect(r.diagnostics).toEqual([]);
    expect(r.dictionary?.entries[0].term).toBe('产教融合');
  });

  it('reports YAML syntax errors with line and column', () => {
    const r = parse(HEAD + '  - id: a\n    term: [未闭合\n');
    expect(r.dictionary).toBeUndefined();
    expect(r.diagnostics[0].code).toBe('yaml-syntax');
    expect(r.diagnostics[0].line).toBeGreaterThanOrEqual(6);
    expect(r.diagnostics[0].message).toMatch(/YAML 语法错误/);
  });

  it('reports unknown fields at the key, with a spelling suggestion', () => {
    const text = HEAD + ENTRY('a-b', '产教融合', '    varients: [x]\n');
    const [d] = parse(text).diagnostics;
    expect(d.code).toBe('schema-additionalProperties');
    expect(d.message).toContain('varients');
    expect(d.message).toContain('variants');
    expect(text.split('\n')[d.line - 1].slice(d.column - 1)).toMatch(/^varients/);
  });

  it('reports every problem at once: missing fields, bad enum, bad id, bad date', () => {
    const text = HEAD + '  - id: Bad_Id\n    term: 词\n    status: maybe\n    category: c\n    sources: [{ title: t, issuer: i, date: 2024-13-01, quote: q }]\n';
    const codes = parse(text).diagnostics.map((d) => d.code);
    expect(codes).toEqual(expect.arrayContaining(['schema-required', 'schema-enum', 'schema-pattern']));
    expect(codes.length).toBeGreaterThanOrEqual(4);
    for (const d of parse(text).diagnostics) expect(d.line).toBeGreaterThanOrEqual(5);
  });

  it('rejects impossible dates, duplicate ids, outdated entries without replacement', () => {
    const text =
      HEAD +
      ENTRY('a', '甲', '    since: 2023-02-30\n') +
      ENTRY('a', '乙') +
      ENTRY('c', '丙').replace('status: current', 'status: outdated');
    const d = where(text);
    expect(d).toEqual(expect.arrayContaining([expect.stringMatching(/bad-date/), expect.stringMatching(/duplicate-id/), expect.stringMatching(/missing-replacement/)]));
  });

  it('rejects invalid and catastrophic regexes but accepts simple ones', () => {
    const ctx = (p: string) => HEAD + ENTRY('a', '甲', `    context: { require: ['${p}'] }\n`);
    expect(parse(ctx('/建设|创建/')).diagnostics).toEqual([]);
    for (const bad of ['/(a+)+$/', '/(a|ab)*c/', '/(/', '/(\\\\w)\\\\1/', '/(?=x)y/']) {
      const ds = parse(ctx(bad)).diagnostics;
      expect(ds.map((x) => x.code), bad).toContain('unsafe-regex');
    }
  });

  it('context names known cue sets; an unknown name is an error with a suggestion', () => {
    const ctx = (p: string) => HEAD + ENTRY('a', '甲', `    context: { exclude: [${p}] }\n`);
    expect(parse(ctx('retrospective')).diagnostics).toEqual([]);
    const d = parse(ctx('retrospectiv')).diagnostics;
    expect(d.map((x) => x.code)).toContain('unknown-cue');
    expect(d[0].message).toContain('retrospective');
    expect(parse(ctx('中职')).diagnostics).toEqual([]);
  });

  it('period needs an end, and start must not be after end', () => {
    const per = (p: string) => HEAD + ENTRY('a', '甲', `    period: ${p}\n`);
    expect(parse(per("{ start: '2021', end: '2025' }")).diagnostics).toEqual([]);
    expect(parse(per("{ start: '2026', end: '2025' }")).diagnostics.map((x) => x.code)).toContain('bad-date');
    expect(parse(per("{ start: '2021' }")).diagnostics.length).toBeGreaterThan(0);
  });

  it('empty file and non-mapping content are errors, not crashes', () => {
    expect(parse('').diagnostics[0].code).toBe('empty');
    expect(parse('- 1\n- 2\n').diagnostics[0].code).toBe('schema-type');
  });
});

describe('merging dictionaries', () => {
  const dict = (text: string, file: string, origin: 'builtin' | 'user'): Dictionary => {
    const r = parse(text, file, origin);
    if (!r.dictionary) throw new Error(JSON.stringify(r.diagnostics));
    return r.dictionary;
  };

  it('builtin files may not share ids or forms', () => {
    const a = dict(HEAD + ENTRY('a', '产教融合'), 'a.yaml', 'builtin');
    const b = dict(HEAD + ENTRY('a', '校企合作') + ENTRY('c', '产教融合'), 'b.yaml', 'builtin');
    const { diagnostics } = createGlossary([a, b]);
    expect(diagnostics.map((d) => `${d.file}:${d.code}`)).toEqual(['b.yaml:duplicate-id', 'b.yaml:duplicate-form']);
  });

  it('user files override by id and disable earlier entries', () => {
    const base = dict(HEAD + ENTRY('a', '产教融合') + ENTRY('b', '校企合作'), 'base.yaml', 'builtin');
    const user = dict('meta: { name: u, version: "2" }\ndisable: [b]\nentries:\n' + ENTRY('a', '产教深度融合'), 'u.yaml', 'user');
    const { glossary, diagnostics } = createGlossary([base, user]);
    expect(diagnostics).toEqual([]);
    expect(glossary.entries.map((e) => e.term)).toEqual(['产教深度融合']);
    expect(glossary.version).toBe('default@1+u@2');
  });

  it('unknown replacement ids are errors at the id', () => {
    const text = HEAD + ENTRY('a', '旧词').replace('status: current', 'status: outdated') + '    replacement: { terms: [新词], id: missing-id }\n';
    const d = dict(text, 'r.yaml', 'user');
    const { diagnostics } = createGlossary([d]);
    expect(diagnostics[0].code).toBe('unknown-replacement');
    expect(text.split('\n')[diagnostics[0].line - 1]).toContain('missing-id');
  });
});
