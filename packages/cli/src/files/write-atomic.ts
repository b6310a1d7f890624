// 原子写回：先写同目录的临时文件再 rename；写之前确认文件自读取后没有被改动。
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export type WriteOutcome = 'written' | 'changed-on-disk';

export function writeFileAtomic(file: string, data: Buffer, expectedCurrent: Buffer): WriteOutcome {
  let current: Buffer;
  try {
    current = fs.readFileSync(file);
  } catch {
    return 'changed-on-disk';
  }
  if (!current.equals(expectedCurrent)) return 'changed-on-disk';
  const mode = fs.statSync(file).mode & 0o7777;
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tifa-${process.pid}-${crypto.randomBytes(4).toString('hex')}.tmp`);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', mode);
    fs.writeFileSync(fd, data);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return 'written';
}
