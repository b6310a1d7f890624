import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../src/match/aho-corasick';

function naive(patterns: string[], text: string): string[] {
  const out: string[] = [];
  patterns.forEach((p, i) => {
    for (let k = text.indexOf(p); k >= 0; k = text.indexOf(p, k + 1)) out.push(`${i}@${k + p.length}`);
  });
  return out.sort();
}

describe('Aho-Corasick', () => {
  it('finds exactly what a naive scan finds, overlapping and nested patterns included', () => {
    let seed = 11;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = '产教融合职普通科汇双高计划𠀀';
    const chars = [...alphabet];
    for (let round = 0; round < 50; round++) {
      const patterns = Array.from({ length: 1 + rnd(30) }, () => Array.from({ length: 1 + rnd(5) }, () => chars[rnd(chars.length)]).join(''));
      const text = Array.from({ length: rnd(300) }, () => chars[rnd(chars.length)]).join('');
      const ac = new AhoCorasick(patterns);
      const got: string[] = [];
      ac.scan(text, (p, end) => got.push(`${p}@${end}`));
      expect(got.sort()).toEqual(naive(patterns, text));
    }
  });

  it('handles duplicate and empty patterns without crashing', () => {
    const ac = new AhoCorasick(['产教', '产教', '']);
    const got: number[] = [];
    ac.scan('深化产教融合', (p) => got.push(p));
    expect(got.sort()).toEqual([0, 1]);
  });
});
