// explain：按 id 或写法查词条，并带上替代词条与相关词条。
import type { Entry } from '../glossary/entry';
import type { Glossary } from '../glossary/glossary';

export interface Explanation {
  entry: Entry;
  replacement?: Entry;
  related: Entry[];
}

export function explain(idOrTerm: string, glossary: Glossary): Explanation | undefined {
  const entry = glossary.byId(idOrTerm.trim()) ?? glossary.byForm(idOrTerm);
  if (!entry) return undefined;
  const replacement = entry.replacement?.id ? glossary.byId(entry.replacement.id) : undefined;
  const related = (entry.related ?? []).map((id) => glossary.byId(id)).filter((e): e is Entry => !!e);
  // 反向：把这个词条当作替代的过时词条也算相关
  for (const e of glossary.entries) if (e.replacement?.id === entry.id && !related.includes(e)) related.push(e);
  return { entry, replacement, related };
}
