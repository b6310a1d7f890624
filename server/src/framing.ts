// 严格的 LSP 基础协议分帧（stdio）：头部必须以 CRLF 分行、以空行结束，Content-Length 是字节数（非负整数）。
// vscode-jsonrpc 自带的读取器遇到错误的 Content-Length 后会停在半条消息里，之后再也读不出消息（连 exit 也收不到）；
// 这里一旦分帧出错就报告错误（由入口记日志并退出），不猜测下一条消息从哪里开始。
import { AbstractMessageReader, type DataCallback, Disposable, type Message } from 'vscode-languageserver/node';

const CRLF2 = Buffer.from('\r\n\r\n');
const LF2 = Buffer.from('\n\n');
/** 头部最多这么多字节：正常的头部只有几十字节。 */
const MAX_HEADER_BYTES = 8 * 1024;
/** 单条消息最多这么多字节（一份很大的文档全文也远小于它）。 */
const MAX_BODY_BYTES = 512 * 1024 * 1024;

export class FramingError extends Error {}

export class StrictStreamMessageReader extends AbstractMessageReader {
  private chunks: Buffer[] = [];
  private size = 0;
  private bodyLength = -1;
  private failed = false;

  constructor(private readonly stream: NodeJS.ReadableStream) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const onData = (data: Buffer | string) => this.onData(typeof data === 'string' ? Buffer.from(data, 'utf8') : data, callback);
    const onError = (err: unknown) => this.fireError(err);
    const onClose = () => this.fireClose();
    this.stream.on('data', onData);
    this.stream.on('error', onError);
    this.stream.on('close', onClose);
    this.stream.on('end', onClose);
    return Disposable.create(() => {
      this.stream.off('data', onData);
      this.stream.off('error', onError);
      this.stream.off('close', onClose);
      this.stream.off('end', onClose);
    });
  }

  private onData(data: Buffer, callback: DataCallback): void {
    if (this.failed) return;
    this.chunks.push(data);
    this.size += data.length;
    try {
      for (let message = this.next(); message !== undefined; message = this.next()) callback(message);
    } catch (err) {
      this.failed = true;
      this.chunks = [];
      this.size = 0;
      this.fireError(err);
    }
  }

  /** 取出一条完整的消息；数据还不够时返回 undefined。 */
  private next(): Message | undefined {
    if (this.bodyLength < 0) {
      const head = this.peek(Math.min(this.size, MAX_HEADER_BYTES + CRLF2.length));
      const end = head.indexOf(CRLF2);
      if (end < 0) {
        if (head.indexOf(LF2) >= 0) throw new FramingError('消息头必须以 CRLF（\\r\\n）分行，收到的是只用 LF 的头部');
        if (this.size > MAX_HEADER_BYTES) throw new FramingError(`消息头超过 ${MAX_HEADER_BYTES} 字节仍未结束`);
        return undefined;
      }
      this.bodyLength = parseHeaders(head.subarray(0, end).toString('latin1'));
      this.take(end + CRLF2.length);
    }
    if (this.size < this.bodyLength) return undefined;
    const body = this.take(this.bodyLength);
    this.bodyLength = -1;
    let message: unknown;
    try {
      message = JSON.parse(body.toString('utf8'));
    } catch {
      throw new FramingError(`消息体不是合法的 JSON（Content-Length: ${body.length} 可能按字符而不是按 UTF-8 字节计算）`);
    }
    if (typeof message !== 'object' || message === null || Array.isArray(message)) throw new FramingError('消息体不是 JSON 对象');
    return message as Message;
  }

  private peek(n: number): Buffer {
    if (this.chunks.length > 1) this.chunks = [Buffer.concat(this.chunks, this.size)];
    return (this.chunks[0] ?? Buffer.alloc(0)).subarray(0, n);
  }

  private take(n: number): Buffer {
    const all = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.size);
    const taken = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.size = rest.length;
    return taken;
  }
}

/** 解析头部，返回 Content-Length；不合规就抛 FramingError。 */
function parseHeaders(text: string): number {
  let length: number | undefined;
  for (const line of text.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new FramingError(`无法解析的消息头：${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'content-length') {
      if (!/^\d{1,10}$/.test(value) || Number(value) > MAX_BODY_BYTES) throw new FramingError(`Content-Length 无效：${JSON.stringify(value.slice(0, 40))}`);
      length = Number(value);
    } else if (name === 'content-type') {
      const charset = /charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
      if (charset && charset !== 'utf-8' && charset !== 'utf8') throw new FramingError(`不支持的字符集：${charset}（只支持 utf-8）`);
    }
  }
  if (length === undefined) throw new FramingError('消息头缺少 Content-Length');
  return length;
}
