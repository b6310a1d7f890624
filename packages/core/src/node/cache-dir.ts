// 每个用户自己的缓存目录（解析好的词典、jieba 精简词典）。共享的系统临时目录里，别的用户能预先放一份“缓存”
// 让下一次 --fix 把他的文字写进文档，所以：目录只属于本用户（0700），属主不对的目录与文件一律不用，
// 每个缓存文件带内容哈希，对不上就当没有缓存；总量有上限，超出时删最旧的。
// 位置：$TIFA_CACHE_DIR；否则 Windows 用 %LOCALAPPDATA%\tifa，其余用 $XDG_CACHE_HOME/tifa 或 ~/.cache/tifa。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomHex, sha256Hex } from './digest';

/** 最多保留的缓存文件数与总字节数（超出时按最近使用时间删旧的）。 */
const MAX_FILES = 256;
const MAX_BYTES = 256 * 1024 * 1024;

const HASH_PREFIX = 'tifa-cache-sha256:';
const SIZE_PREFIX = 'tifa-cache-size:';

function myUid(): number | undefined {
  return typeof process.getuid === 'function' ? process.getuid() : undefined;
}

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.TIFA_CACHE_DIR) return path.resolve(env.TIFA_CACHE_DIR);
  if (process.platform === 'win32') return env.LOCALAPPDATA ? path.join(env.LOCALAPPDATA, 'tifa') : undefined;
  const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const home = os.homedir();
  if (xdg) return path.join(xdg, 'tifa');
  return home ? path.join(home, '.cache', 'tifa') : undefined;
}

/** 本用户可信的缓存目录；建不了或不可信（不是目录、是链接、属于别人）时返回 undefined（不用缓存）。 */
export function cacheDir(): string | undefined {
  const dir = cacheRoot();
  if (!dir) return undefined;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return undefined;
    const uid = myUid();
    if (uid !== undefined) {
      if (st.uid !== uid) return undefined;
      if ((st.mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
    }
    return dir;
  } catch {
    return undefined;
  }
}

/** 缓存文件可信：普通文件、属于本用户。 */
function trusted(st: fs.Stats): boolean {
  const uid = myUid();
  return st.isFile() && (uid === undefined || st.uid === uid);
}

function sha256(data: Buffer | string): string {
  return sha256Hex(data);
}

/**
 * 缓存条目的校验：'sha256' 核对内容哈希；'size' 只核对长度，给几 MB 的二进制快照用——算哈希本身就要十几毫秒，
 * 抵掉了快照省下的大半；写入总是先写临时文件再 rename，不会读到写了一半的文件，格式由读的一方再核对。
 */
export type CacheCheck = 'sha256' | 'size';

function headerOf(body: Buffer, check: CacheCheck): string {
  return check === 'sha256' ? HASH_PREFIX + sha256(body) : SIZE_PREFIX + body.length;
}

/** 打开缓存目录里的一个条目（不跟随符号链接）；没有、不可信（不是本用户的普通文件）或过大时返回 undefined。 */
function openTrusted(name: string): { fd: number; file: string; st: fs.Stats } | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const file = path.join(dir, name);
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0));
    const st = fs.fstatSync(fd);
    if (trusted(st) && st.size <= MAX_BYTES) return { fd, file, st };
  } catch {
    /* 没有或打不开：当作没有缓存 */
  }
  if (fd !== undefined) fs.closeSync(fd);
  return undefined;
}

