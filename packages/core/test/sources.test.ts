// 存档原文与引语追溯：解析前言、逐字核对引语（同一段内、空白除外）、官方链接、权威来源。
import { describe, expect, it } from 'vitest';
import { createGlossary, findQuote, isOfficialUrl, parseDictionary, parseSourceDocument, traceabilityReport } from '../src/index';

const DOC = `---
title: 关于测试的通知
issuer: 某部
date: 2024-03-01
number: 某发〔2024〕1号
url: https://www.moe.gov.cn/srcsite/test.html
seen_at: http://mirror.example.com/a.html
kind: ministry-document
---

一、坚持产教融合、校企合作，
推动职普融通。

二、另一段话。
`;

const HEAD = 'meta:\n  name: t\n  version: "1"\nentries:\n';
function dict(source: string, origin: 'builtin' | 'user' = 'builtin', extra = '') {
  const text = `${HEAD}  - id: a-b\n    term: 产教融合\n    definition: 释义\n    category: 测试\n    status: current\n${extra}    sources:\n      - ${source}\n`;
  const r = parseDictionary(text, 'd.yaml', origin);
  expect(r.diagnostics).toEqual([]);
  return { text, dictionary: r.dictionary! };
}

describe('stored official texts', () => {
  const { document } = parseSourceDocument(DOC, '/x/sources/2024-03-01-ceshi.md');
  const docs = new Map([[document!.id, document!]]);

  it('parses the front matter and paragraphs with their lines', () => {
    expect(document).toMatchObject({ id: '2024-03-01-ceshi', title: '关于测试的通知', number: '某发〔2024〕1号', kind: 'ministry-document', seenAt: 'http://mirror.example.com/a.html' });
    expect(document!.paragraphs.map((p) => p.line)).toEqual([11, 14]);
  });

  it('finds a quote verbatim within one paragraph, whitespace aside, never across paragraphs', () => {
    expect(findQuote(document!, '校企合作，推动职普融通')).toEqual({ line: 11 });
    expect(findQuote(document!, '职普融通。二、另一段')).toBeUndefined();
    expect(findQuote(document!, '推动普职融通')).toBeUndefined();
  });

  it('resolves ref into title, issuer, date, number and official link', () => {
    const { dictionary } = dict('{ ref: 2024-03-01-ceshi, quote: 坚持产教融合 }');
    const { glossary, diagnostics } = createGlossary([dictionary], { sources: docs });
    expect(diagnostics).toEqual([]);
    expect(glossary.byId('a-b')!.sources[0]).toMatchObject({ title: '关于测试的通知', issuer: '某部', date: '2024-03-01', url: 'https://www.moe.gov.cn/srcsite/test.html', number: '某发〔2024〕1号' });
  });

  it('reports an untraced quote and an unknown ref at their YAML positions', () => {
    const bad = dict('{ ref: 2024-03-01-ceshi, quote: 坚持产教融和 }');
    const d1 = createGlossary([bad.dictionary], { sources: docs }).diagnostics;
    expect(d1.map((d) => d.code)).toEqual(['untraced-quote']);
    expect(bad.text.split('\n')[d1[0].line - 1].slice(d1[0].column - 1)).toMatch(/^坚持产教融和/);
    const missing = dict('{ ref: 2099-01-01-none, quote: 坚持产教融合 }');
    expect(createGlossary([missing.dictionary], { sources: docs }).diagnostics.map((d) => d.code)).toEqual(['unknown-source']);
  });

  it('requires stored sources for the default glossary and authority for high-confidence rules', () => {
    const legacy = dict('{ title: 文件, issuer: 机关, date: 2024-01-02, quote: 引语 }');
    const g1 = createGlossary([legacy.dictionary], { sources: docs }).glossary;
    expect(traceabilityReport(g1, [legacy.dictionary]).map((d) => d.code)).toEqual(['unstored-source']);
    const user = dict('{ title: 文件, issuer: 机关, date: 2024-01-02, quote: 引语 }', 'user');
    expect(traceabilityReport(createGlossary([user.dictionary], { sources: docs }).glossary, [user.dictionary])).toEqual([]);

    const news = parseSourceDocument(DOC.replace('ministry-document', 'news-report').replace('2024-03-01-ceshi', ''), '/x/sources/2024-03-02-xinwen.md').document!;
    const high = dict('{ ref: 2024-03-02-xinwen, quote: 坚持产教融合 }', 'builtin', '    kind: formulation\n    confidence: high\n');
    const g2 = createGlossary([high.dictionary], { sources: new Map([[news.id, news]]) }).glossary;
    expect(traceabilityReport(g2, [high.dictionary]).map((d) => d.code)).toEqual(['weak-source']);
  });

  it('accepts only official publishers as url and reports bad front matter', () => {
    expect(isOfficialUrl('https://www.gov.cn/zhengce/content/2019-02/13/content_5365341.htm')).toBe(true);
    expect(isOfficialUrl('http://www.news.cn/politics/a.htm')).toBe(true);
    expect(isOfficialUrl('https://gov.cn.example.com/a')).toBe(false);
    expect(isOfficialUrl('http://fx361.com/a')).toBe(false);
    const r = parseSourceDocument(DOC.replace('https://www.moe.gov.cn/srcsite/test.html', 'http://www.fx361.com/page.html').replace('kind: ministry-document', 'kind: blog\nauthor: x'), 's.md');
    expect(r.document).toBeUndefined();
    expect(r.diagnostics.map((d) => `${d.line} ${d.code}`).sort()).toEqual(['6 source-unofficial-url', '8 source-bad-kind', '9 source-unknown-field']);
  });
});
