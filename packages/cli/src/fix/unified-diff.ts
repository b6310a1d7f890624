// 统一 diff（--fix-dry-run 用）：按行比较（Myers 算法），每行保留原换行符，3 行上下文。
// 要让 patch 能打上：按文件自己的编码（字节）比较，像 patch 一样只以 \n 字节分行（CR 留在行内，
// 只有 CR 的文件就是一整行）；BOM 是第一行的一部分；文件名含空格时后跟 TAB，含控制字符或引号时用 C 风格引号。

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
  if (line.endsWith('\n')) return kind + line;
  return `${kind}${line}\n\\ No newline at end of file\n`;
}

/** 按 \n 分行（patch 的分法），每行带自己的 \n。 */
function patchLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', start)) {
    lines.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

/** ---/+++ 行里的文件名：GNU patch 能读的写法。 */
function headerName(prefix: string, name: string): string {
  const full = prefix + name;
  if (/[\u0000-\u001f"\\\u007f]/.test(full)) {
    const escaped = full.replace(/[\u0000-\u001f"\\\u007f]/g, (c) => {
      const named: Record<string, string> = { '\n': '\\n', '\t': '\\t', '\r': '\\r', '"': '\\"', '\\': '\\\\' };
      return named[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`;
    });
    return `"${escaped}"`;
  }
  // 没有时间戳时 patch 以 TAB 结束文件名；不加的话空格后面的部分会被丢掉
  return / /.test(full) ? `${full}\t` : full;
}

/** 两份文件内容（字节）的统一 diff；相同时返回空 Buffer。 */
export function unifiedDiffBytes(fileName: string, before: Uint8Array, after: Uint8Array, context = 3): Buffer {
  const a = Buffer.from(before.buffer, before.byteOffset, before.byteLength);
  const b = Buffer.from(after.buffer, after.byteOffset, after.byteLength);
  if (a.equals(b)) return Buffer.alloc(0);
  // latin1：一个字节一个字符，逐字节比较、原样写回
  const body = hunks(a.toString('latin1'), b.toString('latin1'), context);
  const header = Buffer.from(`--- ${headerName('a/', fileName)}\n+++ ${headerName('b/', fileName)}\n`, 'utf8');
  return Buffer.concat([header, Buffer.from(body, 'latin1')]);
}

/** 两段文本（按 UTF-8）的统一 diff；相同时返回空串。 */
export function unifiedDiff(fileName: string, before: string, after: string, context = 3): string {
  return unifiedDiffBytes(fileName, Buffer.from(before, 'utf8'), Buffer.from(after, 'utf8'), context).toString('utf8');
}

function hunks(before: string, after: string, context: number): string {
  const ops = diffLines(patchLines(before), patchLines(after));
  // 每个位置之前有多少旧行、新行（算 @@ 行号用）
  const aBefore = new Int32Array(ops.length + 1);
  const bBefore = new Int32Array(ops.length + 1);
  ops.forEach((op, j) => {
    aBefore[j + 1] = aBefore[j] + (op.kind !== '+' ? 1 : 0);
    bBefore[j + 1] = bBefore[j] + (op.kind !== '-' ? 1 : 0);
  });
  let out = '';
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
