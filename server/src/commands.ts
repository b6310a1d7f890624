// workspace/executeCommand：检查工作区、搜索词表、解释词条、加入工作区白名单、词表信息。
import {
  type CancellationToken,
  CancellationTokenSource,
  type Connection,
  type ExecuteCommandParams,
  ExecuteCommandRequest,
  MessageType,
  ShowMessageNotification,
  type TextDocuments,
  type WorkDoneProgressReporter,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, explain, formatHoverMarkdown, type Entry, type Glossary } from '@tifa/core';
import type { AllowListStore } from './allowList';
import type { Analysis } from './analysis';
import type { GlossaryStore } from './glossaryStore';
import type { WorkspaceFolders } from './paths';
import {
  COMMANDS,
  type ExplainResult,
  type GlossaryInfo,
  type GlossarySearchItem,
  type IgnoreTermArgs,
  type IgnoreTermResult,
} from './protocol';
import type { RuntimeFileSystem } from './runtime';
import { type Logger, runSafeAsync } from './runner';
import { lintWorkspace } from './workspaceLint';

export interface CommandDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  glossaries: GlossaryStore;
  allowLists: AllowListStore;
  folders: WorkspaceFolders;
  fs: RuntimeFileSystem;
  log: Logger;
  workDoneProgress: boolean;
  /** 白名单写入后：重新检查。 */
  allowListChanged(file: string): void;
  /** 词条的拼音（全拼），供选择器按拼音过滤；核心不提供时为空串。 */
  pinyinOf(entry: Entry): string;
}

const SEARCH_LIMIT = 50;

export function registerCommands(deps: CommandDeps): void {
  const { connection, log } = deps;
  // 直接注册请求而不用 onExecuteCommand：后者会先把 params.workDoneToken 拿走。
  connection.onRequest(ExecuteCommandRequest.type, (params, token) =>
    runSafeAsync<unknown>(log, () => execute(deps, params, token), null, `命令 ${params.command}`, token),
  );
}

async function execute(deps: CommandDeps, params: ExecuteCommandParams, token: CancellationToken): Promise<unknown> {
  const args = params.arguments ?? [];
  switch (params.command) {
    case COMMANDS.lintWorkspace:
      return runLintWorkspace(deps, params, token);
    case COMMANDS.searchGlossary: {
      const { glossary } = await deps.analysis.glossaryFor(scopeArg(args[1]));
      return searchGlossary(glossary, typeof args[0] === 'string' ? args[0] : '', deps.pinyinOf);
    }
    case COMMANDS.explain: {
      const { glossary } = await deps.analysis.glossaryFor(scopeArg(args[1]));
      return explainTerm(glossary, typeof args[0] === 'string' ? args[0] : '');
    }
    case COMMANDS.ignoreTerm:
      return ignoreTerm(deps, args[0]);
    case COMMANDS.glossaryInfo: {
      const state = await deps.analysis.glossaryFor(scopeArg(args[0]));
      const info: GlossaryInfo = {
        version: state.glossary.version,
        entries: state.glossary.entries.length,
        segmenter: state.segmenter !== null,
        dictionaries: [...state.dictionaries],
        problems: state.diagnostics.length,
      };
      return info;
    }
    default:
      deps.log.warn(`未知命令 ${params.command}`);
      return null;
  }
}

