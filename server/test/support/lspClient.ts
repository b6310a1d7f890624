// 测试用 LSP 客户端：把真正的服务器打包产物作为子进程启动，经 stdio 说 LSP。
// 它像编辑器一样回应 workspace/configuration、client/registerCapability、进度创建，并记下服务器发来的通知。
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import {
  type ClientCapabilities,
  type CodeAction,
  type CodeActionContext,
  CodeActionRequest,
  type Command,
  type CompletionItem,
  type CompletionList,
  CompletionRequest,
  CompletionResolveRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  type DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  ExecuteCommandRequest,
  ExitNotification,
  type FileEvent,
  type Hover,
  HoverRequest,
  type InitializeResult,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  type LogMessageParams,
  type Position,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  PublishDiagnosticsNotification,
  type Range,
  RegistrationRequest,
  type Registration,
  ShowMessageNotification,
  type ShowMessageParams,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  UnregistrationRequest,
  WorkDoneProgressCreateRequest,
  DiagnosticRefreshRequest,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_BUNDLE, ensureServerBuilt } from './ensureBuilt';
import { pathToFileURL } from 'node:url';

interface ProgressParams<T> {
  token: string | number;
  value: T;
}

export type SettingsProvider = (scopeUri: string | undefined) => unknown;

export interface StartOptions {
  capabilities: ClientCapabilities;
  workspaceFolders?: string[];
  /** workspace/configuration 的回答（section tifa）。 */
  settings?: SettingsProvider;
  initializationOptions?: unknown;
  env?: NodeJS.ProcessEnv;
  /** 换一个服务器脚本（例如复制到仓库外、加载不到原生模块的打包产物）。 */
  serverPath?: string;
}

