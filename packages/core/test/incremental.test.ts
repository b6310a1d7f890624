import { describe, expect, it } from 'vitest';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createLintCache, lint } from '../src/index';
import { segmenter, starter } from './helpers';

const PARAS = [
  '学校是一所高职高专，推进1+x证书制度。',
  '中国特色高水平高职学校和专业建设计划（以下简称“双高计划”）启动。',
  '本校承担资金课题三项，街口新开了一家五金店。',
  '学校推进职普融合、产教融合、科教融汇。',
  '双高计划成效显著，组建市域产教融合联合体。',
  '```\n高职高专\n\n高职高专\n```',
  '<!-- 注释里的高职高专\n\n仍在注释里的高职高专 -->',
  '---\n\n中职学校坚持以就业为导向。\n\n---',
];

describe('chunked and cached linting', () => {
  it('gives exactly the same findings with and without a cache across random edits', () => {
    const cache = createLintCache();
    const seg = segmenter();
    let seed = 5;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    let paras = [...PARAS];
    for (let round = 0; round < 60; round++) {
      const k = rnd(paras.length);
      const op = rnd(3);
      if (op === 0) paras[k] = paras[k] + '高职高专。';
      else if (op === 1) paras.splice(k, 1, PARAS[rnd(PARAS.length)]);
      else paras[k] = paras[k].slice(0, Math.max(0, paras[k].length - 3));
      if (paras.length < 3) paras = [...PARAS];
      const text = paras.join(rnd(2) ? '\n\n' : '\r\n\r\n');
      const plain = lint(text, starter(), { segmenter: seg, asOf: '2026-11-29' });
      const cached = lint(text, starter(), { segmenter: seg, asOf: '2026-11-29', cache });
      expect(cached).toEqual(plain);
      for (const f of plain) expect(text.slice(f.offset, f.offset + f.length)).toBe(f.matched);
    }
  });

  it('does not split code fences, comments or front matter, and only the first block has front matter', () => {
    const text = ['---', 'date: 2019-01-01', '', 'title: x', '---', '', PARAS[5], '', PARAS[6], '', '---', '', '学校是一所高职高专。', '', '---'].join('\n');
    // 前言日期 2019：高职高专当时不算过时；代码块与注释里的也不算
    expect(lint(text, starter())).toEqual([]);
    const later = text.replace('2019-01-01', '2024-01-01');
    expect(lint(later, starter()).map((f) => f.matched)).toEqual(['高职高专']);
  });

  it('first-mention looks at the whole document, not each block', () => {
    const text = [PARAS[1], PARAS[0], PARAS[4]].join('\n\n');
    expect(lint(text, starter()).filter((f) => f.ruleId === 'first-mention')).toEqual([]);
    const shortFirst = [PARAS[4], PARAS[1], PARAS[4]].join('\n\n');
    expect(lint(shortFirst, starter()).filter((f) => f.ruleId === 'first-mention').map((f) => f.offset)).toEqual([0]);
  });

  it('re-lints only the blocks that changed', () => {
    let cuts = 0;
    const seg = segmenter()!;
    const counting = { cut: (s: string) => (cuts++, seg.cut(s)) };
    const cache = createLintCache();
    const text = PARAS.slice(0, 5).join('\n\n');
    lint(text, starter(), { segmenter: counting, cache });
    const first = cuts;
    expect(first).toBeGreaterThan(0);
    cuts = 0;
    lint(text, starter(), { segmenter: counting, cache });
    expect(cuts).toBe(0);
    lint(text.replace('学校是一所', '这是一所'), starter(), { segmenter: counting, cache });
    expect(cuts).toBeGreaterThan(0);
    expect(cuts).toBeLessThan(first);
  });
});

describe('cached linting and memory', () => {
  it('does not keep an old version of the whole document alive for every cached block', () => {
    // 块结果里的字符串若是原文的切片，缓存住的每个块都会留住它算出时那一版的整篇文档
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const seg = segmenter();
    const cache = createLintCache();
    const filler = '学校深化教育教学改革，持续提升人才培养质量，服务区域经济社会发展。'.repeat(200);
    // 误引的提法够长（≥ 13 字）：V8 对这样的切片不复制，只记下原文与起止
    const paras = Array.from({ length: 40 }, (_, i) => `第${i}段：学校推进职普融合、产教融合、科教融汇。${filler}`);
    lint(paras.join('\n\n'), starter(), { segmenter: seg, asOf: '2026-11-29', cache });
    gc();
    const before = process.memoryUsage().heapUsed;
    // 每次改一个不同的段落：40 个块各自在不同的版本里重算
    for (let k = 0; k < paras.length; k++) {
      paras[k] += '。';
      lint(paras.join('\n\n'), starter(), { segmenter: seg, asOf: '2026-11-29', cache });
    }
    gc();
    const grown = process.memoryUsage().heapUsed - before;
    // 每版全文约 0.5 MB（约 26 万字，两字节一字），40 版约 21 MB；只留各块自己的文字时只多几 MB
    expect(grown).toBeLessThan(12e6);
  });
});
