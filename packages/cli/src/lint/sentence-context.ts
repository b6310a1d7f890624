// 命中所在的句子（HTML 报告用）：从命中向两边找句末标点或空行，过长时以命中为中心截取。
export interface SentenceContext {
  text: string;
  /** 命中在 text 里的 UTF-16 区间。 */
  highlightStart: number;
  highlightEnd: number;
}

const MAX_SENTENCE = 240;
const SIDE = 100;
const END = /[。！？；!?\n]/;

export function sentenceAt(text: string, offset: number, length: number): SentenceContext {
  let from = offset;
  while (from > 0 && !END.test(text[from - 1]!) && offset - from < SIDE * 2) from--;
  let to = offset + length;
  while (to < text.length && !END.test(text[to]!) && to - offset - length < SIDE * 2) to++;
  // 句末标点归本句；换行不算
  if (to < text.length && END.test(text[to]!) && text[to] !== '\n') to++;
  if (to - from > MAX_SENTENCE) {
    from = Math.max(from, offset - SIDE);
    to = Math.min(to, offset + length + SIDE);
  }
  if (from > 0 && /[\udc00-\udfff]/.test(text[from]!)) from--;
  if (to < text.length && /[\udc00-\udfff]/.test(text[to]!)) to++;
  const slice = text.slice(from, to);
  const lead = slice.length - slice.trimStart().length;
  return { text: slice.trim(), highlightStart: offset - from - lead, highlightEnd: offset + length - from - lead };
}
