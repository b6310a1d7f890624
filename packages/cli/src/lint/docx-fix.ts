// Word 的 --fix / --fix-dry-run：安全修复写成修订，存到“原名.tifa.docx”（原文件不动）；以及给人看的位置（部件、段号、句子）。
import fs from 'node:fs';
import path from 'node:path';
import { safeEdits, type Finding } from '@tifa/core';
import { sentenceAround, trackedFileName, writeTrackedChanges, type DocxDocument } from '../files/docx/index';
import type { FileReport, LintMessage, LintMode } from './types';

export function fixDocx(report: FileReport, file: string, bytes: Buffer, docx: DocxDocument, findings: readonly Finding[], mode: LintMode): void {
  const edits = safeEdits(findings);
  if (mode === 'lint' || edits.length === 0) return;
  const target = trackedFileName(file);
  const out = writeTrackedChanges(bytes, docx, edits);
  report.fixedCount = out.applied;
  if (!out.applied) return;
  if (mode === 'fix-dry-run') {
    report.notice = `将把 ${out.applied} 处修改以修订形式写入 ${path.basename(target)}（未写入）`;
    return;
  }
  const tmp = `${target}.tifa-${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, out.bytes);
    fs.renameSync(tmp, target);
    report.writtenTo = target;
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    report.status = 'failed';
    report.notice = `修订稿写入失败：${(err as Error).message}`;
  }
}

/** 在消息后写明部件、段号与句子，让人在 Word 里找得到。 */
export function locateInDocx(messages: LintMessage[], docx: DocxDocument): void {
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
