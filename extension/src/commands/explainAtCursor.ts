// 解释光标处的词：先看选中的文字，再看服务器悬停给出的词语范围，最后退回光标所在的“词”；
// 依次交给 tifa.explain，第一个查得到的打开释义页。
import * as vscode from 'vscode';
import type { ExplanationDocuments } from '../explanationDocuments';
import { SERVER_COMMANDS, asExplanation } from '../serverProtocol';
import type { TifaClient } from '../tifaClient';

export async function explainAtCursor(tifa: TifaClient, explanations: ExplanationDocuments): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Put the cursor on a term in a document first.'));
    return;
  }
  for (const candidate of await termCandidates(editor)) {
    if (await showExplanation(tifa, explanations, candidate, editor.document.uri)) return;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('No glossary term at the cursor.'));
}

/** 查一个词条 id 或写法，查到就打开释义页；返回是否查到。 */
export async function showExplanation(
  tifa: TifaClient,
  explanations: ExplanationDocuments,
  idOrTerm: string,
  scope: vscode.Uri | undefined,
): Promise<boolean> {
  // 第二个参数让服务器用该文件所在文件夹的词表（含用户词典）。
  const args = scope?.scheme === 'file' ? [idOrTerm, scope.toString()] : [idOrTerm];
  const explanation = asExplanation(await tifa.executeServerCommand(SERVER_COMMANDS.explain, args));
  if (!explanation) return false;
  await explanations.show(explanation.term || idOrTerm, explanation.markdown);
  return true;
}

async function termCandidates(editor: vscode.TextEditor): Promise<string[]> {
  const { document, selection } = editor;
  const candidates: string[] = [];
  const add = (text: string) => {
    const trimmed = text.trim();
    if (trimmed !== '' && trimmed.length <= 200 && !candidates.includes(trimmed)) candidates.push(trimmed);
  };
  if (!selection.isEmpty) add(document.getText(selection));
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, selection.active)) ?? [];
  for (const hover of hovers) if (hover.range) add(document.getText(hover.range));
  const word = document.getWordRangeAtPosition(selection.active);
  if (word) add(document.getText(word));
  return candidates;
}
