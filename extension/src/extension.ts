// 扩展入口：只做装配——日志通道、语言客户端、释义文档、状态栏、命令，然后启动服务器。
import * as vscode from 'vscode';
import { registerCommands } from './commands/registerCommands';
import { EXPLANATION_SCHEME, ExplanationDocuments } from './explanationDocuments';
import { TifaStatusBar } from './statusBar';
import { TifaClient } from './tifaClient';

let tifa: TifaClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const log = vscode.window.createOutputChannel('tifa', { log: true });
  tifa = new TifaClient(context, log);
  const explanations = new ExplanationDocuments();
  context.subscriptions.push(
    log,
    tifa,
    explanations,
    vscode.workspace.registerTextDocumentContentProvider(EXPLANATION_SCHEME, explanations),
    new TifaStatusBar(tifa),
    ...registerCommands(tifa, explanations),
  );
  // 等服务器就绪再结束激活：由命令触发激活时，命令随即执行，需要连接已可用。
  await tifa.start();
}

export async function deactivate(): Promise<void> {
  await tifa?.stop();
  tifa = undefined;
}
