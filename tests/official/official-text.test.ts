// 官方原文是基准：dictionaries/sources/ 里每份存档原文按它自己的日期检查，必须零警告、零错误。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint, traceabilityReport } from '@tifa/core';
import { createJiebaSegmenter, defaultDictionaryDir, loadGlossary, loadSourceDocuments, sourceFiles } from '@tifa/core/node';

const dir = path.join(defaultDictionaryDir()!, 'sources');
const { glossary, dictionaries } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);

describe('official texts at their own date', () => {
  it('every stored excerpt parses', () => {
    const { diagnostics } = loadSourceDocuments([dir]);
    expect(diagnostics.map((d) => `${d.file}:${d.line} ${d.message}`)).toEqual([]);
  });

  it('hold at least 150 passages, and every quote of the default glossary is traced to one of them', () => {
    const { documents } = loadSourceDocuments([dir]);
    const passages = [...documents.values()].reduce((n, d) => n + d.paragraphs.length, 0);
    expect(passages).toBeGreaterThanOrEqual(150);
    const untraced = traceabilityReport(glossary, dictionaries).map((d) => `${path.relative(dir, d.file)}:${d.line} ${d.message}`);
    expect(untraced).toEqual([]);
  });

  it('produce no warnings or errors', () => {
    const report: string[] = [];
    for (const file of sourceFiles(dir)) {
      const text = fs.readFileSync(file, 'utf8');
      // 前言里的 date: 就是文档日期
      for (const f of lint(text, glossary, { segmenter })) {
        if (f.severity !== 'error' && f.severity !== 'warning') continue;
        const line = text.slice(0, f.offset).split('\n').length;
        report.push(`${path.basename(file)}:${line} ${f.ruleId}/${f.termId} “${f.matched}” ${f.message}`);
      }
    }
    expect(report).toEqual([]);
  });
});
