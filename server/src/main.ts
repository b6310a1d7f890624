// 入口：只建立连接（--stdio / --node-ipc / --socket=<port>，由 vscode-languageserver 按命令行参数选择）并启动服务器。
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { createNodeRuntime } from './nodeRuntime';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server';

const TRANSPORT = /^--(stdio|node-ipc|socket|pipe)/;

if (process.argv.includes('--version')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
} else if (!process.argv.some((a) => TRANSPORT.test(a))) {
  process.stdout.write(`用法：${SERVER_NAME} --stdio | --node-ipc | --socket=<端口>\n`);
} else {
  const connection = createConnection(ProposedFeatures.all);
  // 兜底：任何漏网的异常只记日志，服务器继续服务。
  process.on('uncaughtException', (err) => connection.console.error(`未捕获的异常：${err.stack ?? err.message}`));
  process.on('unhandledRejection', (reason) => connection.console.error(`未处理的 Promise 拒绝：${String(reason)}`));
  startServer(connection, createNodeRuntime());
}
