// 统一 diff（--fix-dry-run 用）：按行比较（Myers 算法），每行保留原换行符，3 行上下文。

/** 按行切分，每行带自己的换行符（\n、\r\n 或 \r）。 */
export function splitLinesKeepEnds(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines.push(text.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

type Op = { kind: ' ' | '-' | '+'; line: string };

/** Myers O((N+M)D) 最短编辑脚本；先剥掉共同的头尾，修复通常只动几行。 */
function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const A = a.slice(head, a.length - tail);
  const B = b.slice(head, b.length - tail);
  const n = A.length;
  const m = B.length;
  const max = n + m;
  const v = new Int32Array(2 * max + 2);
  const trace: Int32Array[] = [];
  let found = max === 0;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[max + k - 1] < v[max + k + 1]) ? v[max + k + 1] : v[max + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A[x] === B[y]) {
        x++;
        y++;
      }
      v[max + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // 回溯
  const middle: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d];
    const k = x - y;
    const prevK = k === -d || (k !== d && vd[max + k - 1] < vd[max + k + 1]) ? k + 1 : k - 1;
    const prevX = vd[max + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) middle.push({ kind: ' ', line: A[--x] }), y--;
    if (x === prevX) middle.push({ kind: '+', line: B[--y] });
    else middle.push({ kind: '-', line: A[--x] });
  }
  while (x > 0 && y > 0) middle.push({ kind: ' ', line: A[--x] }), y--;
  middle.reverse();
  return [
    ...a.slice(0, head).map((line) => ({ kind: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ kind: ' ' as const, line })),
  ];
}

function emit(kind: string, line: string): string {
  if (/(\r\n|\n|\r)$/.test(line)) return kind + line;
  return `${kind}${line}\n\\ No newline at end of file\n`;
}

/** 两段文本的统一 diff；相同时返回空串。 */
export function unifiedDiff(fileName: string, before: string, after: string, context = 3): string {
  if (before === after) return '';
  const ops = diffLines(splitLinesKeepEnds(before), splitLinesKeepEnds(after));
  // 每个位置之前有多少旧行、新行（算 @@ 行号用）
  const aBefore = new Int32Array(ops.length + 1);
  const bBefore = new Int32Array(ops.length + 1);
  ops.forEach((op, j) => {
    aBefore[j + 1] = aBefore[j] + (op.kind !== '+' ? 1 : 0);
    bBefore[j + 1] = bBefore[j] + (op.kind !== '-' ? 1 : 0);
  });
  let out = `--- a/${fileName}\n+++ b/${fileName}\n`;
  let i = 0;
  while (i < ops.length) {
    while (i < ops.length && ops[i].kind === ' ') i++;
    if (i >= ops.length) break;
    const start = Math.max(0, i - context);
    // 相邻变化之间不超过 2×context 行时并入同一段
    let lastChange = i;
    for (let j = i + 1; j < ops.length && j - lastChange <= 2 * context; j++) if (ops[j].kind !== ' ') lastChange = j;
    const end = Math.min(ops.length, lastChange + context + 1);
    let body = '';
    for (let j = start; j < end; j++) body += emit(ops[j].kind, ops[j].line);
    const aLen = aBefore[end] - aBefore[start];
    const bLen = bBefore[end] - bBefore[start];
    const range = (s: number, len: number) => (len === 0 ? `${s},0` : len === 1 ? `${s + 1}` : `${s + 1},${len}`);
    out += `@@ -${range(aBefore[start], aLen)} +${range(bBefore[start], bLen)} @@\n${body}`;
    i = end;
  }
  return out;
}
