// 句子与段落边界（在规范化文本 norm 上），按需在局部向两边扫描，不为整篇文档预先建表。
// 句末：。！？；及换行（块边界）；段落：块边界。调用多为按位置递增，缓存上一次的结果。

const SENTENCE_END = new Uint8Array(0x10000);
for (const c of [0x3002, 0x21, 0x3f, 0x3b, 0x0a, 0xff61]) SENTENCE_END[c] = 1;
const PARA_END = new Uint8Array(0x10000);
PARA_END[0x0a] = 1;

export interface Span {
  start: number;
  end: number;
}

export class Sentences {
  private last: Span = { start: 0, end: -1 };
  constructor(private readonly norm: string) {}

  private around(pos: number, table: Uint8Array): Span {
    const norm = this.norm;
    let start = pos;
    while (start > 0 && !table[norm.charCodeAt(start - 1)]) start--;
    let end = pos;
    while (end < norm.length && !table[norm.charCodeAt(end)]) end++;
    if (end < norm.length) end++; // 句末标点属于本句
    return { start, end };
  }

  /** 包含 norm 位置 pos 的句子 [start, end)。 */
  sentenceAt(pos: number): Span {
    const l = this.last;
    if (pos >= l.start && pos < l.end) return l;
    return (this.last = this.around(pos, SENTENCE_END));
  }

  paragraphAt(pos: number): Span {
    return this.around(pos, PARA_END);
  }

  text(start: number, end: number): string {
    return this.norm.slice(start, end);
  }
}
