// 语言客户端的生命周期：创建（IPC 启动打包好的 dist/server.js）、启动、重启、执行服务器命令。
// 文档选择器由 tifa.languages 决定，创建后不能改，所以这项设置变化时重建客户端；其他设置经
// synchronize.configurationSection 通知服务器，服务器再按文档作用域拉取，无需重新加载窗口。
import os from 'node:os';
import * as vscode from 'vscode';
import {
  ExecuteCommandRequest,
  LanguageClient,
  RevealOutputChannelOn,
  State,
  TransportKind,
  WorkDoneProgress,
  type WorkDoneProgressBegin,
  type WorkDoneProgressEnd,
  type WorkDoneProgressReport,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { COMMAND_IDS } from './commandIds';
import { createErrorHandler } from './errorHandler';
import { ClientOwnedCommandsFeature } from './ownedCommandsFeature';
import { TifaLanguageClient } from './tifaLanguageClient';
import { CrashWindow } from './restartPolicy';
import { SETTINGS_SECTION, documentSelectorFor, serverSettingKeys, toServerSettings, type DocumentFilterLike } from './settings';
import type { ServerState } from './statusText';

const CLIENT_ID = 'tifa'; // 决定 tifa.trace.server 设置名
const SERVER_MODULE = 'dist/server.js';

/**
 * 语言服务器进程的 V8 选项：每次编辑都重算改动的块，产生的短命对象很多；新生代缺省可长到几十 MB，
 * 常驻内存随之涨到两百多 MB。新生代上限 2 MB 时常驻内存少约 30 MB，编辑延迟不受影响（tests/bench/lsp-latency.mjs）。
 */
const SERVER_NODE_FLAGS = ['--max-semi-space-size=2'];

/**
 * 服务器进程的环境（glibc，即 Linux；Windows、macOS 不读这个变量；用户自己设了就用用户的）：
 * MALLOC_ARENA_MAX=2：glibc 给每个线程一个分配区，V8 的后台线程各占一块、用过不还。
 * 不再设 MALLOC_MMAP_THRESHOLD_：每个 64 KB 以上的缓冲区都单独 mmap，打开 10 万字文档到首次诊断慢约 50 ms，
 * 1,000 次编辑后的常驻内存与不设时相同（约 120 MB，tests/bench/lsp-latency.mjs，交替各跑三次）。
 */
function serverEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? '2',
  };
}

