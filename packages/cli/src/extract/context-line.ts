// 候选词出现处的一句上下文：按句末标点与换行截取，过长时以该词为中心截到 maxLength 以内。

const SENTENCE_END = /[。！？；\n\r]/;

export function contextLine(text: string, offset: number, length: number, maxLength = 80): string {
  let start = offset;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
  let end = offset + length;
  while (end < text.length && !SENTENCE_END.test(text[end])) end++;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++; // 带上句末标点
  let line = text.slice(start, end).replace(/\s+/g, ' ').replace(/^[#>*\-\s]+/, '').trim();
  if (line.length <= maxLength) return line;
  const at = Math.max(0, line.indexOf(text.slice(offset, offset + length)));
  const half = Math.floor((maxLength - length) / 2);
  const from = Math.max(0, Math.min(at - half, line.length - maxLength + 1));
  line = line.slice(from, from + maxLength - 1);
  return (from > 0 ? '…' : '') + line + '…';
}

/**
 * 词条骨架的 quote：候选词出现处那句话的原文（不改写、不加省略号，好在存档原文里逐字找到），
 * 去掉行首的 Markdown 记号；超过 maxLength（schema 上限 120）时截取以该词为中心的一段。
 */
export function quoteAround(text: string, offset: number, length: number, maxLength = 120): string {
  let start = offset;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
  let end = offset + length;
  while (end < text.length && !SENTENCE_END.test(text[end])) end++;
  if (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  while (start < offset && /[#>*\-\s]/.test(text[start])) start++;
  while (end > offset + length && /\s/.test(text[end - 1])) end--;
  if (end - start > maxLength) {
    start = Math.max(start, Math.min(offset - Math.floor((maxLength - length) / 2), end - maxLength));
    end = start + maxLength;
  }
  return text.slice(start, end);
}
