// 锚点分工（packages/core/src/anchor-plan.ts）只省工作、不改结果：在真实的默认词表与全部存档原文上，
// scan() 选出的（句子，提法）比对对与“每个锚点命中都立即记位”的朴素算法完全相同。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '@tifa/core/node';
import { scan } from '../packages/core/src/scan';
import { ROOT } from './cli/helpers';

const { glossary } = loadGlossary();

function popcount(x: number): number {
  let n = 0;
  for (; x; x &= x - 1) n++;
  return n;
}

/** 朴素算法：每句里出现过的锚点模式，逐个给它的所有提法记位，句末按 anchorsNeeded 判断。 */
function naiveCandidates(text: string): string[] {
  const s = scan(text, glossary, 'markdown');
  const m = s.matcher;
  const bySentence = new Map<number, { end: number; patterns: Set<number> }>();
  m.ac.scan(s.p.norm, (pattern, end) => {
    if (m.anchorStart[pattern] === m.anchorStart[pattern + 1]) return;
    const sent = s.sentences.sentenceAt(end - m.ac.lengths[pattern]);
    let e = bySentence.get(sent.start);
    if (!e) bySentence.set(sent.start, (e = { end: sent.end, patterns: new Set() }));
    e.patterns.add(pattern);
  });
  const out: string[] = [];
  for (const [start, { end, patterns }] of bySentence) {
    const masks = new Map<number, number>();
    for (const p of patterns) {
      for (let k = m.anchorStart[p]; k < m.anchorStart[p + 1]; k++) {
        const fi = m.anchorFormulation[k];
        masks.set(fi, (masks.get(fi) ?? 0) | m.anchorBit[k]);
      }
    }
    for (const [fi, mask] of masks) if (popcount(mask) >= m.formulations[fi].anchorsNeeded) out.push(`${start}-${end}:${fi}`);
  }
  return out.sort();
}

describe('anchor plan', () => {
  it('selects exactly the (sentence, formulation) pairs of the naive count, on every stored official text', () => {
    const dir = path.join(ROOT, 'dictionaries/sources');
    const text = fs
      .readdirSync(dir)
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n\n');
    const got = scan(text, glossary, 'markdown').candidates.map((c) => `${c.start}-${c.end}:${c.formulation}`).sort();
    const want = naiveCandidates(text);
    expect(want.length).toBeGreaterThan(500);
    expect(got).toEqual(want);
  });
});
