// --stdin 读入与 -o/--output-file 写出。
import fs from 'node:fs';
import path from 'node:path';
import { decodeBuffer } from '@tifa/core/node';
import { CliError } from '../cli-error';
import { writeChunks } from '../formatters/json-stream';
import type { CommandContext } from './context';

/** 标准输入最多读这么多（与单个文件的上限同一量级）。 */
const MAX_STDIN_BYTES = 512 * 1024 * 1024;

export async function readStdin(ctx: CommandContext): Promise<string> {
  const input = ctx.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of input) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > MAX_STDIN_BYTES) throw new CliError(`标准输入超过 ${MAX_STDIN_BYTES} 字节`);
    chunks.push(buf);
  }
  return decodeBuffer(Buffer.concat(chunks)).text;
}

/** -o/--output-file：按块流式写入（输出可能比一个 JS 字符串还大）。 */
export async function writeOutputFile(file: string, chunks: Iterable<string | Uint8Array>): Promise<void> {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const stream = fs.createWriteStream(file);
    const failed = new Promise<never>((_, reject) => stream.once('error', reject));
    await Promise.race([writeChunks(stream, chunks), failed]);
    stream.end();
    await Promise.race([new Promise<void>((resolve) => stream.once('finish', () => resolve())), failed]);
  } catch (err) {
    throw new CliError(`无法写入输出文件 ${file}：${(err as Error).message}`);
  }
}
