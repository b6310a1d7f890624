// 服务器装配：能力声明、文档同步、设置、文件监视，以及把各功能挂到连接上。语言逻辑都在 @tifa/core。
import {
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  type InitializeResult,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DictionaryDiagnostic } from '@tifa/core';
import { ALLOW_LIST_FILE, CONFIG_FILE_NAMES, ConfigResolver, type LocatedError } from '@tifa/core/node';
import path from 'node:path';
import { createAllowListStore } from './allowList';
import { createAnalysis } from './analysis';
import { CODE_ACTION_KINDS, registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { registerCompletion } from './completion';
import { DIAGNOSTIC_SOURCE, registerDiagnostics } from './diagnostics';
import { createDictionaryWatch } from './dictionaryWatch';
import { createGlossaryStore } from './glossaryStore';
import { registerHover } from './hover';
import { createWorkspaceFolders, pathToUri, uriToPath } from './paths';
import { applyClampedChanges, dictionaryRange } from './positions';
import { COMMAND_IDS } from './protocol';
import { type Logger, formatError } from './runner';
import type { RuntimeEnvironment } from './runtime';
import { createSettingsStore } from './settings';

export const SERVER_NAME = 'tifa-language-server';
export const SERVER_VERSION = '0.1.0';

export const SEGMENTER_MISSING_MESSAGE =
  'tifa：未能加载中文分词组件（nodejieba 与随附的 jieba 词典数据都不可用），已降级运行：短词不做词边界判断，可能出现少量误报。其余功能不受影响。';

export function startServer(connection: Connection, runtime: RuntimeEnvironment): void {
  // 增量修改的范围先夹到文档内（见 applyClampedChanges）。
  const documents = new TextDocuments<TextDocument>({ create: TextDocument.create, update: applyClampedChanges });
  const log = createLogger(connection);
  let onInitialized: () => void = () => {};

  connection.onInitialize((params): InitializeResult => {
    const caps: ClientCapabilities = params.capabilities ?? {};
    const folders = createWorkspaceFolders(initialFolders(params));
    const pull = caps.textDocument?.diagnostic !== undefined;
    const configurationPull = caps.workspace?.configuration === true;

    const settings = createSettingsStore(connection, {
      pull: configurationPull,
      // 与设置同形：{ tifa: {...} }（Helix 的 config、Neovim 的 init_options 都可以这样写）。
      initial: (params.initializationOptions as { tifa?: unknown } | undefined)?.tifa,
      warn: (message) => log.warn(message),
    });

    let scheduleWatchUpdate = () => {};
    const glossaries = createGlossaryStore(runtime, {
      log,
      publishDictionaryProblems: (file, problems) => {
        const text = runtime.fs.readFile(file);
        void connection.sendDiagnostics({ uri: pathToUri(file), diagnostics: problems.map((d) => dictionaryDiagnostic(text, d)) });
        scheduleWatchUpdate();
      },
      // 通知而不是 showMessageRequest：不需要用户回应，简单客户端也都支持。
      segmenterMissing: () => void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: SEGMENTER_MISSING_MESSAGE }),
      loaded: () => scheduleWatchUpdate(),
    });
    const allowLists = createAllowListStore(runtime.fs, () => scheduleWatchUpdate(), (m) => log.warn(m));
    const configs = new ConfigResolver();
    const configProblems = new Map<string, string>();
    const configProblem = (error: LocatedError | undefined, target: string | undefined) => {
      if (!target) return;
      const key = path.dirname(target);
      const message = error ? JSON.stringify(error) : '';
      if ((configProblems.get(key) ?? '') === message) return;
      const previous = configProblems.get(key);
      configProblems.set(key, message);
      if (error) {
        log.warn(`配置文件有错误，按没有配置检查：${error.file}:${error.line}:${error.column} ${error.message}`);
        const range = { start: { line: error.line - 1, character: error.column - 1 }, end: { line: error.line - 1, character: error.column - 1 } };
        void connection.sendDiagnostics({ uri: pathToUri(error.file), diagnostics: [{ range, severity: DiagnosticSeverity.Error, source: DIAGNOSTIC_SOURCE, message: error.message }] });
      } else if (previous) {
        void connection.sendDiagnostics({ uri: pathToUri((JSON.parse(previous) as LocatedError).file), diagnostics: [] });
      }
    };
    const analysis = createAnalysis({ settings, glossaries, allowLists, folders, homeDir: runtime.homeDir, warn: (m) => log.warn(m), configs, configProblem });
    const diagnostics = registerDiagnostics({
      connection,
      documents,
      analysis,
      log,
      pull,
      refreshSupport: caps.workspace?.diagnostics?.refreshSupport === true,
    });

    const watch = createDictionaryWatch({
      connection,
      fs: runtime.fs,
      log,
      dynamicRegistration: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
      relativePatternSupport: caps.workspace?.didChangeWatchedFiles?.relativePatternSupport === true,
      onChange: (files) => {
        const configFiles = new Set([...configs.files(), ...configCandidates()]);
        const configChanged = files.some((f) => configFiles.has(f));
        for (const f of files) if (configFiles.has(f)) configs.invalidate(f);
        const reloaded = glossaries.reloadFiles(files);
        const allowChanged = files.map((f) => allowLists.invalidate(f)).some(Boolean);
        if (reloaded || allowChanged || configChanged) diagnostics.refreshAll();
        if (configChanged) scheduleWatchUpdate();
      },
    });
    // 工作区文件夹里还没有的配置文件与白名单：新建时也要重新检查
    const configCandidates = () => folders.list().flatMap((dir) => [...CONFIG_FILE_NAMES, ALLOW_LIST_FILE].map((name) => path.join(dir, name)));
    let watchQueued = false;
    scheduleWatchUpdate = () => {
      if (watchQueued) return;
      watchQueued = true;
      setImmediate(() => {
        watchQueued = false;
        watch.update([...new Set([...glossaries.files(), ...allowLists.files(), ...configs.files(), ...configCandidates()])]);
      });
    };
    // 打开文档、改设置之后可能用到新的词典或白名单文件：下一轮事件循环里更新监视集合。
    documents.onDidOpen(() => scheduleWatchUpdate());
    // 按文档缓存的设置随文档关闭释放：长时间开开关关，内存不增长。
    documents.onDidClose(({ document }) => settings.forget(document.uri));

    registerHover({ connection, documents, analysis, log });
    registerCompletion({ connection, documents, analysis, log, anyGlossary: () => glossaries.states()[0]?.glossary });
    registerCodeActions({ connection, documents, analysis, log });
    registerCommands({
      connection,
      documents,
      analysis,
      glossaries,
      allowLists,
      folders,
      fs: runtime.fs,
      log,
      workDoneProgress: caps.window?.workDoneProgress === true,
      allowListChanged: (file) => {
        allowLists.invalidate(file);
        configs.invalidate(file);
        diagnostics.refreshAll();
        scheduleWatchUpdate();
      },
      pinyinOf: runtime.pinyinOf,
    });

    connection.onDidChangeConfiguration((change) => {
      settings.changed(change.settings);
      configs.clear();
      diagnostics.refreshAll();
      scheduleWatchUpdate();
    });

    onInitialized = () => {
      if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
        void connection.client.register(DidChangeConfigurationNotification.type, { section: 'tifa' }).catch(() => undefined);
      }
      if (caps.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((event) => {
          for (const removed of event.removed) {
            const dir = uriToPath(removed.uri);
            if (dir) folders.remove(dir);
          }
          for (const added of event.added) {
            const dir = uriToPath(added.uri);
            if (dir) folders.add(dir);
          }
          settings.changed(undefined);
          diagnostics.refreshAll();
          scheduleWatchUpdate();
        });
      }
      // 预热：词表与分词器在第一份文档打开前编译好。
      setImmediate(() => {
        analysis
          .glossaryFor(undefined)
          .then(() => scheduleWatchUpdate())
          .catch((err: unknown) => log.error(formatError('预加载词表失败', err)));
      });
    };

    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { resolveProvider: true },
        codeActionProvider: { codeActionKinds: CODE_ACTION_KINDS, resolveProvider: false },
        executeCommandProvider: { commands: [...COMMAND_IDS] },
        diagnosticProvider: { identifier: 'tifa', interFileDependencies: false, workspaceDiagnostics: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: SERVER_NAME, version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    try {
      onInitialized();
    } catch (err) {
      log.error(formatError('initialized 处理失败', err));
    }
  });

  documents.listen(connection);
  connection.listen();
}

function initialFolders(params: { workspaceFolders?: { uri: string }[] | null; rootUri?: string | null; rootPath?: string | null }): string[] {
  const fromFolders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => !!p);
  if (fromFolders.length > 0) return fromFolders;
  const root = params.rootUri ? uriToPath(params.rootUri) : (params.rootPath ?? undefined);
  return root ? [root] : [];
}

function dictionaryDiagnostic(text: string | undefined, d: DictionaryDiagnostic): Diagnostic {
  return {
    range: dictionaryRange(text, d),
    severity: d.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: d.code,
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
}

function createLogger(connection: Connection): Logger {
  const stamp = () => new Date().toISOString().slice(11, 23);
  return {
    error: (message) => connection.console.error(`[${stamp()}] ${message}`),
    warn: (message) => connection.console.warn(`[${stamp()}] ${message}`),
    info: (message) => connection.console.info(`[${stamp()}] ${message}`),
  };
}
