// cppjieba MixSegment 的等价物（nodejieba 的 cut(s, true)）：按分隔符切段 → 最大概率路径（MPSegment）→ 连续单字交给 HMM。
import { MIN_DOUBLE, type DictTrie } from './dict-trie';
import { hmmCut, type HmmModel } from './hmm';

/** cppjieba 的 SPECIAL_SEPARATORS：空格、制表符、换行、全角逗号、句号。 */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);

export class MixSegmenter {
  constructor(
    private readonly dict: DictTrie,
    private readonly model: HmmModel,
  ) {}

  cut(sentence: string): string[] {
    const chars = Array.from(sentence);
    const runes = chars.map((c) => c.codePointAt(0)!);
    const ends: number[] = [];
    let begin = 0;
    // PreFilter：分隔符单独成段，其余连续的字成段
    while (begin < runes.length) {
      let end = begin;
      if (SEPARATORS.has(runes[end]!)) end++;
      else while (end < runes.length && !SEPARATORS.has(runes[end]!)) end++;
      this.cutRange(chars, runes, begin, end, ends);
      begin = end;
    }
    const words: string[] = [];
    let start = 0;
    for (const end of ends) {
      words.push(chars.slice(start, end).join(''));
      start = end;
    }
    return words;
  }

  private cutRange(chars: string[], runes: number[], begin: number, end: number, out: number[]): void {
    const mp = this.mpCut(chars, begin, end);
    let i = 0;
    let start = begin;
    while (i < mp.length) {
      const wordEnd = mp[i]!;
      if (wordEnd - start > 1 || this.dict.userSingles.has(chars[start]!)) {
        out.push(wordEnd);
        start = wordEnd;
        i++;
        continue;
      }
      // 连续的单字（不是用户词典里的单字）整段交给 HMM
      let j = i;
      let runEnd = start;
      while (j < mp.length && mp[j]! - runEnd === 1 && !this.dict.userSingles.has(chars[runEnd]!)) {
        runEnd = mp[j]!;
        j++;
      }
      hmmCut(this.model, runes, start, runEnd, out);
      start = runEnd;
      i = j;
    }
  }

  /** 最大概率路径：DAG 从右向左动态规划，返回每个词的终点。 */
  private mpCut(chars: string[], begin: number, end: number): number[] {
    const n = end - begin;
    const nodes = this.dict.nodes;
    const best = new Float64Array(n + 1);
    const next = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      best[i] = MIN_DOUBLE;
      let word = chars[begin + i]!;
      // 单字：词典里没有（或只是前缀）时按最小权重
      let w = nodes.get(word);
      let val = 0;
      if (i + 1 < n) val += best[i + 1]!;
      val += w ?? this.dict.minWeight;
      if (val > best[i]!) {
        best[i] = val;
        next[i] = i + 1;
      }
      if (w === undefined) continue;
      for (let j = i + 1; j < n; j++) {
        word += chars[begin + j]!;
        w = nodes.get(word);
        if (w === undefined) break;
        if (w === null) continue;
        val = 0;
        if (j + 1 < n) val += best[j + 1]!;
        val += w;
        if (val > best[i]!) {
          best[i] = val;
          next[i] = j + 1;
        }
      }
    }
    const ends: number[] = [];
    for (let i = 0; i < n; i = next[i]!) ends.push(begin + next[i]!);
    return ends;
  }
}
