// 词典文件的解析缓存：YAML 解析与校验是启动时间的大头（1 万条的用户词典要几秒），而词典很少变。
// 以文件路径、来源与内容的哈希为键，把解析好的词典存成 JSON（系统临时目录），内容一变哈希就变，旧缓存自然不用。
// 只缓存没有任何问题的解析结果；缓存读写失败都当作没有缓存。
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Dictionary, SourcePosition } from '../types';

// 2：加了 documents、period 与语境词组
const FORMAT = 2;

interface CachedDictionary {
  origin: Dictionary['origin'];
  file: string;
  meta: Dictionary['meta'];
  entries: Dictionary['entries'];
  documents?: Dictionary['documents'];
  disable: string[];
  positions: [string, SourcePosition][];
}

export function cacheKey(file: string, origin: Dictionary['origin'], text: string): string {
  return crypto.createHash('sha256').update(`tifa-dictionary-cache@${FORMAT}\0${origin}\0${file}\0`).update(text).digest('hex').slice(0, 32);
}

function cachePath(key: string): string {
  return path.join(os.tmpdir(), `tifa-dict-${key}.json`);
}

function revive(c: CachedDictionary): Dictionary {
  const positions = new Map(c.positions);
  const fallback: SourcePosition = { file: c.file, line: 1, column: 1, offset: 0, length: 0 };
  return {
    file: c.file,
    origin: c.origin,
    meta: c.meta,
    entries: c.entries,
    documents: c.documents ?? [],
    disable: c.disable,
    positions,
    // 缓存里只有词条级的位置：报错时定位到词条
    locate: (p) => (p[0] === 'entries' && typeof p[1] === 'number' ? (positions.get(c.entries[p[1]]?.id) ?? fallback) : fallback),
  };
}

export function readCache(key: string): Dictionary | undefined {
  try {
    return revive(JSON.parse(fs.readFileSync(cachePath(key), 'utf8')) as CachedDictionary);
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, d: Dictionary): void {
  const data: CachedDictionary = { origin: d.origin, file: d.file, meta: d.meta, entries: d.entries, documents: d.documents, disable: d.disable, positions: [...d.positions] };
  const target = cachePath(key);
  const tmp = `${target}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, JSON.stringify(data));
    fs.renameSync(tmp, target);
  } catch {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* 缓存只是加速，写不了就算了 */
    }
  }
}
