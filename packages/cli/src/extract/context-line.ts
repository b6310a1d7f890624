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
