// 直接对真正的服务器进程写字节：测试分帧与协议生命周期（lspClient 总是发合规的消息，测不到这些）。
import { type ChildProcess, spawn } from 'node:child_process';
import { type Message, StreamMessageReader } from 'vscode-languageserver-protocol/node';
import { SERVER_BUNDLE, ensureServerBuilt } from './ensureBuilt';

export interface RawResponse {
  id: number | string | null;
  result?: unknown;
  error?: { code: number; message: string };
}

export class RawServer {
  readonly received: Message[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  private constructor(readonly child: ChildProcess) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr?.on('data', (d: Buffer) => (this.stderr += d.toString()));
    const reader = new StreamMessageReader(child.stdout as NodeJS.ReadableStream);
    reader.listen((m) => {
      this.received.push(m);
      for (const w of [...this.waiters]) {
        if (w.match(m)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(m);
        }
      }
    });
  }

  static async start(args: string[] = ['--stdio']): Promise<RawServer> {
    await ensureServerBuilt();
    return new RawServer(spawn(process.execPath, [SERVER_BUNDLE, ...args], { stdio: ['pipe', 'pipe', 'pipe'] }));
  }

  /** 合规分帧地发一条消息。 */
  send(message: object): void {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    this.sendRaw(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]));
  }

  sendRaw(bytes: Buffer | string): void {
    this.child.stdin?.write(bytes);
  }

  /** 发请求并等它的回应（超时返回 undefined：服务器不再回答）。 */
  async request(id: number, method: string, params?: unknown, timeoutMs = 5000): Promise<RawResponse | undefined> {
    const answer = this.waitFor((m) => (m as { id?: unknown }).id === id && !('method' in m), timeoutMs);
    this.send({ id, method, params });
    return (await answer) as RawResponse | undefined;
  }

  waitFor(match: (m: Message) => boolean, timeoutMs = 5000): Promise<Message | undefined> {
    const found = this.received.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        resolve(undefined);
      }, timeoutMs);
      const done = (m: Message) => {
        clearTimeout(timer);
        resolve(m);
      };
      this.waiters.push({ match, resolve: done });
    });
  }

  /** 等进程退出（超时返回 'running'）。 */
  async exitCode(timeoutMs = 5000): Promise<number | null | 'running'> {
    return Promise.race([this.exited, new Promise<'running'>((r) => setTimeout(() => r('running'), timeoutMs))]);
  }

  kill(): void {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
  }
}

export const INITIALIZE_PARAMS = { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} };
