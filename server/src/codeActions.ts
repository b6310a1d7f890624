// 代码操作：每条诊断的快速修复（每个建议一个）、本行停用注释、在工作区忽略该词，以及 source.fixAll.tifa。
import {
  type CodeAction,
  CodeActionKind,
  type Connection,
  type Diagnostic,
  type TextDocuments,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { RULE_IDS, safeEdits, type Finding, type TextEdit } from '@tifa/core';
import type { Analysis } from './analysis';
import { type DiagnosticData, isTifaDiagnostic, toDiagnostic } from './diagnostics';
import { lineStart, lineText, toLspEdit, toOffsets } from './positions';
import { COMMANDS, type IgnoreTermArgs } from './protocol';
import { type Logger, runSafeAsync } from './runner';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tifa`;
export const CODE_ACTION_KINDS = [CodeActionKind.QuickFix, FIX_ALL_KIND];

/** 整个文件的安全修复：与核心 applyFixes 同一规则（核心的 safeEdits），再去掉不改变文字的编辑。 */
export function fixAllEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  return safeEdits(findings).filter((e) => text.slice(e.offset, e.offset + e.length) !== e.newText);
}

/** 纯文本：在该行之前写一行指令（缩进照抄原行）。 */
export function disableNextLineEdit(doc: TextDocument, line: number, termId: string): LspTextEdit {
  const prefix = /^[ \t>]*/.exec(lineText(doc, line))?.[0] ?? '';
  const eol = /\r\n|\r|\n/.exec(doc.getText())?.[0] ?? '\n';
  return { range: { start: lineStart(line), end: lineStart(line) }, newText: `${prefix}tifa-disable-next-line ${termId}${eol}` };
}

// Markdown 里在行前插一行注释会拆开表格、列表项和段落：改为在行尾写 <!-- tifa-disable-line … -->（核心认行尾指令）。
const LINK_DEFINITION = /^ {0,3}\[[^\]]+\]:/;
const FENCE = /^ {0,3}(```|~~~)/;

/** Markdown：行尾指令；插在硬换行、表格行的结尾竖线、ATX 标题的结尾 # 之前。放不下（链接定义、代码围栏行）时返回 undefined。 */
export function disableLineEdit(doc: TextDocument, line: number, termId: string): LspTextEdit | undefined {
  if (doc.languageId !== 'markdown') return disableNextLineEdit(doc, line, termId);
  const text = lineText(doc, line);
  if (LINK_DEFINITION.test(text) || FENCE.test(text)) return undefined;
  let at = text.length - (/(?: {2,}|\\)$/.exec(text)?.[0].length ?? /\s*$/.exec(text)?.[0].length ?? 0);
  const body = text.slice(0, at);
  const closing = /\|\s*$/.exec(body) ?? (/^ {0,3}#{1,6}\s/.test(body) ? /\s#+\s*$/.exec(body) : null);
  if (closing && closing.index > 0 && body[closing.index - 1] !== '\\') at = closing.index;
  const before = text.slice(0, at);
  const space = before === '' || /\s$/.test(before) ? '' : ' ';
  const after = /^\s/.test(text.slice(at)) || at === text.length ? '' : ' ';
  return { range: { start: { line, character: at }, end: { line, character: at } }, newText: `${space}<!-- tifa-disable-line ${termId} -->${after}` };
}

export function registerCodeActions(deps: { connection: Connection; documents: TextDocuments<TextDocument>; analysis: Analysis; log: Logger }): void {
  const { connection, documents, analysis, log } = deps;
  connection.onCodeAction((params, token) =>
    runSafeAsync<CodeAction[]>(
      log,
      async () => {
        const doc = documents.get(params.textDocument.uri);
        if (!doc) return [];
        const ctx = await analysis.context(doc);
        if (!ctx) return [];
        const only = params.context.only;
        const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
        const actions: CodeAction[] = [];
        if (wants(CodeActionKind.QuickFix)) {
          // 只用文字还对得上的诊断：文档改过之后，诊断里带的修复编辑可能已经过期。
          let diagnostics = params.context.diagnostics.filter(isTifaDiagnostic).filter((d) => doc.getText(d.range) === d.data.matched);
          // 有的客户端不回传诊断（或丢了 data），或诊断已过期：用当前版本的发现补上。
          if (diagnostics.length === 0) {
            const { start, end } = toOffsets(doc, params.range);
            diagnostics = analysis
              .findings(doc, ctx)
              .filter((f) => f.offset <= end && f.offset + f.length >= start)
              .map((f) => toDiagnostic(doc, f) as Diagnostic & { data: DiagnosticData });
          }
          actions.push(...quickFixes(doc, diagnostics, ctx.allowListFile !== undefined));
        }
        if (only ? wants(FIX_ALL_KIND) : true) {
          const edits = fixAllEdits(doc.getText(), analysis.findings(doc, ctx));
          if (edits.length > 0) {
            actions.push({
              title: `修复本文件中所有可自动修复的 tifa 问题（${edits.length} 处）`,
              kind: FIX_ALL_KIND,
              edit: { changes: { [doc.uri]: edits.map((e) => toLspEdit(doc, e)) } },
            });
          }
        }
        return actions;
      },
      [],
      `代码操作 ${params.textDocument?.uri}`,
      token,
    ),
  );
}

function quickFixes(doc: TextDocument, diagnostics: (Diagnostic & { data: DiagnosticData })[], canIgnore: boolean): CodeAction[] {
  const fixes: CodeAction[] = [];
  const extras: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of diagnostics) {
    const data: DiagnosticData = diagnostic.data;
    const { termId, matched } = data;
    data.fixes.forEach((fix, i) => {
      fixes.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: i === 0 && fix.safe,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    });
    const line = diagnostic.range.start.line;
    const disable = seen.has(`line:${line}:${termId}`) ? undefined : disableLineEdit(doc, line, termId);
    if (disable) {
      seen.add(`line:${line}:${termId}`);
      extras.push({
        title: `在本行停用 tifa 对“${matched}”（${termId}）的检查`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: { changes: { [doc.uri]: [disable] } },
      });
    }
    // 不属于词条的发现（ended-plan、发文字号的括号）：termId 是规则 id，加进白名单会停掉整条规则；只忽略这一处写法
    const item = (RULE_IDS as readonly string[]).includes(termId) ? matched : termId;
    if (canIgnore && !seen.has(`ignore:${item}`)) {
      seen.add(`ignore:${item}`);
      const args: IgnoreTermArgs = { uri: doc.uri, termId: item, matched };
      extras.push({
        title: `在本工作区忽略“${matched}”（加入白名单）`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        command: { title: `在本工作区忽略“${matched}”`, command: COMMANDS.ignoreTerm, arguments: [args] },
      });
    }
  }
  return [...fixes, ...extras];
}
