// SARIF 规则帮助：从本次用到的词表里找词条，给出规则名、说明与帮助文字（纯文本与 Markdown）。
import { formatHoverMarkdown, type Glossary } from '@tifa/core';
import { renderEntry } from '../explain/render-entry';
import type { TermDescription } from './types';

export function termDescriber(glossaries: readonly Glossary[]) {
  const cache = new Map<string, TermDescription | undefined>();
  return (termId: string): TermDescription | undefined => {
    if (cache.has(termId)) return cache.get(termId);
    let description: TermDescription | undefined;
    for (const g of glossaries) {
      const entry = g.byId(termId);
      if (!entry) continue;
      description = {
        name: entry.term,
        shortDescription: `${entry.term}：${entry.definition.split(/(?<=[。；])/)[0]}`,
        fullDescription: entry.definition,
        helpText: renderEntry(entry, g, { examples: false, location: null }),
        helpMarkdown: formatHoverMarkdown(entry, g),
        category: entry.category,
        // 现行写法：过时词条取替换写法，现行词条就是它自己
        currentWording: entry.status === 'current' ? [entry.term] : (entry.replacement?.terms ?? []),
        sources: entry.sources.map((s) => ({ title: s.title, issuer: s.issuer, date: s.date, url: s.url, number: s.number })),
      };
      break;
    }
    cache.set(termId, description);
    return description;
  };
}
