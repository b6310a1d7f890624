// 协议层的健壮性：对真正的服务器进程写原始字节。错误的分帧 → 记日志并退出（不再挂着不答）；
// 生命周期（initialize 前、重复 initialize、shutdown 后）与参数错误按 LSP 规范回错误码；无传输参数时给中文用法并退出 2。
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_BUNDLE, ensureServerBuilt } from './support/ensureBuilt';
import { INITIALIZE_PARAMS, RawServer } from './support/rawServer';

let server: RawServer | undefined;
afterEach(() => server?.kill());

async function initialized(): Promise<RawServer> {
  server = await RawServer.start();
  const init = await server.request(1, 'initialize', INITIALIZE_PARAMS, 20_000);
  expect(init?.error).toBeUndefined();
  server.send({ method: 'initialized', params: {} });
  return server;
}

const frame = (header: string, body: string) => Buffer.concat([Buffer.from(header, 'latin1'), Buffer.from(body, 'utf8')]);

describe('分帧错误：记日志并以 1 退出', () => {
  const shutdown = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' });
  const openChinese = JSON.stringify({
    jsonrpc: '2.0',
    method: 'textDocument/didOpen',
    params: { textDocument: { uri: 'file:///tmp/x.md', languageId: 'markdown', version: 1, text: '我校是高职高专院校。' } },
  });
  const cases: [string, Buffer][] = [
    ['Content-Length 偏小', frame(`Content-Length: ${shutdown.length - 5}\r\n\r\n`, shutdown)],
    ['Content-Length 按字符而不是字节计', frame(`Content-Length: ${openChinese.length}\r\n\r\n`, openChinese)],
    ['Content-Length 为负', frame('Content-Length: -5\r\n\r\n', shutdown)],
    ['缺少 Content-Length', frame('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n', shutdown)],
    ['只用 LF 的头部', frame(`Content-Length: ${Buffer.byteLength(shutdown)}\n\n`, shutdown)],
    ['消息体不是 JSON 对象', frame('Content-Length: 4\r\n\r\n', 'null')],
  ];
  for (const [name, bytes] of cases) {
    it(name, async () => {
      const s = await initialized();
      s.sendRaw(bytes);
      // 旧行为：进程一直活着，之后的请求与 exit 都没有回应
      s.send({ id: 3, method: 'shutdown' });
      s.send({ method: 'exit' });
      expect(await s.exitCode(5000)).toBe(1);
      expect(s.stderr).toMatch(/无法解析的消息/);
    }, 30_000);
  }

  it('合规的消息：逐字节送达、多条粘在一起、UTF-8 字符被切开，都照常处理', async () => {
    const s = await initialized();
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'workspace/executeCommand', params: { command: 'tifa.explain', arguments: ['高职高专'] } }), 'utf8');
    const bytes = Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`), body]);
    for (const byte of bytes) s.sendRaw(Buffer.from([byte]));
    expect((await s.waitFor((m) => (m as { id?: number }).id === 7, 10_000)) as object).toHaveProperty('result');
    const two = Buffer.concat([frame(`Content-Length: ${Buffer.byteLength(shutdown)}\r\n\r\n`, shutdown), frame('Content-Length: 33\r\n\r\n', '{"jsonrpc":"2.0","method":"exit"}')]);
    s.sendRaw(two);
    expect(await s.exitCode(5000)).toBe(0);
  }, 30_000);
});

describe('生命周期与错误码', () => {
  it('编辑器关掉输入流（没有 shutdown）：进程以 1 退出，不留孤儿进程', async () => {
    const s = await initialized();
    s.child.stdin?.end();
    expect(await s.exitCode(5000)).toBe(1);
  }, 30_000);

  it('initialize 之前：请求回 -32002，通知丢弃；之后正常', async () => {
    server = await RawServer.start();
    const early = await server.request(1, 'textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } });
    expect(early?.error?.code).toBe(-32002);
    expect(early?.error?.message).toMatch(/尚未初始化/);
    expect((await server.request(2, 'shutdown'))?.error?.code).toBe(-32002);
    const init = await server.request(3, 'initialize', INITIALIZE_PARAMS, 20_000);
    expect(init?.result).toHaveProperty('capabilities');
  }, 30_000);

  it('重复 initialize 回 InvalidRequest，不再装一套服务器', async () => {
    const s = await initialized();
    const again = await s.request(2, 'initialize', INITIALIZE_PARAMS);
    expect(again?.error?.code).toBe(-32600);
    expect(again?.error?.message).toMatch(/只能发送一次/);
    const info = await s.request(3, 'workspace/executeCommand', { command: 'tifa.glossaryInfo', arguments: [] }, 20_000);
    expect(info?.result).toHaveProperty('entries');
  }, 30_000);

  it('参数无效回 InvalidParams（-32602）而不是内部错误', async () => {
    const s = await initialized();
    const bad: [string, unknown][] = [
      ['workspace/executeCommand', null],
      ['workspace/executeCommand', { command: 42 }],
      ['textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 'a', character: 0 } }],
      ['textDocument/hover', 'text'],
      ['textDocument/codeAction', { textDocument: { uri: 'file:///x.md' }, range: null, context: { diagnostics: [] } }],
      ['textDocument/diagnostic', {}],
      ['textDocument/completion', { position: { line: 0, character: 0 } }],
    ];
    let id = 10;
    for (const [method, params] of bad) {
      const answer = await s.request(id++, method, params);
      expect({ method, params, code: answer?.error?.code }).toEqual({ method, params, code: -32602 });
    }
  }, 30_000);

  it('shutdown 之后请求回 InvalidRequest；exit 以 0 退出', async () => {
    const s = await initialized();
    expect((await s.request(2, 'shutdown'))?.error).toBeUndefined();
    const late = await s.request(3, 'textDocument/hover', { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } });
    expect(late?.error?.code).toBe(-32600);
    expect(late?.error?.message).toMatch(/shutdown/);
    s.send({ method: 'exit' });
    expect(await s.exitCode(5000)).toBe(0);
  }, 30_000);
});

describe('--socket', () => {
  it('经 socket 说 LSP；分帧错误同样记日志并以 1 退出', async () => {
    await ensureServerBuilt();
    const listener = net.createServer();
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as net.AddressInfo).port;
    const connected = new Promise<net.Socket>((resolve) => listener.once('connection', resolve));
    const child = spawn(process.execPath, [SERVER_BUNDLE, `--socket=${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const socket = await connected;
      let received = '';
      socket.on('data', (d: Buffer) => (received += d.toString('utf8')));
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: INITIALIZE_PARAMS });
      socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      await expect.poll(() => received, { timeout: 20_000 }).toContain('"capabilities"');
      socket.write('Content-Length: 10\n\n{"a":1}xyz');
      expect(await Promise.race([exited, new Promise((r) => setTimeout(() => r('running'), 5000))])).toBe(1);
    } finally {
      child.kill();
      listener.close();
    }
  }, 30_000);
});

describe('命令行', () => {
  it('没有传输参数：中文用法说明，退出码 2', async () => {
    await ensureServerBuilt();
    for (const args of [[], ['--socket=abc'], ['--verbose']]) {
      const run = spawnSync(process.execPath, [SERVER_BUNDLE, ...args], { encoding: 'utf8', timeout: 10_000 });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/用法：tifa-language-server --stdio/);
      expect(run.stderr).toMatch(/缺少或无法识别传输方式/);
    }
  });
});
