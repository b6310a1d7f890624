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
  const open: { line: number; ids: string[] }[] = [];
  for (const m of text.matchAll(DIRECTIVE)) {
    const at = m.index ?? 0;
    const { line } = offsetToPosition(starts, at);
    const lineStart = starts[line];
    const before = text.slice(lineStart, at);
    if (language === 'markdown' ? !/<!--\s*$/.test(before) : !/^\s*(?:<!--|\/\/|#|%|;|--)?\s*$/.test(before)) continue;
    const ids = parseIds(m[2]);
    switch (m[1]) {
      case 'disable-next-line':
        out.push({ kind: 'next-line', fromLine: line + 1, toLine: line + 1, ids });
        break;
      case 'disable-line':
        out.push({ kind: 'line', fromLine: line, toLine: line, ids });
        break;
      case 'disable':
        open.push({ line, ids });
        break;
      case 'enable': {
        // 关闭最近一个（ids 相同或未指定）区域
        const k = ids.length ? open.findIndex((o) => o.ids.join() === ids.join()) : open.length - 1;
        if (k >= 0) {
          const [o] = open.splice(k, 1);
          out.push({ kind: 'region', fromLine: o.line, toLine: line, ids: o.ids });
        }
        break;
      }
    }
  }
  for (const o of open) out.push({ kind: 'region', fromLine: o.line, toLine: Number.MAX_SAFE_INTEGER, ids: o.ids });
  return out;
}

export function isSuppressed(sups: readonly Suppression[], line: number, ruleId: string, termId: string): boolean {
  for (const s of sups) {
    if (line < s.fromLine || line > s.toLine) continue;
    if (s.ids.length === 0 || s.ids.includes(ruleId) || s.ids.includes(termId)) return true;
  }
  return false;
}
