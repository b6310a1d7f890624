// 工作区检查：遍历各工作区文件夹里的 .md/.markdown/.txt（跳过 node_modules、.git 等），逐个检查并发布诊断，
// 通过 window/workDoneProgress 报告进度，可取消。已在编辑器里打开的文件按编辑器内容计数，由常规流程发布。
import path from 'node:path';
import { type CancellationToken, type Connection, type TextDocuments, type WorkDoneProgressReporter } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '@tifa/core';
import type { Analysis } from './analysis';
import { toDiagnostic } from './diagnostics';
import { pathToUri, uriToPath, type WorkspaceFolders } from './paths';
import type { LintWorkspaceResult } from './protocol';
import type { RuntimeFileSystem } from './runtime';

const EXTENSIONS: Record<string, string> = { '.md': 'markdown', '.markdown': 'markdown', '.txt': 'plaintext' };
const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_FILES = 20_000;
const MAX_BYTES = 5 * 1024 * 1024;
/** 结果里逐个列出的跳过文件最多这么多（计数不受限）。 */
const MAX_LISTED_SKIPS = 100;

export function languageForFile(file: string): string | undefined {
  return EXTENSIONS[path.extname(file).toLowerCase()];
}

/** 广度优先收集文件，最多 limit 个；返回收集到的文件和是否有超出。很大的目录树要走一阵：期间让出事件循环、可取消。 */
export async function collectFiles(
  fs: RuntimeFileSystem,
  roots: readonly string[],
  token?: CancellationToken,
  limit = MAX_FILES,
): Promise<{ files: string[]; more: number }> {
  const files: string[] = [];
  let more = 0;
  const seen = new Set<string>();
  const queue = [...roots];
  let lastYield = Date.now();
  while (queue.length > 0 && !token?.isCancellationRequested) {
    const dir = queue.shift() as string;
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const entry of fs.readDir(dir).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory) {
        if (!SKIP_DIRS.has(entry.name)) queue.push(full);
      } else if (entry.isFile && languageForFile(entry.name)) {
        if (files.length < limit) files.push(full);
        else more++;
      }
    }
    if (Date.now() - lastYield > 20) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
  return { files, more };
}

export async function lintWorkspace(deps: {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  folders: WorkspaceFolders;
  fs: RuntimeFileSystem;
  progress: WorkDoneProgressReporter;
  token: CancellationToken;
}): Promise<LintWorkspaceResult> {
  const { connection, documents, analysis, fs, progress, token } = deps;
  const result: LintWorkspaceResult = { files: 0, problems: 0, open: 0, cancelled: false, skipped: 0, skippedFiles: [] };
  const skip = (file: string, reason: string) => {
    result.skipped++;
    if (result.skippedFiles.length < MAX_LISTED_SKIPS) result.skippedFiles.push({ file, reason });
  };
  progress.begin('tifa：检查工作区', 0, '正在查找文件…', true);
  try {
    const { files, more } = await collectFiles(fs, deps.folders.list(), token);
    result.skipped = more;
    const openByPath = new Map<string, TextDocument>();
    for (const doc of documents.all()) {
      const file = uriToPath(doc.uri);
      if (file) openByPath.set(file, doc);
    }
    let lastYield = Date.now();
    for (let i = 0; i < files.length; i++) {
      if (token.isCancellationRequested) {
        result.cancelled = true;
        break;
      }
      const file = files[i];
      const languageId = languageForFile(file) as string;
      const open = openByPath.get(file);
      if (open) {
        const ctx = await analysis.context(open);
        if (ctx) {
          result.files++;
          result.open++;
          result.problems += analysis.findings(open, ctx).length;
        }
      } else {
        const ctx = await analysis.contextForFile(file, languageId);
        if (ctx) {
          // 先看大小再读：几百 MB 的文件整个读进来既慢又占内存，结果还是要跳过。
          const size = fs.size(file);
          const text = size !== undefined && size <= MAX_BYTES ? fs.readFile(file, MAX_BYTES) : undefined;
          if (text === undefined) {
            skip(file, size === undefined ? '读不了（不是普通文件或已被删除）' : size > MAX_BYTES ? `${size} 字节，超过上限 ${MAX_BYTES} 字节` : '二进制文件或读不了');
          } else {
            const doc = TextDocument.create(pathToUri(file), languageId, 0, text);
            const findings = lint(text, ctx.state.glossary, ctx.options);
            result.files++;
            result.problems += findings.length;
            await connection.sendDiagnostics({ uri: doc.uri, diagnostics: findings.map((f) => toDiagnostic(doc, f)) });
          }
        }
      }
      progress.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} ${path.basename(file)}`);
      // 让出事件循环：期间的编辑、悬停和取消请求照常处理。
      if (Date.now() - lastYield > 20) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
  } finally {
    progress.done();
  }
  return result;
}
