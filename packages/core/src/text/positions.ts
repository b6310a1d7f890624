// 偏移 ↔ 行列的唯一换算处。偏移与列都按 UTF-16 码元计（与 LSP、JS 字符串一致）；行列从 0 开始。
// 换行符：\n、\r\n、\r 都算一行结束。

export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10) {
      starts.push(i + 1);
    }
  }
  return starts;
}

export interface Position {
  line: number;
  character: number;
}

function startsOf(textOrStarts: string | readonly number[]): readonly number[] {
  return typeof textOrStarts === 'string' ? lineStarts(textOrStarts) : textOrStarts;
}

export function offsetToPosition(textOrStarts: string | readonly number[], offset: number): Position {
  const starts = startsOf(textOrStarts);
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: Math.max(0, offset - starts[lo]) };
}

/** 行列 → 偏移；越界的行列被夹到文本范围内。需要原文来判断行尾（不含换行符）。 */
export function positionToOffset(text: string, position: Position, starts: readonly number[] = lineStarts(text)): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const start = starts[position.line];
  let end = position.line + 1 < starts.length ? starts[position.line + 1] : text.length;
  // 行尾不含换行符
  if (end > start && text.charCodeAt(end - 1) === 10) end--;
  if (end > start && text.charCodeAt(end - 1) === 13) end--;
  return Math.min(start + Math.max(0, position.character), end);
}
