// 自动机的扫描窗口与同一结束位置上命中的顺序（与朴素查找的对照在 matcher.test.ts）。
import { describe, expect, it } from 'vitest';
import { AhoCorasick } from '../src/match/aho-corasick';

describe('AhoCorasick', () => {
  it('scans a window and reports longer matches first at the same end', () => {
    const ac = new AhoCorasick(['产教融合', '融合', '教融合']);
    const got: [number, number][] = [];
    ac.scan('深化产教融合，产教', (p, end) => got.push([p, end]), 2);
    expect(got).toEqual([[0, 6], [2, 6], [1, 6]]);
    const none: number[] = [];
    ac.scan('深化产教融合', (p) => none.push(p), 0, 5);
    expect(none).toEqual([]);
  });
});
