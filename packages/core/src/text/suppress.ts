// 抑制注释：tifa-disable-next-line / tifa-disable-line / tifa-disable … tifa-enable（区域或到文末），可带规则或词条 id。
// Markdown 里写在 HTML 注释中；纯文本里写成单独一行（可带 // 或 # 之类前缀）。
import { lineStarts, offsetToPosition } from './positions';

export interface Suppression {
  kind: 'next-line' | 'line' | 'region';
  /** 作用的行范围 [fromLine, toLine]（0 起）；区域未关闭时到文末。 */
  fromLine: number;
  toLine: number;
  /** 为空表示全部规则与词条。 */
  ids: string[];
  /** 注释本身的位置（UTF-16 偏移与长度，指 tifa-… 到行尾或 -->），报告无效 id 与未用上的注释时用。 */
  offset: number;
  length: number;
  /** 注释里写的全部 id（包括不合 id 格式、被 ids 忽略的）。 */
  written: string[];
}

const DIRECTIVE = /tifa-(disable-next-line|disable-line|disable|enable)\b([^\n\r]*)/g;

function parseIds(rest: string): string[] {
  return rest
    .replace(/-->.*$/, '')
    .split(/[\s,，]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0 && /^[a-z0-9-]+$/.test(s));
}

export function parseSuppressions(text: string, language: 'markdown' | 'plaintext' = 'markdown'): Suppression[] {
  if (!text.includes('tifa-')) return [];
  const starts = lineStarts(text);
  const out: Suppression[] = [];
  const open: { line: number; ids: string[]; where: { offset: number; length: number; written: string[] } }[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    const { line } = offsetToPosition(starts, at);
    const lineStart = starts[line];
    const before = text.slice(lineStart, at);
    if (language === 'markdown' ? !/<!--\s*$/.test(before) : !/^\s*(?:<!--|\/\/|#|%|;|--)?\s*$/.test(before)) continue;
    const ids = parseIds(m[2]);
    const written = m[2].replace(/-->.*$/, '').split(/[\s,，]+/).filter((x) => x !== '');
    const where = { offset: at, length: m[0].replace(/\s*-->.*$/, '').trimEnd().length, written };
    switch (m[1]) {
      case 'disable-next-line':
        out.push({ kind: 'next-line', fromLine: line + 1, toLine: line + 1, ids, ...where });
        break;
      case 'disable-line':
        out.push({ kind: 'line', fromLine: line, toLine: line, ids, ...where });
        break;
      case 'disable':
        open.push({ line, ids, where });
        break;
      case 'enable': {
        // 关闭最近一个（ids 相同或未指定）区域
        const k = ids.length ? open.findIndex((o) => o.ids.join() === ids.join()) : open.length - 1;
        if (k >= 0) {
          const [o] = open.splice(k, 1);
          out.push({ kind: 'region', fromLine: o.line, toLine: line, ids: o.ids, ...o.where });
        }
        break;
      }
    }
  }
  for (const o of open) out.push({ kind: 'region', fromLine: o.line, toLine: Number.MAX_SAFE_INTEGER, ids: o.ids, ...o.where });
  return out;
}

export function isSuppressed(sups: readonly Suppression[], line: number, ruleId: string, termId: string): boolean {
  for (const s of sups) {
    if (line < s.fromLine || line > s.toLine) continue;
    if (s.ids.length === 0 || s.ids.includes(ruleId) || s.ids.includes(termId)) return true;
  }
  return false;
}
