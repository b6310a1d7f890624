// 配置与白名单只读普通文件，且有大小上限（readRegularFile：FIFO、设备文件不会阻塞或无限增长）。
import fs from 'node:fs';
import { ReadRegularError, readRegularFile } from '../read-regular';

export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export type SmallFile = { ok: true; bytes: Buffer } | { ok: false; missing: boolean; message: string };

export function readSmallFile(file: string, limit = MAX_CONFIG_BYTES): SmallFile {
  try {
    return { ok: true, bytes: readRegularFile(file, limit) };
  } catch (err) {
    const missing = err instanceof ReadRegularError && err.errno === 'ENOENT';
    return { ok: false, missing, message: (err as Error).message };
  }
}

export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
