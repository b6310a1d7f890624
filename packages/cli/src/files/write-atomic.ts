// 原子写回：先写同目录的临时文件再 rename。为了不丢用户的东西：
// - 符号链接：写到它指向的真实文件（链接本身保留）；
// - 有硬链接（链接数 > 1）：rename 会把它们拆开，拒绝修改；
// - 用户不可写（如 0444）的文件：拒绝修改；属主与权限位原样保留（fchown/fchmod，不受 umask 影响），保留不了就拒绝；
// - rename 前的最后一刻再核对一次（大小、修改时间、inode、内容）：检查期间用户保存的修改不会被覆盖。
// write-file-atomic 不能在 rename 前核对、遇到硬链接与不可写文件也照写，所以保留这份实现。
import fs from 'node:fs';
import path from 'node:path';
import { randomHex } from '@tifa/core/node';

export type WriteOutcome = { status: 'written' } | { status: 'changed-on-disk' } | { status: 'refused'; reason: string };

const TEMP_RE = /^\..+\.tifa-\d+-[0-9a-f]{8}\.tmp$/;

function tempName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.tifa-${process.pid}-${randomHex(4)}.tmp`);
}

function sameFile(a: fs.Stats, b: fs.Stats): boolean {
  return a.ino === b.ino && a.dev === b.dev && a.size === b.size && a.mtimeMs === b.mtimeMs;
}

function writable(file: string, st: fs.Stats): boolean {
  if ((st.mode & 0o222) === 0) return false; // 谁都不可写：有意设为只读（root 也不改）
  try {
    fs.accessSync(file, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

export function writeFileAtomic(file: string, data: Buffer, expectedCurrent: Buffer): WriteOutcome {
  let target: string;
  let before: fs.Stats;
  try {
    target = fs.realpathSync(file);
    before = fs.statSync(target);
    if (!fs.readFileSync(target).equals(expectedCurrent)) return { status: 'changed-on-disk' };
  } catch {
    return { status: 'changed-on-disk' };
  }
  if (!before.isFile()) return { status: 'refused', reason: '不是普通文件' };
  if (before.nlink > 1) return { status: 'refused', reason: `文件有 ${before.nlink} 个硬链接，替换会把它们拆开` };
  if (!writable(target, before)) return { status: 'refused', reason: '文件不可写（只读权限）' };

  const tmp = tempName(target);
  let fd: number | undefined;
  try {
    fd = fs.openSync(tmp, 'wx', 0o600);
    fs.writeFileSync(fd, data);
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    const gid = typeof process.getgid === 'function' ? process.getgid() : undefined;
    if (uid !== undefined && (before.uid !== uid || before.gid !== gid)) {
      try {
        fs.fchownSync(fd, before.uid, before.gid);
      } catch {
        fs.closeSync(fd);
        fd = undefined;
        fs.rmSync(tmp, { force: true });
        return { status: 'refused', reason: '文件属于其他用户或组，无法保持属主' };
      }
    }
    fs.fchmodSync(fd, before.mode & 0o7777);
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = undefined;
    // 最后核对：检查、修复、写临时文件期间文件没有被改动
    const now = fs.statSync(target);
    if (!sameFile(before, now) || !fs.readFileSync(target).equals(expectedCurrent)) {
      fs.rmSync(tmp, { force: true });
      return { status: 'changed-on-disk' };
    }
    fs.renameSync(tmp, target);
  } catch (err) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  return { status: 'written' };
}

/** 上次被强行中止（SIGKILL）留下的临时文件：超过这么久就删掉。 */
const STALE_MS = 10 * 60 * 1000;

/** 删除目录里残留的 .NAME.tifa-*.tmp（只删普通文件，且足够旧，避免删到并发运行正在写的文件）。 */
export function removeStaleTemps(dir: string, now = Date.now()): number {
  let removed = 0;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (!TEMP_RE.test(name)) continue;
    const p = path.join(dir, name);
    try {
      const st = fs.lstatSync(p);
      if (st.isFile() && now - st.mtimeMs > STALE_MS) {
        fs.rmSync(p);
        removed++;
      }
    } catch {
      /* 删不了就留着 */
    }
  }
  return removed;
}
