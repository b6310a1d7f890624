// 修复当前文件：取服务器的 source.fixAll.tifa 代码操作（与 editor.codeActionsOnSave 用的是同一个）并应用。
import * as vscode from 'vscode';
import { FIX_ALL_KIND } from '../serverProtocol';

const fixAllKind = vscode.CodeActionKind.SourceFixAll.append('tifa');

export async function fixAll(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a file to fix first.'));
    return;
  }
  const document = editor.document;
  const whole = new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length));
  const actions =
    (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      whole,
      FIX_ALL_KIND,
      10, // 需要时解析（resolve）代码操作，拿到 edit
    )) ?? [];
  // 只要一个：多个“全部修复”都基于同一版本文本，依次应用会互相错位。
  const action = actions.find((candidate): candidate is vscode.CodeAction => 'kind' in candidate && !!candidate.kind && fixAllKind.contains(candidate.kind));
  if (!action || (!action.edit && !action.command)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No automatic tifa fixes for this file.'));
    return;
  }
  if (action.edit && !(await vscode.workspace.applyEdit(action.edit))) {
    void vscode.window.showWarningMessage(vscode.l10n.t('The fixes could not be applied (the file changed meanwhile?).'));
    return;
  }
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  vscode.window.setStatusBarMessage(vscode.l10n.t('tifa: {0}', action.title), 4000);
}
