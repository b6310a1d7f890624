// 命令行选择传输方式：--stdio、--node-ipc、--socket=<端口>、--pipe=<名字>。
// 自己建读写器（而不是让 vscode-languageserver 按 argv 选）：字节流传输（stdio、socket、pipe）用严格分帧，所有传输都经生命周期闸门。
import net from 'node:net';
import {
  IPCMessageReader,
  IPCMessageWriter,
  type MessageReader,
  type MessageWriter,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { StrictStreamMessageReader } from './framing';

export type TransportSpec = { kind: 'stdio' } | { kind: 'node-ipc' } | { kind: 'socket'; port: number } | { kind: 'pipe'; name: string };

/** 从命令行参数里找传输方式；没有或写错（端口不是数字）时返回 undefined。 */
export function parseTransport(argv: readonly string[]): TransportSpec | undefined {
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = splitFlag(argv[i]);
    if (flag === '--stdio') return { kind: 'stdio' };
    if (flag === '--node-ipc') return { kind: 'node-ipc' };
    if (flag === '--socket' || flag === '--port') {
      const value = inline ?? argv[i + 1];
      const port = /^\d{1,5}$/.test(value ?? '') ? Number(value) : NaN;
      return port > 0 && port < 65536 ? { kind: 'socket', port } : undefined;
    }
    if (flag === '--pipe') {
      const name = inline ?? argv[i + 1];
      return name ? { kind: 'pipe', name } : undefined;
    }
  }
  return undefined;
}

function splitFlag(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

export function openTransport(spec: TransportSpec): [MessageReader, MessageWriter] {
  switch (spec.kind) {
    case 'stdio':
      return [new StrictStreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout)];
    case 'node-ipc':
      return [new IPCMessageReader(process), new IPCMessageWriter(process)];
    case 'socket':
      return streamTransport(net.createConnection(spec.port, '127.0.0.1'));
    case 'pipe':
      return streamTransport(net.createConnection(spec.name));
  }
}

/** socket / pipe：与 vscode-jsonrpc 的 createServerSocketTransport 一样由服务器去连编辑器开好的端口，读取用严格分帧。 */
function streamTransport(socket: net.Socket): [MessageReader, MessageWriter] {
  return [new StrictStreamMessageReader(socket), new StreamMessageWriter(socket)];
}
