// 悬停：文中任何词表术语或固定提法（现行、过时、历史）都显示释义、替代写法、出处与相关词条。
import { type Connection, type Hover, MarkupKind, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { documentAt, formatDocumentHover, formatHoverMarkdown, termAt } from '@tifa/core';
import type { Analysis } from './analysis';
import { toOffset, toRange } from './positions';
import { type Logger, runSafeAsync } from './runner';

export function registerHover(deps: { connection: Connection; documents: TextDocuments<TextDocument>; analysis: Analysis; log: Logger }): void {
  const { connection, documents, analysis, log } = deps;
  connection.onHover((params, token) =>
    runSafeAsync<Hover | null>(
      log,
      async () => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return null;
        const ctx = await analysis.context(doc);
        if (!ctx) return null;
        const text = doc.getText();
        const offset = toOffset(doc, params.position);
        // 书名号里的文件：显示发文机关、日期、文号与链接
        const title = documentAt(text, offset, ctx.state.glossary);
        if (title) return { contents: { kind: MarkupKind.Markdown, value: formatDocumentHover(title) }, range: toRange(doc, title.offset, title.length) };
        const hit = termAt(text, offset, ctx.state.glossary, ctx.options);
        if (!hit) return null;
        return {
          contents: { kind: MarkupKind.Markdown, value: formatHoverMarkdown(hit.entry, ctx.state.glossary, hit.documentDate) },
          range: toRange(doc, hit.offset, hit.length),
        };
      },
      null,
      `悬停 ${params.textDocument?.uri} ${params.position?.line}:${params.position?.character}`,
      token,
    ),
  );
}
