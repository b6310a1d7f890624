// cppjieba MixSegment 的等价物（nodejieba 的 cut(s, true)）：按分隔符切段 → 最大概率路径（MPSegment）→ 连续单字交给 HMM。
import { childOf, MIN_DOUBLE, type DictTrie } from './dict-trie';
import { hmmCut, type HmmModel } from './hmm';

/** cppjieba 的 SPECIAL_SEPARATORS：空格、制表符、换行、全角逗号、句号。 */
const SEPARATORS = new Set([0x20, 0x09, 0x0a, 0xff0c, 0x3002]);

export class MixSegmenter {
  constructor(
    private readonly dict: DictTrie,
    private readonly model: HmmModel,
  ) {}

  cut(sentence: string): string[] {
    // 只有基本平面字符（绝大多数中文）时码点就是码元，词直接按下标从原串切出；否则按码点拆开再拼
    const astral = /[\ud800-\udfff]/.test(sentence);
    const chars = astral ? Array.from(sentence) : undefined;
    const runes: number[] = chars ? chars.map((c) => c.codePointAt(0)!) : new Array<number>(sentence.length);
    if (!chars) for (let i = 0; i < sentence.length; i++) runes[i] = sentence.charCodeAt(i);
    const ends: number[] = [];
    let begin = 0;
    // PreFilter：分隔符单独成段，其余连续的字成段
    while (begin < runes.length) {
      let end = begin;
      if (SEPARATORS.has(runes[end]!)) end++;
      else while (end < runes.length && !SEPARATORS.has(runes[end]!)) end++;
      this.cutRange(runes, begin, end, ends);
      begin = end;
    }
    const words: string[] = new Array<string>(ends.length);
    let start = 0;
    ends.forEach((end, k) => {
      words[k] = chars ? chars.slice(start, end).join('') : sentence.slice(start, end);
      start = end;
    });
    return words;
  }

  private cutRange(runes: number[], begin: number, end: number, out: number[]): void {
    const mp = this.mpCut(runes, begin, end);
    let i = 0;
    let start = begin;
    while (i < mp.length) {
      const wordEnd = mp[i]!;
      if (wordEnd - start > 1 || this.dict.userSingles.has(runes[start]!)) {
        out.push(wordEnd);
        start = wordEnd;
        i++;
        continue;
      }
      // 连续的单字（不是用户词典里的单字）整段交给 HMM
      let j = i;
      let runEnd = start;
      while (j < mp.length && mp[j]! - runEnd === 1 && !this.dict.userSingles.has(runes[runEnd]!)) {
        runEnd = mp[j]!;
        j++;
      }
      hmmCut(this.model, runes, start, runEnd, out);
      start = runEnd;
      i = j;
    }
  }

  /** 最大概率路径：DAG 从右向左动态规划（加法顺序、严格大于与 cppjieba 相同），返回每个词的终点。 */
  private mpCut(runes: number[], begin: number, end: number): number[] {
    const n = end - begin;
    const dict = this.dict;
    const { weights, minWeight } = dict;
    const best = new Float64Array(n + 1);
    const next = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      best[i] = MIN_DOUBLE;
      let node = childOf(dict, 0, runes[begin + i]!);
      // 单字：词典里没有（或只是前缀）时按最小权重
      let w = node === 0 ? NaN : weights[node]!;
      let val = 0;
      if (i + 1 < n) val += best[i + 1]!;
      val += Number.isNaN(w) ? minWeight : w;
      if (val > best[i]!) {
        best[i] = val;
        next[i] = i + 1;
      }
      for (let j = i + 1; j < n && node !== 0; j++) {
        node = childOf(dict, node, runes[begin + j]!);
        if (node === 0) break;
        w = weights[node]!;
        if (Number.isNaN(w)) continue;
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
