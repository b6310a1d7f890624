// 配置与白名单只读普通文件，且有大小上限：FIFO、设备文件会让读取阻塞或无限增长。
import fs from 'node:fs';

export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;

export type SmallFile = { ok: true; bytes: Buffer } | { ok: false; missing: boolean; message: string };

export function readSmallFile(file: string, limit = MAX_CONFIG_BYTES): SmallFile {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (err) {
    return { ok: false, missing: (err as NodeJS.ErrnoException).code === 'ENOENT', message: (err as Error).message };
  }
  if (!st.isFile()) return { ok: false, missing: false, message: '不是普通文件' };
  if (st.size > limit) return { ok: false, missing: false, message: `文件过大（${st.size} 字节，上限 ${limit}）` };
  try {
    return { ok: true, bytes: fs.readFileSync(file) };
  } catch (err) {
    return { ok: false, missing: false, message: (err as Error).message };
  }
}

export function isRegularFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
