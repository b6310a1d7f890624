// 注册扩展的全部命令。处理函数表以 CommandId 为键：少写一个就是类型错误；出错统一记日志并提示。
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandId } from '../commandIds';
import type { ExplanationDocuments } from '../explanationDocuments';
import type { TifaClient } from '../tifaClient';
import { browseGlossary } from './browseGlossary';
import { explainAtCursor } from './explainAtCursor';
import { fixAll } from './fixAll';
import { lintWorkspace } from './lintWorkspace';

export function registerCommands(tifa: TifaClient, explanations: ExplanationDocuments): vscode.Disposable[] {
  const handlers: Record<CommandId, () => Promise<void> | void> = {
    'tifa.lintWorkspace': () => lintWorkspace(tifa),
    'tifa.browseGlossary': () => browseGlossary(tifa, explanations),
    'tifa.fixAll': () => fixAll(),
    'tifa.explainAtCursor': () => explainAtCursor(tifa, explanations),
    'tifa.restartServer': () => tifa.restart(),
    'tifa.showLog': () => tifa.log.show(),
  };
  return COMMAND_IDS.map((id) =>
    vscode.commands.registerCommand(id, async () => {
      try {
        await handlers[id]();
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        tifa.log.error(`命令 ${id} 失败：${message}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('tifa: {0}', message));
      }
    }),
  );
}
