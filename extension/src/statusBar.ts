// 状态栏项：tifa 是否在运行、词表版本、当前文件的 tifa 问题数；单击打开“问题”面板（服务器停了则打开日志）。
import * as vscode from 'vscode';
import { SERVER_COMMANDS, asGlossaryInfo, type GlossaryInfo } from './serverProtocol';
import { SETTINGS_SECTION } from './settings';
import { countTifaProblems, statusBarView } from './statusText';
import type { TifaClient } from './tifaClient';

/** “问题”面板没有设置筛选文字的公开命令；诊断的 source 是 tifa，用户可在筛选框输入 tifa。 */
const OPEN_PROBLEMS = 'workbench.actions.view.problems';
const GLOSSARY_REFRESH_DELAY = 800;

export class TifaStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tifa.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [];
  private glossary: GlossaryInfo | undefined;
  private refreshTimer: NodeJS.Timeout | undefined;

  constructor(private readonly tifa: TifaClient) {
    this.item.name = vscode.l10n.t('tifa Status');
    this.disposables.push(
      this.item,
      tifa.onDidChangeState((state) => {
        if (state === 'running') this.scheduleGlossaryRefresh(0);
        this.render();
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && event.uris.some((changed) => changed.toString() === uri)) this.render();
      }),
      // 多根工作区里各文件夹的用户词典可能不同：换文件时按新文件重新取词表信息。
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.scheduleGlossaryRefresh(GLOSSARY_REFRESH_DELAY);
        this.render();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
        this.scheduleGlossaryRefresh(GLOSSARY_REFRESH_DELAY);
        this.render();
      }),
      // 用户词典保存后服务器会重载词表：版本与条目数可能变了。
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (/\.ya?ml$/i.test(document.fileName)) this.scheduleGlossaryRefresh(GLOSSARY_REFRESH_DELAY);
      }),
    );
    this.render();
    this.item.show();
  }

  dispose(): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private scheduleGlossaryRefresh(delay: number): void {
    if (this.refreshTimer) clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refreshGlossary(), delay);
  }

  private async refreshGlossary(): Promise<void> {
    if (this.tifa.state !== 'running') return;
    try {
      const uri = vscode.window.activeTextEditor?.document.uri;
      const args = uri && uri.scheme === 'file' ? [uri.toString()] : [];
      this.glossary = asGlossaryInfo(await this.tifa.executeServerCommand(SERVER_COMMANDS.glossaryInfo, args));
    } catch (error) {
      this.tifa.log.warn(`读取词表信息失败：${error instanceof Error ? error.message : String(error)}`);
    }
    this.render();
  }

  private render(): void {
    const document = vscode.window.activeTextEditor?.document;
    const checked = document !== undefined && vscode.languages.match([...this.tifa.documentSelector], document) > 0;
    const view = statusBarView(
      {
        state: this.tifa.state,
        glossary: this.glossary,
        problems: checked ? countTifaProblems(vscode.languages.getDiagnostics(document.uri)) : undefined,
        disabled: vscode.workspace.getConfiguration(SETTINGS_SECTION, document?.uri).get<boolean>('enable') === false,
      },
      vscode.l10n.t,
    );
    this.item.text = view.text;
    this.item.tooltip = view.tooltip;
    this.item.command = this.tifa.state === 'stopped' ? 'tifa.showLog' : OPEN_PROBLEMS;
  }
}
