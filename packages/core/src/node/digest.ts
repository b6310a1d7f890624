// 缓存用的哈希。载入 node:crypto（连同它拖进来的 stream 等模块）要 5 ms 以上，一行文件的检查只为算几个缓存键不值得：
// 缓存键用下面的非密码学哈希；真正核对内容的 sha256、临时文件名的随机数，第一次用到时才载入 crypto。
import { createRequire } from 'node:module';

declare const __filename: string;
declare const require: NodeJS.Require | undefined;

let crypto: typeof import('node:crypto') | undefined;

function nodeCrypto(): typeof import('node:crypto') {
  return (crypto ??= (typeof require === 'function' ? require : createRequire(__filename))('node:crypto') as typeof import('node:crypto'));
}

export function sha256Hex(data: Buffer | string): string {
  return nodeCrypto().createHash('sha256').update(data).digest('hex');
}

/** 多段内容的 sha256：各段前面写上字节长度，段与段之间的边界不会混淆。 */
export function sha256OfParts(parts: Iterable<Buffer | string>): string {
  const hash = nodeCrypto().createHash('sha256');
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
    hash.update(`${bytes.length}:`);
    hash.update(bytes);
  }
  return hash.digest('hex');
}

export function randomHex(bytes: number): string {
  return nodeCrypto().randomBytes(bytes).toString('hex');
}

// 四路 32 位 FNV-1a，各自的种子不同，收尾用 murmur3 的 fmix32 打散
const SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * 缓存键：各部分用 \0 连起来的 128 位非密码学哈希（32 个十六进制字符）。只用来区分缓存文件，不防有意碰撞——
 * 缓存目录只属于本用户（cache-dir.ts），能改缓存的人本来就能改程序。
 */
export function keyHash(...parts: readonly string[]): string {
  let a = SEEDS[0]!;
  let b = SEEDS[1]!;
  let c = SEEDS[2]!;
  let d = SEEDS[3]!;
  for (const part of parts) {
    for (let i = 0; i <= part.length; i++) {
      const u = i < part.length ? part.charCodeAt(i) : 0;
      a = Math.imul(a ^ u, 0x01000193);
      b = Math.imul(b ^ u, 0x01000197);
      c = Math.imul(c ^ u, 0x0100019d);
      d = Math.imul(d ^ u, 0x010001a9);
    }
  }
  // 各路互相混入，让每一路都依赖全部输入
  return [fmix32(a ^ d), fmix32(b ^ a), fmix32(c ^ b), fmix32(d ^ c)].map((h) => h.toString(16).padStart(8, '0')).join('');
}
