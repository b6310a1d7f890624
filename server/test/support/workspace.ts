// 临时工作区：真实目录、真实用户词典文件（从 fixtures 复制，测试可以改坏它）。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createJiebaSegmenter, loadGlossary } from '@tifa/core/node';
import { lint, type Finding, type LintOptions } from '@tifa/core';
import { type Position, type Range, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export const FIXTURE_DICTIONARY = path.resolve(__dirname, '../fixtures/user-dictionary.yaml');
export const DICTIONARY_SETTING = '.tifa/user-dictionary.yaml';

export interface Workspace {
  dir: string;
  dictionary: string;
  file(name: string): string;
  uri(name: string): string;
  write(name: string, text: string): string;
  cleanup(): void;
}

export function createWorkspace(prefix = 'tifa-lsp-'): Workspace {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
  const file = (name: string) => path.join(dir, name);
  const write = (name: string, text: string) => {
    fs.mkdirSync(path.dirname(file(name)), { recursive: true });
    fs.writeFileSync(file(name), text);
    return file(name);
  };
  const dictionary = write(DICTIONARY_SETTING, fs.readFileSync(FIXTURE_DICTIONARY, 'utf8'));
  return {
    dir,
    dictionary,
    file,
    uri: (name) => pathToFileURL(file(name)).href,
    write,
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** 测试进程里用同样的真实词表和分词器直接调核心，得到服务器应当给出的发现。 */
export function coreFindings(text: string, dictionaries: string[], options: LintOptions = {}): Finding[] {
  const { glossary } = loadGlossary({ dictionaries });
  return lint(text, glossary, { segmenter: createJiebaSegmenter(glossary), ...options });
}

export function positionOf(text: string, needle: string, nth = 0, delta = 0): Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`文中找不到第 ${nth + 1} 个“${needle}”`);
  }
  return TextDocument.create('file:///x', 'markdown', 0, text).positionAt(at + delta);
}

export function rangeOf(text: string, needle: string, nth = 0): Range {
  const start = positionOf(text, needle, nth);
  const doc = TextDocument.create('file:///x', 'markdown', 0, text);
  return { start, end: doc.positionAt(doc.offsetAt(start) + needle.length) };
}

export function textInRange(text: string, range: Range): string {
  const doc = TextDocument.create('file:///x', 'markdown', 0, text);
  return text.slice(doc.offsetAt(range.start), doc.offsetAt(range.end));
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'markdown', 0, text), edits);
}
