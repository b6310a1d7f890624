// 读存档原文目录（dictionaries/sources/*.md）。读不了或格式不对的文件变成诊断，不抛异常。
import fs from 'node:fs';
import path from 'node:path';
import type { DictionaryDiagnostic } from '../types';
import { parseSourceDocument, type SourceDocument } from '../glossary/source-document';
import { readRegularFile } from './read-regular';

/** 目录下所有存档原文（不含 README.md），按文件名排序；目录不存在时为空。 */
export function sourceFiles(dir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.endsWith('.md') && n.toLowerCase() !== 'readme.md')
    .sort()
    .map((n) => path.join(dir, n));
}

export function loadSourceDocuments(dirs: readonly string[]): { documents: Map<string, SourceDocument>; diagnostics: DictionaryDiagnostic[] } {
  const documents = new Map<string, SourceDocument>();
  const diagnostics: DictionaryDiagnostic[] = [];
  for (const dir of dirs) {
    for (const file of sourceFiles(dir)) {
      let text: string;
      try {
        text = readRegularFile(file).toString('utf8');
      } catch (e) {
        diagnostics.push({ file, line: 1, column: 1, offset: 0, length: 0, severity: 'error', code: 'io', message: `无法读取存档原文：${(e as Error).message}` });
        continue;
      }
      const r = parseSourceDocument(text, file);
      diagnostics.push(...r.diagnostics);
      if (!r.document) continue;
      const prev = documents.get(r.document.id);
      if (prev) diagnostics.push({ file, line: 1, column: 1, offset: 0, length: 0, severity: 'error', code: 'duplicate-source', message: `存档原文 id“${r.document.id}”与 ${prev.file} 重复` });
      else documents.set(r.document.id, r.document);
    }
  }
  return { documents, diagnostics };
}
