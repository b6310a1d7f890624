// 默认词表的质量门槛：加载真实文件，跑每个词条自带的例句，检查数量与形近词覆盖。
import { describe, expect, it } from 'vitest';
import { runExamples, type Entry } from '@tifa/core';
import { createJiebaSegmenter, defaultDictionaryDir, dictionaryFiles, loadGlossary } from '@tifa/core/node';

const { glossary, diagnostics } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const examplesOf = (e: Entry, kind: 'flag' | 'pass') => e.examples?.[kind] ?? [];

describe('default glossary', () => {
  it('lives in dictionaries/ and loads without errors', () => {
    expect(defaultDictionaryDir()).toMatch(/dictionaries$/);
    const errors = diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(errors).toEqual([]);
    const warnings = diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`);
    expect(warnings).toEqual([]);
  });

  it('every file has a $schema header and entries sorted by id', () => {
    const fs = require('node:fs') as typeof import('node:fs');
    for (const file of dictionaryFiles(defaultDictionaryDir()!)) {
      const text = fs.readFileSync(file, 'utf8');
      expect(text.startsWith('# yaml-language-server: $schema='), file).toBe(true);
      const ids = glossary.entries.filter((e) => e.file === file).map((e) => e.id);
      expect(ids, file).toEqual([...ids].sort());
    }
  });

  it('every entry example passes through the real engine', () => {
    const run = runExamples(glossary, { segmenter });
    const report = run.failures.map((f) => `${f.file}:${f.line} ${f.entryId} [${f.kind}] ${f.text} → ${f.message}`);
    expect(report).toEqual([]);
  });

  it('meets the coverage gates', () => {
    const current = glossary.entries.filter((e) => e.status === 'current' && e.kind === 'term');
    const outdated = glossary.entries.filter((e) => e.status === 'outdated');
    const formulations = glossary.entries.filter((e) => e.kind === 'formulation');
    expect(current.length).toBeGreaterThanOrEqual(150);
    expect(outdated.length).toBeGreaterThanOrEqual(40);
    expect(formulations.length).toBeGreaterThanOrEqual(40);
    for (const e of outdated) {
      expect(examplesOf(e, 'flag').length, `${e.id} flag`).toBeGreaterThanOrEqual(2);
      expect(examplesOf(e, 'pass').length, `${e.id} pass`).toBeGreaterThanOrEqual(2);
    }
    for (const e of glossary.entries) {
      const short = [e.term, ...(e.variants ?? [])].some((f) => [...f].length <= 3);
      if (short && e.kind === 'term') expect(examplesOf(e, 'pass').length, `${e.id} look-alike pass examples`).toBeGreaterThanOrEqual(3);
      expect(e.sources.length, e.id).toBeGreaterThanOrEqual(1);
      if (e.status === 'outdated') expect(e.replacement?.terms.length, e.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('built-in entries name cue sets in context, never literal words or regexes', () => {
    const bad: string[] = [];
    for (const e of glossary.entries)
      for (const field of ['require', 'requireAll', 'exclude'] as const)
        for (const p of e.context?.[field] ?? []) if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p)) bad.push(`${e.id}.${field}: ${p}`);
    expect(bad).toEqual([]);
  });

  it('period entries have a consistent start and end', () => {
    for (const e of glossary.entries.filter((x) => x.period)) {
      if (e.period!.start) expect(e.period!.start.slice(0, 4) <= e.period!.end.slice(0, 4), e.id).toBe(true);
    }
    expect(glossary.entries.filter((e) => e.period).length).toBeGreaterThanOrEqual(10);
  });

  it('the documents list has unique titles and 〔〕 numbers', () => {
    const titles = glossary.documents.map((d) => d.title);
    expect(new Set(titles).size).toBe(titles.length);
    expect(glossary.documents.length).toBeGreaterThanOrEqual(30);
    for (const d of glossary.documents) if (d.number) expect(d.number, d.id).toMatch(/^\S+〔(19|20)\d{2}〕\d+号$/);
  });
});
