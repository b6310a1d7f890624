// 光标处的词表项（悬停、解释用）：现行术语、过时提法、固定提法都算。
import type { LintOptions, TermOccurrence } from '../types';
import type { Entry } from '../glossary/entry';
import type { Glossary } from '../glossary/glossary';
import { documentDateOf, findTerms } from '../lint';
import type { DocumentDate } from '../text/document-date';

export function termAt(
  text: string,
  offset: number,
  glossary: Glossary,
  options: LintOptions = {},
): (TermOccurrence & { entry: Entry; documentDate: DocumentDate }) | undefined {
  if (offset < 0 || offset > text.length) return undefined;
  // 只看光标附近的一段，避免为一次悬停扫描整个大文档
  const WINDOW = 400;
  let from = Math.max(0, offset - WINDOW);
  let to = Math.min(text.length, offset + WINDOW);
  const nl = text.lastIndexOf('\n\n', offset);
  if (nl > from) from = nl;
  const nr = text.indexOf('\n\n', offset);
  if (nr >= 0 && nr < to) to = nr;
  // 不要从代理对中间切开
  if (from > 0 && /[\udc00-\udfff]/.test(text[from])) from--;
  const slice = text.slice(from, to);
  for (const occ of findTerms(slice, glossary, { ...options, language: options.language })) {
    const s = occ.offset + from;
    if (s <= offset && offset <= s + occ.length) {
      const entry = glossary.byId(occ.entryId);
      // 文档日期按全文算（前言、落款不在窗口里）
      if (entry) return { ...occ, offset: s, entry, documentDate: documentDateOf(text, options) };
    }
  }
  return undefined;
}
