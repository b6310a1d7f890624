// 命令共用的输出小工具：相对路径、词典问题的 file:line:col 列表。
import path from 'node:path';
import type { DictionaryDiagnostic } from '@tifa/core';
import type { Colors } from '../terminal/colors';
import { forTerminal } from '../terminal/sanitize';

/** 相对当前目录的正斜杠路径；不在当前目录下时用绝对路径。 */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  if (rel === '' ) return path.basename(file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return file;
  return rel.split(path.sep).join('/');
}

export function formatDiagnostic(d: DictionaryDiagnostic, cwd: string, c: Colors): string {
  const label = d.severity === 'error' ? c.red('错误') : c.yellow('警告');
  return `${forTerminal(displayPath(d.file, cwd))}:${d.line}:${d.column}: ${label} ${forTerminal(d.message)}${d.code ? c.gray(` (${d.code})`) : ''}`;
}

/** 打印词典问题，返回其中的错误数。 */
export function reportDiagnostics(diagnostics: readonly DictionaryDiagnostic[], cwd: string, c: Colors, write: (s: string) => void): number {
  let errors = 0;
  for (const d of diagnostics) {
    if (d.severity === 'error') errors++;
    write(formatDiagnostic(d, cwd, c) + '\n');
  }
  return errors;
}
