// 句子与段落边界（在规范化文本 norm 上）。句末：。！？；及换行；段落：换行（块边界）。

const SENTENCE_END = new Set([0x3002, 0x21, 0x3f, 0x3b, 0x0a, 0xff61]);

export class Sentences {
  private ends: Int32Array;
  private paraEnds: Int32Array;
  constructor(private readonly norm: string) {
    const ends: number[] = [];
    const paras: number[] = [];
    for (let i = 0; i < norm.length; i++) {
      const c = norm.charCodeAt(i);
      if (SENTENCE_END.has(c)) {
        ends.push(i + 1);
        if (c === 0x0a) paras.push(i + 1);
      }
    }
    ends.push(norm.length);
    paras.push(norm.length);
    this.ends = Int32Array.from(ends);
    this.paraEnds = Int32Array.from(paras);
  }

  private static find(ends: Int32Array, pos: number): number {
    // 第一个 > pos 的结束位置
    let lo = 0;
    let hi = ends.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ends[mid] > pos) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** 包含 norm 位置 pos 的句子：[start, end)，以及句子序号。 */
  sentenceAt(pos: number): { index: number; start: number; end: number } {
    const k = Sentences.find(this.ends, pos);
    return { index: k, start: k > 0 ? this.ends[k - 1] : 0, end: this.ends[k] };
  }

  /** 第 index 句的范围。 */
  byIndex(index: number): { index: number; start: number; end: number } {
    return { index, start: index > 0 ? this.ends[index - 1] : 0, end: this.ends[index] };
  }

  paragraphAt(pos: number): { start: number; end: number } {
    const k = Sentences.find(this.paraEnds, pos);
    return { start: k > 0 ? this.paraEnds[k - 1] : 0, end: this.paraEnds[k] };
  }

  text(start: number, end: number): string {
    return this.norm.slice(start, end);
  }
}
