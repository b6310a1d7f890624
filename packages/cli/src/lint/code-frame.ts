// 从原文取出命中所在行，过长时以命中为中心截一段，只把这一小段传回主线程。
import type { CodeFrame } from './types';

const MAX_LINE = 120;
const CONTEXT = 36;

export function codeFrameAt(text: string, lineStart: number, line: number, offset: number, length: number): CodeFrame {
  let lineEnd = lineStart;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && text[lineEnd] !== '\r') lineEnd++;
  const matchEnd = Math.min(offset + length, lineEnd);
  let from = lineStart;
  let to = lineEnd;
  if (lineEnd - lineStart > MAX_LINE) {
    from = Math.max(lineStart, offset - CONTEXT);
    to = Math.min(lineEnd, matchEnd + CONTEXT);
    // 不要切在代理对中间
    if (from > lineStart && /[\udc00-\udfff]/.test(text[from])) from--;
    if (to < lineEnd && /[\udc00-\udfff]/.test(text[to])) to++;
  }
  return {
    line,
    text: text.slice(from, to),
    highlightStart: offset - from,
    highlightEnd: Math.max(offset - from, matchEnd - from),
    cutLeft: from > lineStart,
    cutRight: to < lineEnd,
  };
}
