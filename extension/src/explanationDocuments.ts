// 释义页：只读的虚拟 Markdown 文档（tifa-explain: 方案），不用 webview；语言服务器不同步这一方案，所以不会被检查。
import * as vscode from 'vscode';

export const EXPLANATION_SCHEME = 'tifa-explain';

export class ExplanationDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** 在旁边的编辑器组打开（或刷新）一个词条的释义。 */
  async show(title: string, markdown: string): Promise<void> {
    const name = title.replace(/[\\/:*?"<>|#%]/g, '_') || 'tifa';
    const uri = vscode.Uri.from({ scheme: EXPLANATION_SCHEME, path: `/${name}.md` });
    this.contents.set(uri.toString(), markdown);
    this.changed.fire(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: true });
  }

  dispose(): void {
    this.changed.dispose();
    this.contents.clear();
  }
}
