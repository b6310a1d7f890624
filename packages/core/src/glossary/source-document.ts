// 存档原文（dictionaries/sources/<id>.md）：YAML 前言 + 逐字摘录的段落。纯函数，读文件在 node/sources.ts。
import { parseDocument } from 'yaml';
import type { DictionaryDiagnostic, SourceKind } from '../types';
import { isOfficialUrl } from './official-hosts';

export interface SourceDocument {
  /** 文件名（不含 .md），词条用 ref 引用它。 */
  id: string;
  file: string;
  title: string;
  issuer: string;
  date: string;
  number?: string;
  url?: string;
  /** 实际读到原文的转载页，只供维护者核对。 */
  seenAt?: string;
  kind: SourceKind;
  /** 正文段落（去掉首尾空白），与行号一一对应。 */
  paragraphs: { text: string; line: number }[];
}

const KINDS: readonly SourceKind[] = ['law', 'central-document', 'ministry-document', 'speech', 'news-report', 'local-document'];
const FIELDS = ['title', 'issuer', 'date', 'number', 'url', 'seen_at', 'kind'];
const DATE = /^\d{4}-\d{2}-\d{2}$/;

function diag(file: string, line: number, code: string, message: string): DictionaryDiagnostic {
  return { file, line, column: 1, offset: 0, length: 0, severity: 'error', code, message };
}

/** 文件名（不含扩展名）。不用 node:path，保持核心无 I/O 依赖。 */
export function sourceIdOf(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.md$/i, '');
}

export function parseSourceDocument(text: string, file: string): { document?: SourceDocument; diagnostics: DictionaryDiagnostic[] } {
  const diagnostics: DictionaryDiagnostic[] = [];
  const lines = text.replace(/^\ufeff/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return { diagnostics: [diag(file, 1, 'source-front-matter', '存档原文应以 --- 开头的 YAML 前言开始')] };
  const end = lines.indexOf('---', 1);
  if (end < 0) return { diagnostics: [diag(file, 1, 'source-front-matter', 'YAML 前言没有结束的 ---')] };
  const fm = parseDocument(lines.slice(1, end).join('\n'), { uniqueKeys: true });
  if (fm.errors.length) return { diagnostics: [diag(file, 2, 'source-front-matter', `前言 YAML 有误：${fm.errors[0].message.split('\n')[0]}`)] };
  const meta = (fm.toJS() ?? {}) as Record<string, unknown>;
  const lineOf = (key: string) => 2 + Math.max(0, lines.slice(1, end).findIndex((l) => l.startsWith(`${key}:`)));
  const str = (key: string): string | undefined => {
    const v = meta[key];
    if (v === undefined || v === null) return undefined;
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    return String(v).trim() || undefined;
  };
  for (const key of Object.keys(meta)) if (!FIELDS.includes(key)) diagnostics.push(diag(file, lineOf(key), 'source-unknown-field', `前言里有未知字段 ${key}（可用：${FIELDS.join('、')}）`));
  for (const key of ['title', 'issuer', 'date', 'kind']) if (!str(key)) diagnostics.push(diag(file, 1, 'source-missing-field', `前言缺少 ${key}`));
  const date = str('date');
  if (date && !DATE.test(date)) diagnostics.push(diag(file, lineOf('date'), 'source-bad-date', `date 应写成 YYYY-MM-DD，却是“${date}”`));
  const kind = str('kind') as SourceKind | undefined;
  if (kind && !KINDS.includes(kind)) diagnostics.push(diag(file, lineOf('kind'), 'source-bad-kind', `kind 应为 ${KINDS.join(' | ')} 之一，却是“${kind}”`));
  const url = str('url');
  if (url && !isOfficialUrl(url)) diagnostics.push(diag(file, lineOf('url'), 'source-unofficial-url', `url 不是官方发布网站的地址：${url}（转载页请写在 seen_at 里）`));

  const paragraphs: SourceDocument['paragraphs'] = [];
  let current: string[] = [];
  let startLine = 0;
  const flush = () => {
    const t = current.join('\n').trim();
    if (t) paragraphs.push({ text: t, line: startLine });
    current = [];
  };
  for (let i = end + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') flush();
    else {
      if (current.length === 0) startLine = i + 1;
      current.push(lines[i]);
    }
  }
  flush();
  if (paragraphs.length === 0) diagnostics.push(diag(file, end + 1, 'source-empty', '存档原文没有正文段落'));
  if (diagnostics.length) return { diagnostics };
  return {
    document: {
      id: sourceIdOf(file),
      file,
      title: str('title')!,
      issuer: str('issuer')!,
      date: date!,
      ...(str('number') ? { number: str('number') } : {}),
      ...(url ? { url } : {}),
      ...(str('seen_at') ? { seenAt: str('seen_at') } : {}),
      kind: kind!,
      paragraphs,
    },
    diagnostics,
  };
}

/** 去掉所有空白后比较：引语必须逐字落在某一个段落里（跨段拼接的不算）。 */
export function findQuote(doc: SourceDocument, quote: string): { line: number } | undefined {
  const q = quote.replace(/\s+/g, '');
  if (!q) return undefined;
  const squeezed = squeezedParagraphs(doc);
  for (let k = 0; k < squeezed.length; k++) if (squeezed[k].includes(q)) return { line: doc.paragraphs[k].line };
  return undefined;
}

// 每次加载词表都要核对上千句引语：各段去掉空白的文本每份原文只算一次
const squeezedCache = new WeakMap<SourceDocument, string[]>();
function squeezedParagraphs(doc: SourceDocument): string[] {
  let s = squeezedCache.get(doc);
  if (!s) squeezedCache.set(doc, (s = doc.paragraphs.map((p) => p.text.replace(/\s+/g, ''))));
  return s;
}
