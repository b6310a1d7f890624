// 一个文件的完整处理：读取解码 → 检查（区分被抑制的发现）→ （--fix）修复并原子写回 / （--fix-dry-run）生成 diff → 换算行列。
// Word 文件的修复写成修订，存到“原名.tifa.docx”。主线程与工作线程共用这一个函数。
import fs from 'node:fs';
import path from 'node:path';
import { applyFixes, describeDocumentDate, documentDateOf, lineStarts, lint, offsetToPosition, reMatchingFix, safeEdits, type Finding, type LintOptions } from '@tifa/core';
import { encodeText } from '@tifa/core/node';
import { sentenceAround, trackedFileName, writeTrackedChanges, type DocxDocument } from '../files/docx/index';
import { languageFor, readDocument, type ReadDocument } from '../files/read-document';
import { writeFileAtomic, type WriteOutcome } from '../files/write-atomic';
import { unifiedDiffBytes } from '../fix/unified-diff';
import { codeFrameAt } from './code-frame';
import { sentenceAt } from './sentence-context';
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

export function toMessages(
  text: string,
  findings: readonly Finding[],
  withFrames: boolean,
  problems: readonly DirectiveProblem[] = [],
  withSentences = false,
): LintMessage[] {
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
        matched: text.slice(f.offset, f.offset + f.length),
        suggestions: finding?.suggestions ?? [],
        fixable: safe !== undefined,
        deprecated: finding?.deprecated ?? false,
      };
      if (finding) msg.matched = finding.matched;
      if (safe && safe.edits.length === 1) msg.fix = { ...safe.edits[0] };
      const choices = (finding?.fixes ?? []).filter((x) => x.edits.length === 1);
      if (choices.length) msg.fixes = choices.map((x) => ({ desc: x.title, ...x.edits[0] }));
      if (withFrames) msg.frame = codeFrameAt(text, starts[start.line], start.line + 1, f.offset, f.length);
      if (withSentences) msg.sentence = sentenceAt(text, f.offset, f.length);
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

/** Word：在消息后写明部件、段号与句子，让人在 Word 里找得到。 */
function locateInDocx(messages: LintMessage[], docx: DocxDocument): void {
  for (const m of messages) {
    const line = docx.lines[m.line - 1];
    if (!line) continue;
    const part = docx.parts[line.part];
    const paragraph = part.parsed.paragraphs[line.paragraph - 1].text;
    const sentence = sentenceAround(paragraph, m.column - 1, m.length);
    m.paragraph = { index: line.paragraph, part: part.label, sentence };
    m.message += `（${part.label}第 ${line.paragraph} 段：“${sentence}”）`;
  }
}

function readInput(task: FileTask, kind: ReturnType<typeof languageFor>): ReadDocument {
  if (task.stdinText === undefined) return readDocument(task.file, kind);
  const text = task.stdinText;
  return { status: 'text', kind: kind === 'docx' ? 'plaintext' : kind, text, encoding: 'utf-8', bom: false, bytes: Buffer.from(text) };
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
  const check = (t: string) =>
    splitSuppressed(t, lint(t, glossary, options), options.language ?? 'plaintext', (id) => glossary.byId(id) !== undefined, task.reportUnusedDirectives === true);
  let text = doc.text;
  const date = documentDateOf(text, options);
  report.documentDate = { date: date.date, source: date.source, ...(date.line ? { line: date.line } : {}), description: describeDocumentDate(date) };
  let result = check(text);
  const original = { text, result };

  if (task.mode !== 'lint' && doc.status === 'docx') {
    const edits = safeEdits(result.kept);
    if (edits.length) {
      const target = trackedFileName(task.file);
      const out = writeTrackedChanges(doc.bytes, doc.docx, edits);
      report.fixedCount = out.applied;
      if (out.applied && task.mode === 'fix') {
        const tmp = `${target}.tifa-${process.pid}.tmp`;
        fs.writeFileSync(tmp, out.bytes);
        fs.renameSync(tmp, target);
        report.writtenTo = target;
      } else if (out.applied) {
        report.notice = `将把 ${out.applied} 处修改以修订形式写入 ${path.basename(target)}（未写入）`;
      }
    }
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
      const fixed = applyFixes(text, converging(result.kept));
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
    }
    if (diverged) {
      report.notice = '修复不收敛（替换写法互相替换或越改越长），未修改';
      ({ text, result } = original);
      report.fixedCount = 0;
    }
    if (text !== doc.text) {
      if (!encodeText(doc.text, doc.encoding, doc.bom).equals(doc.bytes)) {
        report.notice = `文件含有 ${doc.encoding} 无法原样写回的字节，未修改`;
        ({ text, result } = original);
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
          ({ text, result } = original);
          report.fixedCount = 0;
        }
      }
    }
  }
  // --fix-dry-run 不写文件：按原文报告（退出码与 lint 相同）
  if (task.mode === 'fix-dry-run') ({ text, result } = original);
  report.messages = toMessages(text, result.kept, task.withFrames, result.problems, task.withSentences);
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
