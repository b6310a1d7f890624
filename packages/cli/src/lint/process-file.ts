// 一个文件的完整处理：读取解码 → 检查 → （--fix）修复并原子写回 / （--fix-dry-run）生成 diff → 换算行列。
// 主线程与工作线程共用这一个函数。
import { applyFixes, lineStarts, lint, offsetToPosition, reMatchingFix, type Finding, type LintOptions } from '@tifa/core';
import { encodeText } from '@tifa/core/node';
import { languageFor, readDocument } from '../files/read-document';
import { writeFileAtomic, type WriteOutcome } from '../files/write-atomic';
import { unifiedDiffBytes } from '../fix/unified-diff';
import { codeFrameAt } from './code-frame';
import { glossaryFor } from './glossary-cache';
import type { FileReport, FileTask, LintMessage } from './types';

/** 修复后可能露出新的可修复问题；多轮直到稳定（有上限，防止来回改）。 */
const MAX_FIX_PASSES = 10;

function appliedCount(applied: unknown): number {
  if (typeof applied === 'number') return applied;
  if (Array.isArray(applied)) return applied.length;
  return 0;
}

export function toMessages(text: string, findings: readonly Finding[], withFrames: boolean): LintMessage[] {
  const starts = lineStarts(text);
  return [...findings]
    .sort((a, b) => a.offset - b.offset || a.length - b.length)
    .map((f) => {
      const start = offsetToPosition(starts, f.offset);
      const end = offsetToPosition(starts, f.offset + f.length);
      const safe = f.fixes.find((fix) => fix.safe);
      const msg: LintMessage = {
        ruleId: f.ruleId,
        termId: f.termId,
        severity: f.severity,
        message: f.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        offset: f.offset,
        length: f.length,
        matched: f.matched,
        suggestions: f.suggestions,
        fixable: safe !== undefined,
        deprecated: f.deprecated,
      };
      if (safe && safe.edits.length === 1) msg.fix = { ...safe.edits[0] };
      if (withFrames) msg.frame = codeFrameAt(text, starts[start.line], start.line + 1, f.offset, f.length);
      return msg;
    });
}

function writeOutcome(file: string, data: Buffer, expected: Buffer): WriteOutcome | { status: 'failed'; message: string } {
  try {
    return writeFileAtomic(file, data, expected);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const why = e.code === 'ENOSPC' ? '磁盘已满' : e.code === 'EACCES' || e.code === 'EPERM' || e.code === 'EROFS' ? '目录不可写' : undefined;
    return { status: 'failed', message: why ? `${why}（${e.code}）` : e.message };
  }
}

export function processFile(task: FileTask): FileReport {
  const { glossary, segmenter } = glossaryFor(task.dictionaries);
  const kind = languageFor(task.file, task.languageOverrides);
  const report: FileReport = {
    file: task.file,
    displayPath: task.displayPath,
    kind,
    status: 'linted',
    glossaryVersion: glossary.version,
    messages: [],
    fixedCount: 0,
    written: false,
  };
  const doc = readDocument(task.file, kind);
  if (doc.status === 'skipped' || doc.status === 'failed') return { ...report, status: doc.status, notice: doc.notice };
  if (doc.status === 'text') report.encoding = doc.encoding;

  const options: LintOptions = {
    language: doc.kind === 'docx' ? 'plaintext' : doc.kind,
    asOf: task.asOf,
    rules: task.rules,
    terms: task.terms,
    allow: task.allow,
    segmenter,
  };
  let text = doc.text;
  let findings = lint(text, glossary, options);

  if (task.mode !== 'lint' && doc.status === 'docx') {
    if (findings.some((f) => f.fixes.some((fix) => fix.safe))) report.notice = 'Word 文件只读：不会修改，请在 Word 中按提示修改';
  } else if (task.mode !== 'lint' && doc.status === 'text') {
    // 修复不收敛的保护（词典检查之外再兜底）：替换写法自身又会被修复的修复不做；
    // 文字回到以前的样子（A↔B）或不停变长时停下，整个文件不改
    const reMatches = new Map<string, boolean>();
    const converging = (fs: readonly Finding[]) =>
      fs.map((f) => {
        const fix = f.fixes.find((x) => x.safe);
        if (!fix) return f;
        const bad = fix.edits.some((e) => {
          let r = reMatches.get(e.newText);
          if (r === undefined) reMatches.set(e.newText, (r = reMatchingFix(glossary, e.newText, options) !== undefined));
          return r;
        });
        return bad ? { ...f, fixes: f.fixes.map((x) => ({ ...x, safe: false })) } : f;
      });
    const seen = new Set<string>([text]);
    let diverged = false;
    for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
      const result = applyFixes(text, converging(findings));
      const n = appliedCount(result.applied);
      if (n === 0 || result.text === text) break;
      if (seen.has(result.text) || result.text.length > 2 * doc.text.length + 4096) {
        diverged = true;
        break;
      }
      seen.add(result.text);
      report.fixedCount += n;
      text = result.text;
      findings = lint(text, glossary, options);
    }
    if (diverged) {
      report.notice = '修复不收敛（替换写法互相替换或越改越长），未修改';
      text = doc.text;
      findings = lint(text, glossary, options);
      report.fixedCount = 0;
    }
    if (text !== doc.text) {
      if (!encodeText(doc.text, doc.encoding, doc.bom).equals(doc.bytes)) {
        report.notice = `文件含有 ${doc.encoding} 无法原样写回的字节，未修改`;
        text = doc.text;
        findings = lint(text, glossary, options);
        report.fixedCount = 0;
      } else if (task.mode === 'fix-dry-run') {
        report.diff = unifiedDiffBytes(task.displayPath, doc.bytes, encodeText(text, doc.encoding, doc.bom));
      } else {
        const outcome = writeOutcome(task.file, encodeText(text, doc.encoding, doc.bom), doc.bytes);
        if (outcome.status === 'written') {
          report.written = true;
        } else {
          // 没写回：按原文报告问题；写入出错的文件记为失败，其余文件照常处理
          if (outcome.status === 'failed') report.status = 'failed';
          report.notice =
            outcome.status === 'changed-on-disk'
              ? '文件在检查期间被修改，未写回'
              : outcome.status === 'refused'
                ? `未修改：${outcome.reason}`
                : `写回失败：${outcome.message}`;
          text = doc.text;
          findings = lint(text, glossary, options);
          report.fixedCount = 0;
        }
      }
    }
  }
  report.messages = toMessages(text, findings, task.withFrames);
  // Word 只读：不标可修复，也不给 ESLint 的 fix 字段
  if (doc.status === 'docx') for (const m of report.messages) (m.fixable = false), delete m.fix;
  return report;
}

/** 一个文件出了意外（内部错误）只让这个文件失败，其余文件照常检查、输出照常完整。 */
export function processFileSafely(task: FileTask): FileReport {
  try {
    return processFile(task);
  } catch (err) {
    return {
      file: task.file,
      displayPath: task.displayPath,
      kind: 'plaintext',
      status: 'failed',
      notice: `检查时出错：${err instanceof Error ? err.message : String(err)}`,
      glossaryVersion: '',
      messages: [],
      fixedCount: 0,
      written: false,
    };
  }
}