interface Waiter {
  uri: string;
  predicate: (p: PublishDiagnosticsParams) => boolean;
  resolve: (p: PublishDiagnosticsParams) => void;
}

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  readonly messages: ShowMessageParams[] = [];
  readonly logs: LogMessageParams[] = [];
  readonly registrations: Registration[] = [];
  readonly progress: ProgressParams<unknown>[] = [];
  readonly progressTokens: (string | number)[] = [];
  readonly unregistrations: string[] = [];
  readonly configurationRequests: (string | undefined)[] = [];
  refreshRequests = 0;
  initializeResult!: InitializeResult;
  readonly docs = new Map<string, TextDocument>();
  private waiters: Waiter[] = [];
  private settings: SettingsProvider;
  stderr = '';

  private constructor(
    readonly child: ChildProcess,
    readonly connection: ProtocolConnection,
    settings: SettingsProvider,
  ) {
    this.settings = settings;
  }

  static async start(options: StartOptions): Promise<TestClient> {
    await ensureServerBuilt();
    const child = spawn(process.execPath, [options.serverPath ?? SERVER_BUNDLE, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env },
    });
    const connection = createProtocolConnection(
      new StreamMessageReader(child.stdout as NodeJS.ReadableStream),
      new StreamMessageWriter(child.stdin as NodeJS.WritableStream),
    );
    const client = new TestClient(child, connection, options.settings ?? (() => ({})));
    child.stderr?.on('data', (d: Buffer) => (client.stderr += d.toString()));
    client.wire();
    connection.listen();
    const folders = options.workspaceFolders ?? [];
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      clientInfo: { name: 'tifa-test-client', version: '1.0.0' },
      locale: 'zh-cn',
      rootUri: folders[0] ? pathToFileURL(folders[0]).href : null,
      workspaceFolders: folders.map((f, i) => ({ uri: pathToFileURL(f).href, name: `folder${i}` })),
      capabilities: options.capabilities,
      initializationOptions: options.initializationOptions,
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  private wire(): void {
    const c = this.connection;
    c.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.published.push(p);
      this.latest.set(p.uri, p);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.predicate(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p);
        }
      }
    });
    c.onNotification(ShowMessageNotification.type, (p) => {
      this.messages.push(p);
    });
    c.onNotification(LogMessageNotification.type, (p) => {
      this.logs.push(p);
    });
    c.onRequest(ConfigurationRequest.type, (params) =>
      params.items.map((item) => {
        this.configurationRequests.push(item.scopeUri);
        return item.section === 'tifa' ? this.settings(item.scopeUri) : null;
      }),
    );
    c.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations);
    });
    c.onRequest(UnregistrationRequest.type, (params) => {
      this.unregistrations.push(...params.unregisterations.map((u) => u.id));
    });
    c.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
      this.progressTokens.push(params.token);
    });
    c.onRequest(DiagnosticRefreshRequest.type, () => {
      this.refreshRequests++;
    });
    c.onNotification('$/progress', (p: ProgressParams<unknown>) => {
      this.progress.push(p);
    });
  }

  /** 等某个文档的下一次（满足条件的）诊断发布；已有满足条件的最新发布则立即返回。 */
  waitForDiagnostics(uri: string, predicate: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10_000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const seen = this.published.filter((p) => p.uri === uri).map((p) => `v${p.version ?? '-'}:${p.diagnostics.length}`);
        reject(new Error(`等待 ${uri} 的诊断超时（已收到 ${seen.join(' ') || '无'}）；stderr: ${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      this.waiters.push({
        uri,
        predicate,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** 等到某文档某版本的诊断。 */
  diagnosticsFor(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams> {
    const latest = this.latest.get(uri);
    if (latest && (version === undefined || latest.version === version)) return Promise.resolve(latest);
    return this.waitForDiagnostics(uri, (p) => version === undefined || p.version === version, timeoutMs);
  }

  setSettings(settings: SettingsProvider): void {
    this.settings = settings;
  }

  async changeConfiguration(pushed: unknown = null): Promise<void> {
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: pushed });
  }

  async open(uri: string, text: string, languageId = 'markdown', version = 1): Promise<TextDocument> {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    return doc;
  }

  /** 增量修改：在客户端副本上同样应用，返回新版本。 */
  async change(uri: string, changes: { range: Range; text: string }[]): Promise<TextDocument> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`未打开 ${uri}`);
    const version = doc.version + 1;
    // TextDocument.update 会原地修改；复制一份，让调用方手里的旧版本保持不变。
    const next = TextDocument.update(TextDocument.create(uri, doc.languageId, doc.version, doc.getText()), changes, version);
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return next;
  }

  async replaceAll(uri: string, text: string): Promise<TextDocument> {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`未打开 ${uri}`);
    const version = doc.version + 1;
    const next = TextDocument.create(uri, doc.languageId, version, text);
    this.docs.set(uri, next);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  async close(uri: string): Promise<void> {
    this.docs.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  completion(uri: string, position: Position): Promise<CompletionList | CompletionItem[] | null> {
    return this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
  }

  resolveCompletion(item: CompletionItem): Promise<CompletionItem> {
    return this.connection.sendRequest(CompletionResolveRequest.type, item);
  }

  codeActions(uri: string, range: Range, context: CodeActionContext): Promise<(Command | CodeAction)[] | null> {
    return this.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context });
  }

  pull(uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
    return this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
  }

  executeCommand<T = unknown>(command: string, args: unknown[] = [], workDoneToken?: string): Promise<T> {
    return this.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args, workDoneToken }) as Promise<T>;
  }

  async filesChanged(changes: FileEvent[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
  }

  /** 服务器进程的常驻内存（KB）。 */
  rssKb(): number {
    const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async stop(): Promise<void> {
    if (!this.alive) return;
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // 进程可能已经退出
    }
    await new Promise<void>((resolve) => {
      if (!this.alive) return resolve();
      const timer = setTimeout(() => {
        this.child.kill();
        resolve();
      }, 2000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    this.connection.dispose();
  }
}
