// 悬停与解释用的 Markdown：写法、状态、释义、替代、来源、相关词条。
import type { Glossary } from '../glossary/glossary';
import type { Entry } from '../glossary/entry';
import { explain } from './explain';
import { describeDocumentDate, type DocumentDate } from '../text/document-date';

const STATUS: Record<Entry['status'], string> = { current: '现行', outdated: '过时', historical: '历史名称' };

function esc(s: string): string {
  return s.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

/** date：悬停所在文档的日期（termAt 给出）；有时注明过时判断按哪一天、日期从哪里来。 */
export function formatHoverMarkdown(entry: Entry, glossary: Glossary, date?: DocumentDate): string {
  const ex = explain(entry.id, glossary);
  const lines: string[] = [];
  const kind = entry.kind === 'formulation' ? '固定提法' : '术语';
  lines.push(`**${esc(entry.term)}**　${kind} · ${STATUS[entry.status]} · ${esc(entry.category)}`);
  lines.push('');
  lines.push(esc(entry.definition));
  if (entry.status === 'outdated' && entry.replacement) {
    lines.push('');
    lines.push(`**现行写法**：${entry.replacement.terms.map(esc).join('、')}${entry.until ? `（${entry.until} 起）` : ''}`);
    if (entry.reason) lines.push(`\n**理由**：${esc(entry.reason)}`);
  }
  if (entry.period) lines.push(`\n**起止**：${entry.period.start ? `${entry.period.start}—` : '至 '}${entry.period.end}（回顾这一时期的写法是正确的；文档日期晚于终止日期、又写成当前或将来时才算过时）`);
  if (date && (entry.status !== 'current' || entry.period)) lines.push(`\n**文档日期**：${describeDocumentDate(date)}`);
  if (entry.variants?.length) lines.push(`\n**也写作**：${entry.variants.map(esc).join('、')}`);
  if (entry.since || entry.until) {
    const span = [entry.since ? `${entry.since} 提出` : '', entry.status !== 'outdated' && entry.until ? `${entry.until} 停用` : ''].filter(Boolean);
    if (span.length) lines.push(`\n**时间**：${span.join('，')}`);
  }
  if (entry.sources.length) {
    lines.push('');
    lines.push('**来源**');
    for (const s of entry.sources) {
      const title = s.url ? `[《${esc(s.title)}》](${s.url})` : `《${esc(s.title)}》`;
      const number = s.number ? `（${esc(s.number)}）` : '';
      lines.push(`- ${title}${number}，${esc(s.issuer)}，${s.date}：“${esc(s.quote)}”`);
    }
  }
  if (ex && ex.related.length) lines.push(`\n**相关**：${ex.related.map((r) => esc(r.term)).join('、')}`);
  if (entry.note) lines.push(`\n*${esc(entry.note)}*`);
  return lines.join('\n');
}