function scopeArg(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

async function runLintWorkspace(deps: CommandDeps, params: ExecuteCommandParams, token: CancellationToken) {
  // 客户端给了 workDoneToken 就挂在它上面；否则在客户端支持时自己创建进度条（可取消）。
  const source = new CancellationTokenSource();
  token.onCancellationRequested(() => source.cancel());
  let progress: WorkDoneProgressReporter;
  if (params.workDoneToken !== undefined) {
    progress = deps.connection.window.attachWorkDoneProgress(params.workDoneToken);
  } else if (deps.workDoneProgress) {
    const server = await deps.connection.window.createWorkDoneProgress();
    server.token.onCancellationRequested(() => source.cancel());
    progress = server;
  } else {
    progress = { begin() {}, report() {}, done() {} };
  }
  try {
    const result = await lintWorkspace({ ...deps, progress, token: source.token });
    deps.log.info(`工作区检查：${result.files} 个文件，${result.problems} 个问题，跳过 ${result.skipped} 个${result.cancelled ? '（已取消）' : ''}。`);
    for (const { file, reason } of result.skippedFiles) deps.log.info(`  跳过 ${file}：${reason}`);
    return result;
  } finally {
    source.dispose();
  }
}

/** 选择器用：空查询列出词条；否则按 id、写法、补全（含拼音）、类别、释义依次合并。 */
export function searchGlossary(glossary: Glossary, query: string, pinyinOf: (e: Entry) => string): GlossarySearchItem[] {
  const q = query.trim();
  const picked: Entry[] = [];
  // 空查询给全部（选择器自己过滤）；有查询时只给前 SEARCH_LIMIT 个
  const limit = q === '' ? Infinity : SEARCH_LIMIT;
  const add = (entry: Entry | undefined) => {
    if (entry && !picked.includes(entry) && picked.length < limit) picked.push(entry);
  };
  if (q === '') {
    for (const entry of glossary.entries) add(entry);
  } else {
    add(glossary.byId(q));
    add(glossary.byForm(q));
    for (const item of complete(q, glossary, {})) add(glossary.byId(item.entryId));
    const forms = (e: Entry) => [e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])];
    for (const entry of glossary.entries) if (forms(entry).some((f) => f.includes(q))) add(entry);
    for (const entry of glossary.entries) if (entry.category.includes(q)) add(entry);
    for (const entry of glossary.entries) if (entry.definition.includes(q) || entry.id.includes(q.toLowerCase())) add(entry);
  }
  return picked.map((e) => ({
    id: e.id,
    term: e.term,
    category: e.category,
    status: e.status,
    definition: e.definition,
    pinyin: pinyinOf(e),
  }));
}

export function explainTerm(glossary: Glossary, idOrTerm: string): ExplainResult | null {
  const found = idOrTerm.trim() === '' ? undefined : explain(idOrTerm.trim(), glossary);
  if (!found) return null;
  return { id: found.entry.id, term: found.entry.term, markdown: formatHoverMarkdown(found.entry, glossary) };
}

/** 白名单里的一项占一行：id 或写法不能含换行、控制字符或 #（# 之后是注释）。 */
const ALLOW_ITEM = /^[^\p{Cc}\p{Zl}\p{Zp}#]+$/u;

async function ignoreTerm(deps: CommandDeps, raw: unknown): Promise<IgnoreTermResult> {
  const args = raw as Partial<IgnoreTermArgs> | undefined;
  if (!args || typeof args.termId !== 'string' || typeof args.uri !== 'string') return { file: null, added: false };
  const termId = args.termId.trim();
  if (termId === '' || !ALLOW_ITEM.test(termId)) {
    deps.log.warn(`忽略本词：词条 id ${JSON.stringify(args.termId.slice(0, 80))} 含换行、控制字符或 #，未写入白名单。`);
    return { file: null, added: false };
  }
  const file = await deps.analysis.allowListFileFor(args.uri);
  if (!file) {
    void deps.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Warning,
      message: 'tifa：这个文件不在任何工作区文件夹里（或 tifa.allowListFile 指向工作区之外），无法写入工作区白名单。',
    });
    return { file: null, added: false };
  }
  const { added, error } = deps.allowLists.add(file, termId, typeof args.matched === 'string' ? args.matched : undefined);
  if (error) {
    void deps.connection.sendNotification(ShowMessageNotification.type, {
      type: MessageType.Error,
      message: `tifa：没有写入工作区白名单 ${file}：${error}。为免损坏原有内容，请手动添加“${termId}”或把文件转成 UTF-8。`,
    });
    return { file, added: false };
  }
  deps.allowListChanged(file);
  return { file, added };
}
