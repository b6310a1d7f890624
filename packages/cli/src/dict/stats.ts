// tifa dict stats：词表维护者看的统计——按领域（文件）、状态、把握的词条数，没有官方链接的词条，没有追溯到存档原文的引语。
import path from 'node:path';
import { traceabilityReport, type Dictionary, type Glossary } from '@tifa/core';

function table(title: string, rows: [string, number][]): string {
  const width = Math.max(...rows.map(([k]) => [...k].length), 4);
  return [`${title}`, ...rows.map(([k, n]) => `  ${k}${' '.repeat(width - [...k].length)}  ${String(n).padStart(5)}`)].join('\n');
}

function count<T>(items: readonly T[], key: (t: T) => string): [string, number][] {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function dictStats(glossary: Glossary, dictionaries: readonly Dictionary[], dir: string | undefined): string {
  const entries = glossary.entries;
  const area = (file: string) => (dir ? path.relative(dir, file) : path.basename(file));
  const kind = (e: (typeof entries)[number]) => (e.kind === 'formulation' ? '固定提法' : { current: '现行术语', outdated: '过时提法', historical: '历史名称' }[e.status]);
  const noLink = entries.filter((e) => !e.sources.some((s) => s.url));
  const untraced = traceabilityReport(glossary, dictionaries).filter((d) => d.code === 'unstored-source');
  const documents = glossary.documents.length;
  return [
    `词表版本 ${glossary.version}：${entries.length} 个词条，${glossary.sourceDocuments.size} 份存档原文，${documents} 份文件目录条目`,
    '',
    table('按种类', count(entries, kind)),
    '',
    table('按把握（过时提法）', count(entries.filter((e) => e.status === 'outdated'), (e) => e.confidence ?? '未标')),
    '',
    table('按领域（文件）', count(entries, (e) => area(e.file))),
    '',
    `没有官方链接的词条：${noLink.length}（来源都只有转载页时，url 留空）`,
    `没有追溯到存档原文的引语：${untraced.length}${untraced.length ? '（tifa dict check 列出位置）' : ''}`,
    '',
  ].join('\n');
}
