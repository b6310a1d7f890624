// 补全：核心给出光标前输入的那一段（汉字前缀/中缀或拼音）和候选；textEdit 的范围恰好覆盖这一段，
// filterText 就是这一段，客户端才不会按整串汉字把候选滤光（拼音 sgjh → 双高计划）。释义在 resolve 时再给。
import {
  type CompletionItem,
  CompletionItemKind,
  type CompletionList,
  type Connection,
  MarkupKind,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { completionsAt, type Entry, type Glossary } from '@tifa/core';
import type { Analysis } from './analysis';
import { toOffset, toRange } from './positions';
import { type Logger, runSafeAsync } from './runner';

interface CompletionData {
  uri: string;
  entryId: string;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(deps: {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  log: Logger;
  /** 文档已关闭时 resolve 仍要找得到词条。 */
  anyGlossary: () => Glossary | undefined;
}): void {
  const { connection, documents, analysis, log } = deps;
  // 文档已关闭时 resolve 退回最近一次补全用的词表。
  let lastGlossary: Glossary | undefined;

  connection.onCompletion((params, token) =>
    runSafeAsync<CompletionList>(
      log,
      async () => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return EMPTY;
        const ctx = await analysis.context(doc);
        if (!ctx) return EMPTY;
        const text = doc.getText();
        const result = completionsAt(text, toOffset(doc, params.position), ctx.state.glossary, ctx.options);
        if (result.items.length === 0) return { isIncomplete: true, items: [] };
        lastGlossary = ctx.state.glossary;
        const range = toRange(doc, result.offset, result.length);
        const typed = text.slice(result.offset, result.offset + result.length);
        const width = String(result.items.length).length;
        const items = result.items.map((item, rank): CompletionItem => ({
          label: item.label,
          kind: CompletionItemKind.Keyword,
          detail: item.category,
          filterText: typed,
          sortText: String(rank).padStart(width, '0'),
          textEdit: { range, newText: item.label },
          data: { uri: doc.uri, entryId: item.entryId } satisfies CompletionData,
        }));
        // 每输入一个字都重新请求：已给出的 filterText 是旧的输入。
        return { isIncomplete: true, items };
      },
      EMPTY,
      `补全 ${params.textDocument?.uri} ${params.position?.line}:${params.position?.character}`,
      token,
    ),
  );

  connection.onCompletionResolve((item, token) =>
    runSafeAsync(
      log,
      async () => {
        const data = item.data as Partial<CompletionData> | undefined;
        if (!data || typeof data.entryId !== 'string') return item;
        const doc = typeof data.uri === 'string' ? documents.get(data.uri) : undefined;
        const glossary = (doc && (await analysis.context(doc))?.state.glossary) ?? lastGlossary ?? deps.anyGlossary();
        const entry = glossary?.byId(data.entryId);
        if (!entry) return item;
        return { ...item, documentation: { kind: MarkupKind.Markdown, value: completionDocumentation(entry) } };
      },
      item,
      `补全详情 ${String(item.label)}`,
      token,
    ),
  );
}

function completionDocumentation(entry: Entry): string {
  const lines = [`**${entry.term}**（${entry.category}）`, '', entry.definition];
  const source = entry.sources[0];
  if (source) lines.push('', `出处：《${source.title}》，${source.issuer}，${source.date}`);
  return lines.join('\n');
}
