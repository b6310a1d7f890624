// 应用修复：只用 safe 的第一个修复；编辑按位置排序，重叠的跳过；再跑一遍结果不变（幂等）。
import type { Finding, TextEdit } from './types';

export function safeEdits(findings: readonly Finding[]): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    const fix = f.fixes.find((x) => x.safe);
    if (fix) edits.push(...fix.edits);
  }
  edits.sort((a, b) => a.offset - b.offset || b.length - a.length);
  const out: TextEdit[] = [];
  let end = -1;
  for (const e of edits) {
    if (e.offset < end) continue;
    out.push(e);
    end = e.offset + e.length;
  }
  return out;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.offset) + e.newText;
    pos = e.offset + e.length;
  }
  return out + text.slice(pos);
}

export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const edits = safeEdits(findings).filter((e) => text.slice(e.offset, e.offset + e.length) !== e.newText);
  return { text: applyEdits(text, edits), applied: edits.length };
}
