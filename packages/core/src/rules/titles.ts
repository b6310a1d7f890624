// 书名号《》：找出术语所在的书名（只看本句），供“过期计划写在书名号里”与文件名核对使用。
import type { Span } from '../text/sentences';

/** 包住 [s, e) 的《…》区间（含书名号）；不在书名号里时返回 null。 */
export function titleAround(norm: string, sent: Span, s: number, e: number): Span | null {
  let open = -1;
  for (let i = s - 1; i >= sent.start; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x300b /* 》 */) return null;
    if (c === 0x300a /* 《 */) {
      open = i;
      break;
    }
  }
  if (open < 0) return null;
  for (let i = e; i < sent.end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x300a) return null;
    if (c === 0x300b) return { start: open, end: i + 1 };
  }
  return null;
}

/** 本句里所有的《…》书名（不含书名号的内容区间）。 */
export function titlesIn(norm: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let open = -1;
  for (let i = start; i < end; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x300a) open = i + 1;
    else if (c === 0x300b && open >= 0) {
      out.push({ start: open, end: i });
      open = -1;
    } else if (c === 0x0a) open = -1;
  }
  return out;
}
