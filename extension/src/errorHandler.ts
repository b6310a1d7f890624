// 连接出错与服务器退出时怎么办：短时间内反复崩溃就不再重启，用一条（本地化的）通知说明并给出“查看日志”“重新启动”。
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult } from 'vscode-languageclient/node';
import type { CrashWindow } from './restartPolicy';

export interface CrashNoticeActions {
  showLog(): void;
  restart(): void;
}

export function createErrorHandler(crashes: CrashWindow, log: vscode.LogOutputChannel, actions: CrashNoticeActions): ErrorHandler {
  return {
    error(error, _message, count): ErrorHandlerResult {
      log.error(`连接错误（第 ${count ?? 1} 次）：${error.message}`);
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed(): CloseHandlerResult {
      const decision = crashes.record(Date.now());
      if (decision.restart) {
        log.warn(`tifa 语言服务器已退出，正在重启（3 分钟内第 ${decision.crashes} 次）。`);
        return { action: CloseAction.Restart, handled: true };
      }
      log.error(`tifa 语言服务器 3 分钟内退出了 ${decision.crashes} 次，不再自动重启。`);
      void showCrashNotice(decision.crashes, actions);
      return { action: CloseAction.DoNotRestart, handled: true };
    },
  };
}

async function showCrashNotice(crashes: number, actions: CrashNoticeActions): Promise<void> {
  const showLog = vscode.l10n.t('Show Log');
  const restart = vscode.l10n.t('Restart Server');
  const choice = await vscode.window.showErrorMessage(
    vscode.l10n.t('The tifa language server stopped {0} times in 3 minutes and will not be restarted automatically.', crashes),
    showLog,
    restart,
  );
  if (choice === showLog) actions.showLog();
  else if (choice === restart) actions.restart();
}
