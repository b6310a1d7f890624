// 标准输出、标准错误是文件、管道或 /dev/null 时，直接用 fs.writeSync 写文件描述符，用到别的（drain、columns……）才创建
// process.stdout / process.stderr：创建它们要载入 node:stream 一整套模块，一行文件的检查里约占 7 ms。
// 终端（TTY）和 Windows 照旧用 Node 的流。写满非阻塞管道（EAGAIN）时，余下的内容与之后的写入都交给 Node 的流，次序不变。
import fs from 'node:fs';

let devNull: number | undefined | null = null;

function devNullRdev(): number | undefined {
  if (devNull === null) {
    try {
      devNull = fs.statSync('/dev/null').rdev;
    } catch {
      devNull = undefined;
    }
  }
  return devNull;
}

/** fd 能否直接同步写：普通文件、管道，或 /dev/null（不是终端）。 */
function writableDirectly(fd: number): boolean {
  if (process.platform === 'win32') return false;
  try {
    const st = fs.fstatSync(fd);
    return st.isFile() || st.isFIFO() || (st.isCharacterDevice() && st.rdev === devNullRdev());
  } catch {
    return false;
  }
}

/**
 * fd 的写入端：能直接写时 write 同步写入、isTTY 为 false，其余属性和方法都交给 real() 返回的 Node 流（第一次用到时才创建）。
 * onBrokenPipe：读的一方已关闭（EPIPE）时调用（命令行据此安静退出，与 Node 流的 error 事件处理相同）。
 */
export function directStdio(fd: 1 | 2, real: () => NodeJS.WriteStream, onBrokenPipe: () => void): NodeJS.WriteStream {
  let direct: boolean | undefined;
  const isDirect = () => (direct ??= writableDirectly(fd));
  const write = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((err?: Error | null) => void), cb?: (err?: Error | null) => void): boolean => {
    const done = typeof encoding === 'function' ? encoding : cb;
    if (!isDirect()) return typeof encoding === 'function' ? real().write(chunk, encoding) : real().write(chunk, encoding as BufferEncoding, cb);
    let buf = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;
    try {
      while (buf.length > 0) {
        const n = fs.writeSync(fd, buf);
        buf = buf.subarray(n);
      }
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') {
        onBrokenPipe();
        return true;
      }
      if (code !== 'EAGAIN') throw err;
      // 非阻塞的管道写满了：余下的交给 Node 的流（它会等管道可写），之后也都走它
      direct = false;
      return real().write(buf, done);
    }
    if (done) process.nextTick(done);
    return true;
  };
  return new Proxy({} as NodeJS.WriteStream, {
    get(_target, prop) {
      if (prop === 'write') return write;
      if (prop === 'isTTY' && isDirect()) return false;
      const stream = real();
      const value = Reflect.get(stream, prop, stream);
      return typeof value === 'function' ? value.bind(stream) : value;
    },
  });
}