export class TifaClient implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private clientListener: vscode.Disposable | undefined;
  private selector: DocumentFilterLike[] = [];
  private currentState: ServerState = 'stopped';
  private readonly crashes = new CrashWindow();
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  private readonly disposables: vscode.Disposable[] = [];
  private pending: Promise<void> = Promise.resolve();
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.stateEmitter,
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.languages`)) void this.restart();
      }),
    );
  }

  get state(): ServerState {
    return this.currentState;
  }

  /** 当前客户端同步的文档（状态栏据此判断当前文件归不归 tifa 管）。 */
  get documentSelector(): readonly DocumentFilterLike[] {
    return this.selector;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startClient());
  }

  /** 手动重启（命令或设置变化）：丢掉旧客户端重新创建，崩溃计数清零。 */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.crashes.reset();
      await this.disposeClient();
      await this.startClient();
    });
  }

  /** 确保服务器在运行后执行 workspace/executeCommand；给了 workDoneToken 时服务器把进度报到这个令牌上。 */
  async executeServerCommand(
    command: string,
    args: unknown[] = [],
    token?: vscode.CancellationToken,
    workDoneToken?: string,
  ): Promise<unknown> {
    const client = await this.running();
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }, token);
  }

  /** 接收某个 workDoneToken 上的进度（$/progress）。 */
  async onWorkDoneProgress(
    workDoneToken: string,
    handler: (value: WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd) => void,
  ): Promise<vscode.Disposable> {
    const client = await this.running();
    return client.onProgress(WorkDoneProgress.type, workDoneToken, handler);
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.disposeClient());
  }

  dispose(): void {
    void this.disposeClient();
    for (const disposable of this.disposables) disposable.dispose();
  }

  /** 启动、重启、停止依次进行：设置变化触发的重启不会和正在进行的启动交错。 */
  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.pending.then(operation, operation);
    this.pending = next.catch(() => undefined);
    return next;
  }

  private async startClient(): Promise<void> {
    if (!this.client) this.client = this.create();
    try {
      await this.client.start();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`tifa 语言服务器启动失败：${message}`);
      const showLog = vscode.l10n.t('Show Log');
      void vscode.window.showErrorMessage(vscode.l10n.t('The tifa language server failed to start: {0}', message), showLog).then((choice) => {
        if (choice === showLog) this.log.show();
      });
    }
  }

  /** 正在运行的客户端；没在运行就先启动（由命令触发时按需拉起）。 */
  private async running(): Promise<LanguageClient> {
    if (!this.client || this.client.state !== State.Running) await this.start();
    const client = this.client;
    if (!client || client.state !== State.Running) throw new Error(vscode.l10n.t('The tifa language server is not running.'));
    return client;
  }

  private create(): LanguageClient {
    const module = this.context.asAbsolutePath(SERVER_MODULE);
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: SERVER_NODE_FLAGS, env: serverEnv() } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6019'], env: serverEnv() } },
    };
    this.selector = documentSelectorFor(vscode.workspace.getConfiguration(SETTINGS_SECTION).get('languages'));
    const serverKeys = serverSettingKeys(this.context.extension.packageJSON);
    const clientOptions: LanguageClientOptions = {
      documentSelector: this.selector,
      synchronize: { configurationSection: serverKeys },
      outputChannel: this.log,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: CLIENT_ID,
      markdown: { isTrusted: false, supportHtml: false },
      errorHandler: createErrorHandler(this.crashes, this.log, {
        showLog: () => this.log.show(),
        restart: () => void this.restart(),
      }),
      middleware: {
        workspace: {
          // 服务器还会动态注册整个 tifa 节：推送时同样只带服务器认识的键（不带 tifa.trace.server）。
          didChangeConfiguration: (sections, next) =>
            next(sections?.flatMap((section) => (section === SETTINGS_SECTION ? serverKeys : [section]))),
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value: unknown, index) => {
              const item = params.items[index];
              if (item?.section !== SETTINGS_SECTION) return value;
              return toServerSettings(value, { folder: folderFor(item.scopeUri), home: os.homedir() });
            });
          },
        },
      },
    };
    const client = new TifaLanguageClient(CLIENT_ID, vscode.l10n.t('tifa Language Server'), serverOptions, clientOptions);
    client.registerFeature(new ClientOwnedCommandsFeature(COMMAND_IDS));
    this.clientListener = client.onDidChangeState((event) => this.setState(toServerState(event.newState)));
    return client;
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.clientListener?.dispose();
    this.clientListener = undefined;
    if (client) {
      try {
        await client.dispose(2000);
      } catch (error) {
        this.log.warn(`停止语言服务器时出错：${error instanceof Error ? error.message : String(error)}`);
      }
    }
    this.setState('stopped');
  }

  private setState(state: ServerState): void {
    if (state === this.currentState) return;
    this.currentState = state;
    this.stateEmitter.fire(state);
  }
}

function toServerState(state: State): ServerState {
  if (state === State.Running) return 'running';
  if (state === State.Starting) return 'starting';
  return 'stopped';
}

/** 设置作用域所在的工作区文件夹；没有作用域时，只有一个文件夹就用它。 */
function folderFor(scopeUri: string | undefined): string | undefined {
  if (scopeUri) {
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(scopeUri));
    if (folder) return folder.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
  }
  const folders = vscode.workspace.workspaceFolders;
  return folders?.length === 1 && folders[0].uri.scheme === 'file' ? folders[0].uri.fsPath : undefined;
}
