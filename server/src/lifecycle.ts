// 协议生命周期闸门：在消息到达处理器之前按 LSP 规范把关，与具体功能无关。
// - initialize 之前：请求回 ServerNotInitialized（-32002），通知丢弃（exit 除外）；
// - initialize 只能一次，再来回 InvalidRequest（不会再装一套服务器）；
// - shutdown 之后：请求回 InvalidRequest，通知丢弃（exit 除外）；
// - 参数形状不对（缺 textDocument.uri、position 不是数字……）回 InvalidParams（-32602），而不是让处理器抛出内部错误。
import {
  type DataCallback,
  type Disposable,
  ErrorCodes,
  type Message,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
} from 'vscode-languageserver/node';

type State = 'new' | 'running' | 'shutdown';

interface Incoming {
  id?: unknown;
  method?: unknown;
  params?: unknown;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isPosition = (v: unknown) => isObject(v) && isNumber(v.line) && isNumber(v.character);
const isRange = (v: unknown) => isObject(v) && isPosition(v.start) && isPosition(v.end);
const hasDocument = (p: Record<string, unknown>) => isObject(p.textDocument) && typeof p.textDocument.uri === 'string';

/** 本服务器处理的请求的参数要求：返回不合格的原因（中文），合格时返回 undefined。 */
const PARAM_CHECKS: Record<string, (p: Record<string, unknown>) => string | undefined> = {
  initialize: (p) => (isObject(p.capabilities) ? undefined : '缺少 capabilities 对象'),
  'textDocument/hover': (p) => (!hasDocument(p) ? '缺少 textDocument.uri' : !isPosition(p.position) ? 'position 应为 {line, character} 数字' : undefined),
  'textDocument/completion': (p) => (!hasDocument(p) ? '缺少 textDocument.uri' : !isPosition(p.position) ? 'position 应为 {line, character} 数字' : undefined),
  'textDocument/codeAction': (p) =>
    !hasDocument(p) ? '缺少 textDocument.uri' : !isRange(p.range) ? 'range 应为 {start, end} 位置' : !isObject(p.context) ? '缺少 context 对象' : undefined,
  'textDocument/diagnostic': (p) => (hasDocument(p) ? undefined : '缺少 textDocument.uri'),
  'workspace/executeCommand': (p) =>
    typeof p.command !== 'string' ? 'command 应为字符串' : p.arguments !== undefined && !Array.isArray(p.arguments) ? 'arguments 应为数组' : undefined,
  'completionItem/resolve': (p) => (typeof p.label === 'string' ? undefined : 'label 应为字符串'),
};

export class LifecycleGate implements MessageReader {
  private state: State = 'new';

  constructor(
    private readonly inner: MessageReader,
    private readonly writer: MessageWriter,
  ) {}

  get onError() {
    return this.inner.onError;
  }
  get onClose() {
    return this.inner.onClose;
  }
  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }
  dispose(): void {
    this.inner.dispose();
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen((message) => {
      if (this.admit(message)) callback(message);
    });
  }

  private admit(message: Message): boolean {
    const m = message as Incoming;
    if (typeof m.method !== 'string') return true; // 回应（客户端对服务器请求的回答）照常交给连接
    const isRequest = m.id !== undefined && m.id !== null;
    if (!isRequest) return m.method === 'exit' || this.state === 'running';
    const reject = (code: number, text: string) => {
      void this.writer
        .write({ jsonrpc: '2.0', id: m.id as RequestMessage['id'], error: { code, message: text } } as Message)
        .catch(() => undefined);
      return false;
    };
    if (this.state === 'shutdown') return reject(ErrorCodes.InvalidRequest, `服务器已收到 shutdown，不再处理请求 ${m.method}。`);
    if (this.state === 'new' && m.method !== 'initialize') return reject(ErrorCodes.ServerNotInitialized, `服务器尚未初始化，请先发送 initialize（收到 ${m.method}）。`);
    if (this.state === 'running' && m.method === 'initialize') return reject(ErrorCodes.InvalidRequest, 'initialize 只能发送一次。');
    const problem = paramsProblem(m.method, m.params);
    if (problem) return reject(ErrorCodes.InvalidParams, `${m.method} 的参数无效：${problem}。`);
    if (m.method === 'initialize') this.state = 'running';
    else if (m.method === 'shutdown') this.state = 'shutdown';
    return true;
  }
}

function paramsProblem(method: string, params: unknown): string | undefined {
  if (params !== undefined && params !== null && typeof params !== 'object') return 'params 应为对象或数组';
  const check = PARAM_CHECKS[method];
  if (!check) return undefined;
  if (!isObject(params)) return 'params 应为对象';
  return check(params);
}
