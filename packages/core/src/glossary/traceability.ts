// 词表可追溯性检查（tifa dict check 与测试用）：默认词表的每条来源都要指向存档原文，
// 把握为 high 的过时规则与固定提法至少要有一条权威来源（法律、中央文件、部委文件、讲话）。
import type { Dictionary, DictionaryDiagnostic } from '../types';
import type { Glossary } from './glossary';
import { AUTHORITATIVE_KINDS } from './resolve-sources';

export function traceabilityReport(glossary: Glossary, dictionaries: readonly Dictionary[]): DictionaryDiagnostic[] {
  const out: DictionaryDiagnostic[] = [];
  const byFile = new Map(dictionaries.map((d) => [d.file, d]));
  for (const entry of glossary.entries) {
    const dict = byFile.get(entry.file);
    if (!dict) continue;
    const index = dict.entries.findIndex((e) => e.id === entry.id);
    const at = (...p: (string | number)[]) => dict.locate(['entries', index, ...p]);
    if (dict.origin === 'builtin') {
      entry.sources.forEach((s, k) => {
        if (!s.ref) out.push({ ...at('sources', k), severity: 'error', code: 'unstored-source', message: `来源《${s.title}》没有存档原文：请把原文摘录存到 sources/ 并写 ref` });
      });
    }
    const needsAuthority = entry.confidence === 'high' && (entry.status === 'outdated' || entry.kind === 'formulation');
    const traced = entry.sources.filter((s) => s.kind);
    if (needsAuthority && traced.length && !traced.some((s) => AUTHORITATIVE_KINDS.includes(s.kind!)))
      out.push({ ...at('confidence'), severity: 'error', code: 'weak-source', message: `只有新闻报道作依据时把握最多为 medium（词条“${entry.id}”）` });
  }
  return out;
}