/** 读一个缓存条目；不存在、不可信或校验不符时返回 undefined（并删掉坏条目）。 */
export function readCacheEntry(name: string, check: CacheCheck = 'sha256'): Buffer | undefined {
  const opened = openTrusted(name);
  if (!opened) return undefined;
  const { fd, file } = opened;
  try {
    const buf = fs.readFileSync(fd);
    const nl = buf.indexOf(0x0a);
    const header = nl < 0 ? '' : buf.subarray(0, nl).toString('latin1');
    const body = buf.subarray(nl + 1);
    if (header !== headerOf(body, check)) {
      fs.rmSync(file, { force: true });
      return undefined;
    }
    // 记下使用时间：清理时先删最久没用的
    const now = new Date();
    fs.futimesSync(fd, now, now);
    return body;
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** 按段读取的 'size' 缓存条目（几 MB 的快照只读用得到的部分：少读、少分配，也少触发垃圾回收）。 */
export interface SizedEntry {
  /** 正文的字节数。 */
  readonly length: number;
  /** 这个文件的身份（设备、inode、大小）：缓存总是写临时文件再 rename，内容变了身份必然变。 */
  readonly identity: string;
  /** 从正文的 offset 起读 length 字节，写进 target（缺省新分配）。 */
  read(offset: number, length: number, target?: Uint8Array): Uint8Array;
  close(): void;
}

/** 打开一个 'size' 校验的缓存条目；不存在、不可信或长度不符时返回 undefined（并删掉坏条目）。用完要 close。 */
export function openSizedEntry(name: string): SizedEntry | undefined {
  const opened = openTrusted(name);
  if (!opened) return undefined;
  const { fd, file, st } = opened;
  try {
    const head = Buffer.alloc(Math.min(64, st.size));
    fs.readSync(fd, head, 0, head.length, 0);
    const nl = head.indexOf(0x0a);
    const line = nl < 0 ? '' : head.subarray(0, nl).toString('latin1');
    const length = st.size - (nl + 1);
    if (nl < 0 || line !== SIZE_PREFIX + length) {
      fs.rmSync(file, { force: true });
      throw new Error('corrupt');
    }
    const now = new Date();
    fs.futimesSync(fd, now, now);
    const start = nl + 1;
    return {
      length,
      identity: `${st.dev}:${st.ino}:${st.size}`,
      read(offset, count, target = new Uint8Array(count)) {
        if (offset < 0 || offset + count > length || target.length < count) throw new RangeError('缓存条目越界');
        for (let done = 0; done < count; ) {
          const n = fs.readSync(fd, target, done, count - done, start + offset + done);
          if (n <= 0) throw new Error('缓存条目被截断');
          done += n;
        }
        return target;
      },
      close: () => fs.closeSync(fd),
    };
  } catch {
    fs.closeSync(fd);
    return undefined;
  }
}

/** 写一个缓存条目（先写临时文件再 rename）；写不了就算了，缓存只是加速。 */
export function writeCacheEntry(name: string, body: Buffer | string, check: CacheCheck = 'sha256'): void {
  const dir = cacheDir();
  if (!dir) return;
  const data = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  writeRaw(dir, name, Buffer.concat([Buffer.from(headerOf(data, check) + '\n', 'latin1'), data]));
  prune(dir);
}

/**
 * 给只能按路径交出去的缓存文件（jieba 按文件名加载词典）：内容原样存，旁边放一个 .sha256。
 * 返回可信的路径；不存在、不可信或哈希不符时用 make() 重新生成。
 */
export function cachedPlainFile(name: string, make: () => string): string | undefined {
  const dir = cacheDir();
  if (!dir) return undefined;
  const file = path.join(dir, name);
  const sidecar = `${file}.sha256`;
  try {
    const st = fs.lstatSync(file);
    const side = fs.lstatSync(sidecar);
    if (trusted(st) && trusted(side) && fs.readFileSync(sidecar, 'latin1') === sha256(fs.readFileSync(file))) {
      const now = new Date();
      fs.utimesSync(file, now, now);
      return file;
    }
  } catch {
    /* 没有缓存：生成 */
  }
  try {
    const data = Buffer.from(make(), 'utf8');
    writeRaw(dir, name, data);
    writeRaw(dir, `${name}.sha256`, Buffer.from(sha256(data), 'latin1'));
    prune(dir);
    return file;
  } catch {
    return undefined;
  }
}

function writeRaw(dir: string, name: string, data: Buffer): void {
  const target = path.join(dir, name);
  const tmp = path.join(dir, `.${name}.${process.pid}-${randomHex(4)}.tmp`);
  try {
    fs.writeFileSync(tmp, data, { mode: 0o600, flag: 'wx' });
    fs.renameSync(tmp, target);
  } catch {
    fs.rmSync(tmp, { force: true });
  }
}

/** 超出上限时按修改时间（读时会更新）删最旧的；也删掉被中止的写入留下的旧临时文件。 */
export function prune(dir: string, maxFiles = MAX_FILES, maxBytes = MAX_BYTES): void {
  try {
    const now = Date.now();
    const items: { name: string; size: number; mtime: number }[] = [];
    for (const name of fs.readdirSync(dir)) {
      const st = fs.lstatSync(path.join(dir, name));
      if (!st.isFile()) continue;
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        if (now - st.mtimeMs > 10 * 60 * 1000) fs.rmSync(path.join(dir, name), { force: true });
        continue;
      }
      if (name.endsWith('.sha256')) continue; // 跟着主文件走
      items.push({ name, size: st.size, mtime: st.mtimeMs });
    }
    items.sort((a, b) => b.mtime - a.mtime);
    let total = 0;
    items.forEach((it, i) => {
      total += it.size;
      if (i >= maxFiles || total > maxBytes) {
        fs.rmSync(path.join(dir, it.name), { force: true });
        fs.rmSync(path.join(dir, `${it.name}.sha256`), { force: true });
      }
    });
  } catch {
    /* 清理失败不影响检查 */
  }
}
