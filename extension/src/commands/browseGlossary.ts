// 浏览词表：可按词、拼音、类别搜索的快速选择框（服务器 tifa.searchGlossary 负责匹配），
// 条目显示释义；回车把词插入到光标处（没有编辑器时复制到剪贴板），条目右侧按钮打开完整释义。
import * as vscode from 'vscode';
import type { ExplanationDocuments } from '../explanationDocuments';
import { toGlossaryPickItems, type GlossaryPickItem } from '../glossaryItems';
import { SERVER_COMMANDS, asSearchResults } from '../serverProtocol';
import type { TifaClient } from '../tifaClient';
import { showExplanation } from './explainAtCursor';

type Item = GlossaryPickItem & vscode.QuickPickItem;

const SEARCH_DELAY = 120;

export async function browseGlossary(tifa: TifaClient, explanations: ExplanationDocuments): Promise<void> {
  // 快速选择框会拿走焦点：先记住要插入的编辑器。
  const editor = vscode.window.activeTextEditor;
  // 多根工作区里各文件夹的用户词典可能不同：按当前文件所在文件夹的词表搜索。
  const scope = editor?.document.uri.scheme === 'file' ? [editor.document.uri.toString()] : [];
  const explainButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('info'), tooltip: vscode.l10n.t('Show the full explanation') };
  const pick = vscode.window.createQuickPick<Item>();
  pick.title = vscode.l10n.t('tifa Glossary');
  pick.placeholder = vscode.l10n.t('Search by term, pinyin or category; Enter inserts the term');
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;

  let generation = 0;
  let timer: NodeJS.Timeout | undefined;
  const search = async (query: string) => {
    const current = ++generation;
    pick.busy = true;
    try {
      const results = asSearchResults(await tifa.executeServerCommand(SERVER_COMMANDS.searchGlossary, [query, ...scope]));
      if (current !== generation) return;
      pick.items = toGlossaryPickItems(results, vscode.l10n.t).map((item) => ({ ...item, buttons: [explainButton] }));
    } catch (error) {
      if (current === generation) pick.items = [];
      tifa.log.error(`搜索词表失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      if (current === generation) pick.busy = false;
    }
  };

  const chosen = await new Promise<Item | undefined>((resolve) => {
    const subscriptions: vscode.Disposable[] = [
      pick.onDidChangeValue((value) => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => void search(value), SEARCH_DELAY);
      }),
      pick.onDidTriggerItemButton((event) => void showExplanation(tifa, explanations, event.item.id, editor?.document.uri)),
      pick.onDidAccept(() => {
        resolve(pick.selectedItems[0]);
        pick.hide();
      }),
      pick.onDidHide(() => {
        resolve(undefined);
        if (timer) clearTimeout(timer);
        for (const subscription of subscriptions) subscription.dispose();
        pick.dispose();
      }),
    ];
    pick.show();
    void search('');
  });
  if (chosen) await insertTerm(editor, chosen.term);
}

async function insertTerm(editor: vscode.TextEditor | undefined, term: string): Promise<void> {
  const open = editor && vscode.window.visibleTextEditors.includes(editor);
  if (open && editor) {
    await editor.edit((builder) => {
      for (const selection of editor.selections) builder.replace(selection, term);
    });
    return;
  }
  await vscode.env.clipboard.writeText(term);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied “{0}” to the clipboard.', term));
}
