// 按 vscode-languageclient 的方式（TransportKind.ipc）启动打包布局里的 dist/server.js，
// 并充当一个像 VS Code 那样的客户端：回应设置拉取、能力注册、进度创建，收集日志与通知。
import { type ChildProcess, fork } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  type InitializeResult,
  IPCMessageReader,
  IPCMessageWriter,
  type ProtocolConnection,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export interface PackagedServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  initializeResult: InitializeResult;
  logs: string[];
  shownMessages: { type: number; message: string }[];
  stderr: string[];
  /** 正常关闭（shutdown + exit），返回退出码。 */
  close(): Promise<number | null>;
}

export interface StartOptions {
  serverModule: string;
  workspaceFolder: string;
  /** 服务器拉取 tifa 设置时返回的值（像 VS Code 一样整节给出）。 */
  settings: (scopeUri: string | undefined) => unknown;
}

export async function startPackagedServer(options: StartOptions): Promise<PackagedServer> {
  const env: NodeJS.ProcessEnv = { ...process.env, ELECTRON_RUN_AS_NODE: '1', ELECTRON_NO_ASAR: '1' };
  // 只许从打包布局里解析模块与词表。
  delete env.NODE_PATH;
  delete env.TIFA_DICTIONARIES;
  const child = fork(options.serverModule, ['--node-ipc', `--clientProcessId=${process.pid}`], {
    cwd: options.workspaceFolder,
    env,
    execArgv: [],
    silent: true,
  });
  const stderr: string[] = [];
  child.stderr?.on('data', (data: Buffer) => stderr.push(data.toString('utf8')));
  child.stdout?.on('data', () => undefined);

  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  const logs: string[] = [];
  const shownMessages: { type: number; message: string }[] = [];
  connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) =>
    params.items.map((item) => (item.section === 'tifa' ? options.settings(item.scopeUri) : null)),
  );
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('client/unregisterCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onRequest('workspace/diagnostic/refresh', () => null);
  connection.onRequest('workspace/workspaceFolders', () => [folder(options.workspaceFolder)]);
  connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
  connection.onNotification('window/showMessage', (params: { type: number; message: string }) => void shownMessages.push(params));
  // 带按钮的通知：记下来，当作用户没点按钮。
  connection.onRequest('window/showMessageRequest', (params: { type: number; message: string }) => {
    shownMessages.push({ type: params.type, message: params.message });
    return null;
  });
  connection.onNotification('$/progress', () => undefined);
  connection.onNotification('textDocument/publishDiagnostics', () => undefined);
  connection.listen();

  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    clientInfo: { name: 'tifa-extension-test', version: '1.100.0' },
    locale: 'zh-cn',
    rootUri: folder(options.workspaceFolder).uri,
    workspaceFolders: [folder(options.workspaceFolder)],
    capabilities: {
      workspace: {
        configuration: true,
        workspaceFolders: true,
        didChangeConfiguration: { dynamicRegistration: true },
        didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true },
        executeCommand: { dynamicRegistration: true },
        diagnostics: { refreshSupport: true },
      },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false },
        publishDiagnostics: { relatedInformation: true, tagSupport: { valueSet: [1, 2] }, codeDescriptionSupport: true, dataSupport: true },
        codeAction: {
          dynamicRegistration: true,
          dataSupport: true,
          codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'source', 'source.fixAll'] } },
        },
        hover: { contentFormat: ['markdown', 'plaintext'] },
      },
      window: { workDoneProgress: true, showMessage: {} },
    },
    initializationOptions: undefined,
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});

  return {
    connection,
    child,
    initializeResult,
    logs,
    shownMessages,
    stderr,
    async close() {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        child.kill();
      }
      const timer = setTimeout(() => child.kill(), 5000);
      const code = await exited;
      clearTimeout(timer);
      connection.dispose();
      return code;
    },
  };
}

function folder(dir: string) {
  return { uri: pathToFileURL(dir).href, name: 'workspace' };
}
