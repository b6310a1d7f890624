// 一个文件的完整处理：读取解码 → 检查（区分被抑制的发现）→ （--fix）修复并原子写回 / （--fix-dry-run）生成 diff → 换算行列。
// Word 文件的修复写成修订，存到“原名.tifa.docx”。主线程与工作线程共用这一个函数。
import { applyFixes, lineStarts, lint, offsetToPosition, reMatchingFix, type Finding, type LintOptions } from '@tifa/core';
import { encodeText } from '@tifa/core/node';
import { languageFor, readDocument, type ReadDocument } from '../files/read-document';
import { writeFileAtomic, type WriteOutcome } from '../files/write-atomic';
import { unifiedDiff } from '../fix/unified-diff';
import { codeFrameAt } from './code-frame';
import { fixDocx, locateInDocx } from './docx-fix';
import { glossaryFor } from './glossary-cache';
import { DIRECTIVE_RULE_ID, splitSuppressed, type DirectiveProblem } from './suppressions';
import type { FileReport, FileTask, LintMessage } from './types';

/** 修复后可能露出新的可修复问题；多轮直到稳定（有上限，防止来回改）。 */
const MAX_FIX_PASSES = 10;

function appliedCount(applied: unknown): number {
  if (typeof applied === 'number') return applied;
  if (Array.isArray(applied)) return applied.length;
  return 0;
}

export function toMessages(text: string, findings: readonly Finding[], withFrames: boolean, problems: readonly DirectiveProblem[] = []): LintMessage[] {
  const starts = lineStarts(text);
  const all: (Finding | DirectiveProblem)[] = [...findings, ...problems];
  return all
    .sort((a, b) => a.offset - b.offset || a.length - b.length)
    .map((f) => {
      const start = offsetToPosition(starts, f.offset);
      const end = offsetToPosition(starts, f.offset + f.length);
      const finding = 'ruleId' in f ? f : undefined;
      const safe = finding?.fixes.find((fix) => fix.safe);
      const msg: LintMessage = {
        ruleId: finding?.ruleId ?? DIRECTIVE_RULE_ID,
        termId: finding?.termId ?? '',
        severity: f.severity,
        message: f.message,
        line: start.line + 1,
        column: start.character + 1,
        endLine: end.line + 1,
        endColumn: end.character + 1,
        offset: f.offset,
        length: f.length,
        matched: finding?.matched ?? text.slice(f.offset, f.offset + f.length),
        suggestions: finding?.suggestions ?? [],
        fixable: safe !== undefined,
        deprecated: finding?.deprecated ?? false,
      };
      if (safe && safe.edits.length === 1) msg.fix = { ...safe.edits[0] };
      const choices = (finding?.fixes ?? []).filter((x) => x.edits.length === 1);
      if (choices.length) msg.fixes = choices.map((x) => ({ desc: x.title, ...x.edits[0] }));
      if (withFrames) msg.frame = codeFrameAt(text, starts[start.line], start.line + 1, f.offset, f.length);
      return msg;
    });
}

function readInput(task: FileTask, kind: ReturnType<typeof languageFor>): ReadDocument {
  if (task.stdinText === undefined) return readDocument(task.file, kind);
  const text = task.stdinText;
  return { status: 'text', kind: kind === 'docx' ? 'plaintext' : kind, text, encoding: 'utf-8', bom: false, bytes: Buffer.from(text) };
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
  const doc = readInput(task, kind);
  if (doc.status === 'skipped' || doc.status === 'failed') return { ...report, status: doc.status, notice: doc.notice };
  if (doc.status === 'text') report.encoding = doc.encoding;

  const options: LintOptions = {
    language: doc.kind === 'docx' ? 'plaintext' : doc.kind,
    asOf: task.asOf,
    rules: task.rules,
    terms: task.terms,
    allow: task.allow,
    segmenter,
    keepSuppressed: true,
  };
  // 被抑制注释压下的发现另放（JSON 的 suppressedMessages），注释本身的问题并入消息
  const check = (t: string) =>
    splitSuppressed(t, lint(t, glossary, options), options.language ?? 'plaintext', (id) => glossary.byId(id) !== undefined, task.reportUnusedDirectives === true);
  let text = doc.text;
  let result = check(text);
  const original = { text, result };
  let findings = result.kept;
  const reset = () => {
    ({ text, result } = original);
    findings = result.kept;
  };

  if (doc.status === 'docx') {
    fixDocx(report, task.file, doc.bytes, doc.docx, findings, task.mode);
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
      const fixed = applyFixes(text, converging(findings));
      const n = appliedCount(fixed.applied);
      if (n === 0 || fixed.text === text) break;
      if (seen.has(fixed.text) || fixed.text.length > 2 * doc.text.length + 4096) {
        diverged = true;
        break;
      }
      seen.add(fixed.text);
      report.fixedCount += n;
      text = fixed.text;
      result = check(text);
      findings = result.kept;
    }
    if (diverged) {
      report.notice = '修复不收敛（替换写法互相替换或越改越长），未修改';
      reset();
      report.fixedCount = 0;
    }
    if (text !== doc.text) {
      if (task.mode === 'fix-dry-run') {
        report.diff = unifiedDiff(task.displayPath, doc.text, text);
      } else if (!encodeText(doc.text, doc.encoding, doc.bom).equals(doc.bytes)) {
        report.notice = `文件含有 ${doc.encoding} 无法原样写回的字节，未修改`;
        reset();
        report.fixedCount = 0;
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
          reset();
          report.fixedCount = 0;
        }
      }
    }
  }
  // --fix-dry-run 不写文件：按原文报告（退出码与 lint 相同）
  if (task.mode === 'fix-dry-run') reset();
  report.messages = toMessages(text, result.kept, task.withFrames, result.problems);
  report.suppressed = toMessages(text, result.suppressed, false);
  if (doc.status === 'docx') {
    locateInDocx(report.messages, doc.docx);
    locateInDocx(report.suppressed, doc.docx);
  }
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
