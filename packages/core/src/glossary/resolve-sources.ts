// 把词条的 sources[].ref 解析成存档原文的元数据，并核对引语能在原文里逐字找到。
import type { RawSource, Source, SourceKind } from '../types';
import { findQuote, type SourceDocument } from './source-document';

export type SourceProblem = { index: number; field: 'ref' | 'quote'; code: string; message: string };

/** 作为依据足够权威的来源种类：只有新闻报道时，过时规则与固定提法的把握最多是 medium。 */
export const AUTHORITATIVE_KINDS: readonly SourceKind[] = ['law', 'central-document', 'ministry-document', 'speech'];

export function resolveSources(
  raw: readonly RawSource[],
  docs: ReadonlyMap<string, SourceDocument> | undefined,
): { sources: Source[]; problems: SourceProblem[] } {
  const problems: SourceProblem[] = [];
  const sources = raw.map((s, index): Source => {
    const doc = s.ref ? docs?.get(s.ref) : undefined;
    if (s.ref && docs && !doc) problems.push({ index, field: 'ref', code: 'unknown-source', message: `存档原文“${s.ref}”不存在（应有 sources/${s.ref}.md）` });
    if (doc && !findQuote(doc, s.quote))
      problems.push({ index, field: 'quote', code: 'untraced-quote', message: `引语在存档原文 ${s.ref}.md 里找不到（须逐字摘自同一段）：“${s.quote}”` });
    return {
      ...(s.ref ? { ref: s.ref } : {}),
      title: doc?.title ?? s.title ?? s.ref ?? '',
      issuer: doc?.issuer ?? s.issuer ?? '',
      date: doc?.date ?? s.date ?? '',
      quote: s.quote,
      ...((doc?.url ?? s.url) ? { url: doc?.url ?? s.url } : {}),
      ...(s.location ? { location: s.location } : {}),
      ...(doc?.number ? { number: doc.number } : {}),
      ...(doc ? { kind: doc.kind } : {}),
    };
  });
  return { sources, problems };
}
