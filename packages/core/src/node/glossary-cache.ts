// 词典文件的解析缓存：YAML 解析与校验是启动时间的大头（1 万条的用户词典要几秒），而词典很少变。
// 以文件路径、来源与内容的哈希为键，把解析好的词典存成 JSON（每用户的缓存目录，见 cache-dir.ts），内容一变哈希就变。
// 只缓存没有任何问题的解析结果；缓存读写失败都当作没有缓存。
// 报位置时（合并词表时的警告）按需重新解析原文，位置与不用缓存时完全一致。
import fs from 'node:fs';
import { LineCounter, parseDocument, type Node } from 'yaml';
import type { Dictionary, SourcePosition } from '../types';
import { readCacheEntry, writeCacheEntry } from './cache-dir';
import { sha256Hex } from './digest';

// 3：加了 documents、period 与语境词组
const FORMAT = 3;

export interface CachedDictionary {
  key: string;
  origin: Dictionary['origin'];
  file: string;
  meta: Dictionary['meta'];
  entries: Dictionary['entries'];
  documents?: Dictionary['documents'];
  disable: string[];
  positions: [string, SourcePosition][];
}

export function cacheKey(file: string, origin: Dictionary['origin'], text: string): string {
  return sha256Hex(`tifa-dictionary-cache@${FORMAT}\0${origin}\0${file}\0${text}`).slice(0, 32);
}

function entryName(key: string): string {
  return `dict-${key}.json`;
}

/** 与 parse.ts 的 locate 相同的定位：从最深处往上找有位置的节点。只在需要报位置时解析一次。 */
function lazyLocate(file: string, text: string): Dictionary['locate'] {
  let located: Dictionary['locate'] | undefined;
  return (p) => {
    if (!located) {
      const lc = new LineCounter();
      const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
      const at = (offset: number, length: number): SourcePosition => {
        const pos = lc.linePos(Math.min(offset, text.length));
        return { file, line: pos.line, column: pos.col, offset, length };
      };
      located = (path) => {
        for (let n = path.length; n >= 0; n--) {
          const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
          if (node && typeof node === 'object' && 'range' in node && node.range) return at(node.range[0], node.range[1] - node.range[0]);
        }
        return at(0, 0);
      };
    }
    return located(p);
  };
}

/** 缓存形状 → 词典。text 给出时按它定位；否则第一次要报位置时再读文件（默认词表的整体快照用）。 */
export function fromCached(c: CachedDictionary, text?: string): Dictionary {
  const locate = text !== undefined ? lazyLocate(c.file, text) : lazyLocateFromFile(c.file);
  return { file: c.file, origin: c.origin, meta: c.meta, entries: c.entries, documents: c.documents ?? [], disable: c.disable, positions: new Map(c.positions), locate };
}

export function toCached(key: string, d: Dictionary): CachedDictionary {
  return { key, origin: d.origin, file: d.file, meta: d.meta, entries: d.entries, documents: d.documents, disable: d.disable, positions: [...d.positions] };
}

function lazyLocateFromFile(file: string): Dictionary['locate'] {
  let located: Dictionary['locate'] | undefined;
  return (p) => {
    if (!located) {
      let text = '';
      try {
        text = fs.readFileSync(file, 'utf8').replace(/^\ufeff/, '');
      } catch {
        /* 文件已不在：位置退回文件开头 */
      }
      located = lazyLocate(file, text);
    }
    return located(p);
  };
}

export function readCache(key: string, text: string): Dictionary | undefined {
  const body = readCacheEntry(entryName(key));
  if (!body) return undefined;
  try {
    const c = JSON.parse(body.toString('utf8')) as CachedDictionary;
    if (c.key !== key || !Array.isArray(c.entries)) return undefined;
    return fromCached(c, text);
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, d: Dictionary): void {
  writeCacheEntry(entryName(key), JSON.stringify(toCached(key, d)));
}
