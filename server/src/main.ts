// 入口：按命令行参数建立传输（--stdio / --node-ipc / --socket=<端口> / --pipe=<名字>），经生命周期闸门启动服务器。
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { LifecycleGate } from './lifecycle';
import { createNodeRuntime } from './nodeRuntime';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server';
import { openTransport, parseTransport } from './transport';

const USAGE = `用法：${SERVER_NAME} --stdio | --node-ipc | --socket=<端口> | --pipe=<名字>
tifa 语言服务器需要由编辑器按上面的一种传输方式启动；--version 显示版本。
`;

const args = process.argv.slice(2);
const spec = parseTransport(args);
if (args.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
} else if (!spec) {
  process.stderr.write(`${SERVER_NAME}：缺少或无法识别传输方式参数。\n${USAGE}`);
  process.exitCode = 2;
} else {
  if (spec.kind === 'stdio') {
    // stdout 是协议通道：任何 console 输出都改到 stderr，免得混进消息流。
    for (const name of ['log', 'info', 'debug', 'warn', 'trace'] as const) console[name] = console.error;
  }
  const [reader, writer] = openTransport(spec);
  let shutdownReceived = false;
  const connection = createConnection(ProposedFeatures.all, new LifecycleGate(reader, writer), writer);
  connection.onShutdown(() => {
    shutdownReceived = true;
  });
  // 分帧出错后无法可靠地找到下一条消息的开头：记日志并退出（客户端会按需重启服务器）。
  reader.onError((err) => {
    const text = `${SERVER_NAME}：收到无法解析的消息，退出。${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${text}\n`);
    try {
      connection.console.error(text);
    } finally {
      process.exit(1);
    }
  });
  // 输入流结束（编辑器关了管道）：按规范，收到过 shutdown 退出码 0，否则 1。
  reader.onClose(() => process.exit(shutdownReceived ? 0 : 1));
  // 兜底：任何漏网的异常只记日志，服务器继续服务。
  process.on('uncaughtException', (err) => connection.console.error(`未捕获的异常：${err.stack ?? err.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`未处理的 Promise 拒绝：${String(reason)}`));
  startServer(connection, createNodeRuntime());
}
