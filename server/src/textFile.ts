// 安全地读写小文本文件（白名单、词典、工作区文件）：只接受普通文件（FIFO、设备不会卡住或读个没完），有大小上限；
// 追加时按文件自己的编码与换行符只追加新的字节，解码后不能无损还原的文件拒绝写入。
import fs from 'node:fs';
import path from 'node:path';
import { decodeBuffer, encodeText, isBinary, type DecodedText } from '@tifa/core/node';

/** 读文本文件的缺省上限：白名单、用户词典都远小于它。 */
export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export type ReadResult = { ok: true; buffer: Buffer } | { ok: false; missing: boolean; reason: string };

/** 以非阻塞方式打开（FIFO 不会卡住），确认是普通文件、大小不超过上限后再读。 */
export function readRegularFile(file: string, maxBytes = DEFAULT_MAX_BYTES): ReadResult {
  let fd: number;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, missing: code === 'ENOENT' || code === 'ENOTDIR', reason: code === 'ENOENT' ? '文件不存在' : `无法打开：${(err as Error).message}` };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, missing: false, reason: '不是普通文件（可能是目录、FIFO 或设备），已忽略' };
    if (stat.size > maxBytes) return { ok: false, missing: false, reason: `文件有 ${stat.size} 字节，超过上限 ${maxBytes} 字节，已忽略` };
    const buffer = Buffer.alloc(stat.size);
    let read = 0;
    while (read < stat.size) {
      const n = fs.readSync(fd, buffer, read, stat.size - read, read);
      if (n === 0) break;
      read += n;
    }
    return { ok: true, buffer: buffer.subarray(0, read) };
  } catch (err) {
    return { ok: false, missing: false, reason: `无法读取：${(err as Error).message}` };
  } finally {
    fs.closeSync(fd);
  }
}

/** 解码；二进制或不能无损往返（写回会改变原有字节）时给出原因。 */
export function decodeLossless(buffer: Buffer): { ok: true; decoded: DecodedText } | { ok: false; reason: string } {
  if (isBinary(buffer)) return { ok: false, reason: '文件含 NUL 字节或大量控制字符（可能是没有 BOM 的 UTF-16 或二进制文件）' };
  const decoded = decodeBuffer(buffer);
  if (!encodeText(decoded.text, decoded.encoding, decoded.bom).equals(buffer)) {
    return { ok: false, reason: `文件按 ${decoded.encoding} 解码后不能无损还原` };
  }
  return { ok: true, decoded };
}

/** 文件里第一个换行符的写法；没有换行时用 LF。 */
export function lineEnding(text: string): string {
  return /\r\n|\r|\n/.exec(text)?.[0] ?? '\n';
}

/**
 * 在文本文件末尾追加几行：文件不存在时按 UTF-8 新建（先写 header）；存在时沿用它的编码、BOM 与换行符，
 * 只追加新字节（原有内容一个字节也不改）。
 */
export function appendLines(file: string, lines: readonly string[], header: string): { ok: true } | { ok: false; reason: string } {
  const current = readRegularFile(file);
  if (!current.ok && !current.missing) return { ok: false, reason: current.reason };
  try {
    if (!current.ok) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      // wx：不覆盖期间被别人建好的文件
      fs.writeFileSync(file, `${header}${lines.map((l) => `${l}\n`).join('')}`, { encoding: 'utf8', flag: 'wx' });
      return { ok: true };
    }
    const decoded = decodeLossless(current.buffer);
    if (!decoded.ok) return decoded;
    const { text, encoding } = decoded.decoded;
    const eol = lineEnding(text);
    const needsBreak = text !== '' && !text.endsWith('\n') && !text.endsWith('\r');
    const suffix = `${needsBreak ? eol : ''}${lines.map((l) => `${l}${eol}`).join('')}`;
    fs.appendFileSync(file, encodeText(suffix, encoding, false));
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: (err as Error).message };
  }
}
