// 检查整个工作区：服务器检查所有 Markdown / 纯文本文件并发布诊断，结果在“问题”面板里。
// 请求带上客户端自己的 workDoneToken，服务器的进度显示在这里的（可取消）通知里，而不是另起一个。
import * as vscode from 'vscode';
import { SERVER_COMMANDS, asLintWorkspaceSummary } from '../serverProtocol';
import type { TifaClient } from '../tifaClient';

let runs = 0;

export async function lintWorkspace(tifa: TifaClient): Promise<void> {
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a folder first to check the whole workspace.'));
    return;
  }
  const workDoneToken = `tifa-lint-workspace-${process.pid}-${++runs}`;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('tifa: checking the workspace…'), cancellable: true },
    async (progress, token) => {
      let reported = 0;
      const subscription = await tifa.onWorkDoneProgress(workDoneToken, (value) => {
        if (value.kind === 'end') return;
        const percentage = typeof value.percentage === 'number' ? Math.min(100, Math.max(reported, value.percentage)) : reported;
        progress.report({ message: value.message, increment: percentage - reported });
        reported = percentage;
      });
      try {
        return await tifa.executeServerCommand(SERVER_COMMANDS.lintWorkspace, [], token, workDoneToken);
      } finally {
        subscription.dispose();
      }
    },
  );
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  const summary = asLintWorkspaceSummary(result);
  if (!summary) return;
  const parts = [vscode.l10n.t('tifa checked {0} files and found {1} problems.', summary.files, summary.problems)];
  if (summary.skipped > 0) parts.push(vscode.l10n.t('{0} files were skipped (limit reached).', summary.skipped));
  if (summary.cancelled) parts.push(vscode.l10n.t('The check was cancelled.'));
  void vscode.window.showInformationMessage(parts.join(' '));
}
