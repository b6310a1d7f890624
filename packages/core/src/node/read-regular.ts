// 只读普通文件，且有大小上限：设备（/dev/zero）、FIFO、目录不会让读取卡住或吃光内存。
// 以 O_NONBLOCK 打开：打开 FIFO 不会等写端；打开后用 fstat 判断类型，避免检查与打开之间被替换。
import fs from 'node:fs';

/** 词典、配置、忽略文件的上限。 */
export const MAX_SMALL_FILE_BYTES = 64 * 1024 * 1024;

export class ReadRegularError extends Error {
  constructor(
    message: string,
    readonly code: 'not-regular' | 'too-large' | 'io',
    /** 系统错误码（ENOENT 等），仅 io。 */
    readonly errno?: string,
  ) {
    super(message);
  }
}

function human(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${bytes} 字节`;
}

/** 读普通文件的全部字节；不是普通文件或超过 maxBytes 时抛 ReadRegularError（消息为中文）。 */
export function readRegularFile(file: string, maxBytes: number = MAX_SMALL_FILE_BYTES): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (e) {
    throw new ReadRegularError((e as Error).message, 'io', (e as NodeJS.ErrnoException).code);
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile()) throw new ReadRegularError('不是普通文件（设备、FIFO 或目录），不读取', 'not-regular');
    if (st.size > maxBytes) throw new ReadRegularError(`文件过大（${human(st.size)}，上限 ${human(maxBytes)}）`, 'too-large');
    // 按 fstat 的大小读；文件在读取期间变大时扩容，但总量不超过上限
    let buf = Buffer.allocUnsafe(Math.min(st.size, maxBytes) + 1);
    let n = 0;
    for (;;) {
      if (n === buf.length) {
        if (n > maxBytes) throw new ReadRegularError(`文件过大（超过上限 ${human(maxBytes)}）`, 'too-large');
        const bigger = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(bigger, 0, 0, n);
        buf = bigger;
      }
      const r = fs.readSync(fd, buf, n, buf.length - n, null);
      if (r === 0) return buf.subarray(0, n);
      n += r;
    }
  } catch (e) {
    if (e instanceof ReadRegularError) throw e;
    throw new ReadRegularError((e as Error).message, 'io', (e as NodeJS.ErrnoException).code);
  } finally {
    fs.closeSync(fd);
  }
}

