// 书名号里的文件：悬停显示发文机关、日期、文号与链接；输入《 之后补全文件标题。
import type { DocumentRef } from '../types';
import type { Glossary } from '../glossary/glossary';
import { foldString } from '../text/fold';
import { matchTitle } from '../rules/documents';
import type { CompletionItem, CompletionResult } from './complete';

export interface DocumentHit {
  document: DocumentRef;
  /** 书名号内文字在原文中的区间。 */
  offset: number;
  length: number;
  /** 与目录标题完全一致。 */
  exact: boolean;
}

const LINE_LIMIT = 200;

/** 光标所在的《…》若是目录里的文件（或其近似写法），返回它。 */
export function documentAt(text: string, offset: number, glossary: Glossary): DocumentHit | undefined {
  if (!glossary.documents.length) return undefined;
  let open = -1;
  for (let i = offset - 1; i >= Math.max(0, offset - LINE_LIMIT); i--) {
    const c = text[i];
    if (c === '》' || c === '\n') break;
    if (c === '《') {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  let close = -1;
  for (let i = offset; i < Math.min(text.length, offset + LINE_LIMIT); i++) {
    const c = text[i];
    if (c === '《' || c === '\n') break;
    if (c === '》') {
      close = i;
      break;
    }
  }
  if (close < 0) return undefined;
  const m = matchTitle(glossary, foldString(text.slice(open + 1, close)));
  return m && { document: m.doc, offset: open + 1, length: close - open - 1, exact: m.exact };
}

function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** 悬停用的 Markdown：标题、发文机关、日期、文号、链接。 */
export function formatDocumentHover(hit: DocumentHit): string {
  const d = hit.document;
  const lines = [`**《${esc(d.title)}》**　文件`];
  if (!hit.exact) lines.push('', `⚠ 与目录中的标题不完全一致，准确标题为《${esc(d.title)}》`);
  const facts = [d.issuer && `**发文机关**：${esc(d.issuer)}`, d.date && `**日期**：${d.date}`, d.number && `**发文字号**：${esc(d.number)}`].filter(Boolean);
  if (facts.length) lines.push('', facts.join('　'));
  if (d.url) lines.push('', `[原文链接](${d.url})`);
  if (d.note) lines.push('', `*${esc(d.note)}*`);
  return lines.join('\n');
}

/** 光标前是“《”加上已输入的几个字（还没写》）时，补全文件标题；否则返回 undefined。 */
export function titleCompletionsAt(text: string, offset: number, glossary: Glossary, limit = 50): CompletionResult | undefined {
  if (!glossary.documents.length) return undefined;
  let open = -1;
  for (let i = offset - 1; i >= Math.max(0, offset - 40); i--) {
    const c = text[i];
    if (c === '》' || c === '\n' || c === '。') return undefined;
    if (c === '《') {
      open = i;
      break;
    }
  }
  if (open < 0) return undefined;
  const typed = foldString(text.slice(open + 1, offset));
  const items: CompletionItem[] = [];
  for (const d of glossary.documents) {
    const t = foldString(d.title);
    const at = typed ? t.indexOf(typed) : 0;
    if (at < 0) continue;
    const kind: CompletionItem['matchKind'] = at === 0 ? 'prefix' : 'infix';
    items.push({
      entryId: d.id,
      label: d.title,
      category: '文件',
      detail: [d.issuer, d.date, d.number].filter(Boolean).join(' · '),
      matchKind: kind,
      // 前缀优先，新文件优先
      score: (kind === 'prefix' ? 400 : 100) + Number((d.date ?? '0').slice(0, 4)) / 100,
    });
  }
  items.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label));
  return { offset: open + 1, length: offset - open - 1, items: items.slice(0, limit) };
}
