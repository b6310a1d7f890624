// 句子与段落边界（在规范化文本 norm 上），按需在局部向两边扫描，不为整篇文档预先建表。
// 句末：。！？；及换行（块边界）；段落：块边界。调用多为按位置递增，缓存上一次的结果。
//
// 每个命中都要在“本句”里做检查（书名号、年份、上下文、分词）：一句、一段若很长（没有标点的几 MB 文字、
// 几万行不空行的纯文本），逐命中扫全句就是平方级。超过 MAX_SPAN 的句子/段落因此按固定网格（PIECE 的整数倍位置）
// 切成小片，每片当作一句：片的划分只取决于句子本身与绝对位置，从片内任何位置算都一样；正常长度的句子不受影响。

const SENTENCE_END = new Uint8Array(0x10000);
for (const c of [0x3002, 0x21, 0x3f, 0x3b, 0x0a, 0xff61]) SENTENCE_END[c] = 1;
const PARA_END = new Uint8Array(0x10000);
PARA_END[0x0a] = 1;

/** 长于此（UTF-16 码元）的句子或段落按网格切片。 */
export const MAX_SPAN = 4096;
/** 网格间距：切片的最大长度。 */
export const PIECE = 2048;

export interface Span {
  start: number;
  end: number;
}

export class Sentences {
  private last: Span = { start: 0, end: -1 };
  private lastPara: Span = { start: 0, end: -1 };
  constructor(private readonly norm: string) {}

  private around(pos: number, table: Uint8Array): Span {
    const norm = this.norm;
    const lo = Math.max(0, pos - MAX_SPAN);
    let start = pos;
    while (start > lo && !table[norm.charCodeAt(start - 1)]) start--;
    const startFound = start === 0 || table[norm.charCodeAt(start - 1)] === 1;
    const hi = Math.min(norm.length, pos + MAX_SPAN);
    let end = pos;
    while (end < hi && !table[norm.charCodeAt(end)]) end++;
    const endFound = end === norm.length || table[norm.charCodeAt(end)] === 1;
    if (end < norm.length && endFound) end++; // 句末标点属于本句
    if (startFound && endFound && end - start <= MAX_SPAN) return { start, end };
    // 过长：取与 pos 所在网格格子的交集
    const cell = pos - (pos % PIECE);
    return { start: startFound ? Math.max(start, cell) : cell, end: endFound ? Math.min(end, cell + PIECE) : Math.min(norm.length, cell + PIECE) };
  }

  /** 包含 norm 位置 pos 的句子 [start, end)（过长的句子是其中的一片）。 */
  sentenceAt(pos: number): Span {
    const l = this.last;
    if (pos >= l.start && pos < l.end) return l;
    return (this.last = this.around(pos, SENTENCE_END));
  }

  /** 包含 pos 的段落（过长的段落是其中的一片）。 */
  paragraphAt(pos: number): Span {
    const l = this.lastPara;
    if (pos >= l.start && pos < l.end) return l;
    return (this.lastPara = this.around(pos, PARA_END));
  }

  /** norm 在 pos 处的 UTF-16 码元。 */
  code(pos: number): number {
    return this.norm.charCodeAt(pos);
  }

  text(start: number, end: number): string {
    return this.norm.slice(start, end);
  }
}
