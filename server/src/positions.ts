// 位置换算只在这一处：核心给 UTF-16 偏移，LSP 要 {line, character}（也是 UTF-16）。
// TextDocument.positionAt/offsetAt 按 UTF-16 计数并会把越界的值夹到文档范围内。
import type { Position, Range, TextEdit as LspTextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit as CoreTextEdit } from '@tifa/core';

export function toRange(doc: TextDocument, offset: number, length: number): Range {
  return { start: doc.positionAt(offset), end: doc.positionAt(offset + length) };
}

/** 越界、负数或非法的位置都夹到文档内，请求永远拿到一个合法偏移。 */
export function toOffset(doc: TextDocument, position: Position | undefined): number {
  if (!position || !Number.isFinite(position.line) || !Number.isFinite(position.character)) return 0;
  const line = Math.max(0, Math.trunc(position.line));
  const character = Math.max(0, Math.trunc(position.character));
  return doc.offsetAt({ line, character });
}

export function toOffsets(doc: TextDocument, range: Range): { start: number; end: number } {
  const a = toOffset(doc, range.start);
  const b = toOffset(doc, range.end);
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

export function toLspEdit(doc: TextDocument, edit: CoreTextEdit): LspTextEdit {
  return { range: toRange(doc, edit.offset, edit.length), newText: edit.newText };
}

/** 插入在某行行首的位置（用于“本行停用”注释）。 */
export function lineStart(line: number): Position {
  return { line: Math.max(0, line), character: 0 };
}

/** 某行的文字（不含换行符）。 */
export function lineText(doc: TextDocument, line: number): string {
  const start = doc.offsetAt({ line, character: 0 });
  const end = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
  return doc.getText().slice(start, end).replace(/\r?\n$|\r$/, '');
}

/** 词典诊断：有文件内容时按 offset/length 换算（可跨行）；没有时退回 1 起的行列。 */
export function dictionaryRange(fileText: string | undefined, d: { line: number; column: number; offset: number; length: number }): Range {
  if (fileText !== undefined && d.offset >= 0 && d.offset <= fileText.length) {
    const doc = TextDocument.create('file:///dictionary.yaml', 'yaml', 0, fileText);
    return toRange(doc, d.offset, Math.max(d.length, 0));
  }
  const start = { line: Math.max(0, d.line - 1), character: Math.max(0, d.column - 1) };
  return { start, end: { line: start.line, character: start.character + Math.max(d.length, 1) } };
}

type ContentChange = { range: Range; text: string } | { text: string };

/**
 * 增量修改先把范围夹到文档内再应用：越界的范围（行号超过文档末尾）直接交给 TextDocument.update
 * 会按越界的行号改行表，之后的位置全部错位（甚至出现 character: null）。多个修改依次相对前一个的结果。
 */
export function applyClampedChanges(doc: TextDocument, changes: readonly ContentChange[], version: number): TextDocument {
  if (changes.length === 0) return TextDocument.update(doc, [], version);
  for (const change of changes) {
    if (!('range' in change) || !change.range) {
      TextDocument.update(doc, [{ text: change.text }], version);
      continue;
    }
    const { start, end } = toOffsets(doc, change.range);
    const range = { start: doc.positionAt(start), end: doc.positionAt(end) };
    TextDocument.update(doc, [{ range, text: change.text }], version);
  }
  return doc;
}
