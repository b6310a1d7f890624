// 默认词表的整体快照：几十个 YAML 词典与上百份存档原文每次启动都逐个读、逐个解析（存档原文的 YAML 前言最慢），
// 是一行文件检查里最大的开销。把解析结果存成缓存目录里的一个文件，键是每个文件的路径、大小与修改时间
// （ESLint 缓存的 metadata 策略）：任何一个文件变了、增了或删了，键就变，重新解析。
// 只在解析没有任何诊断时写快照；缓存条目本身带内容哈希（cache-dir.ts），读不了或对不上就当没有。
import fs from 'node:fs';
import path from 'node:path';
import type { Dictionary, DictionaryDiagnostic } from '../types';
import type { SourceDocument } from '../glossary/source-document';
import { readCacheEntry, writeCacheEntry } from './cache-dir';
import { keyHash } from './digest';
import { fromCached, toCached, type CachedDictionary } from './glossary-cache';

// 快照形状或解析规则变了就加一
const FORMAT = 1;

interface Snapshot {
  stamp: string;
  dictionaries: CachedDictionary[];
  sources: SourceDocument[];
}

export interface BuiltinContent {
  dictionaries: Dictionary[];
  sources: Map<string, SourceDocument>;
  diagnostics: DictionaryDiagnostic[];
}

/**
 * 文件清单的指纹：路径、大小、修改时间连成的字符串（不算哈希：存进快照、读时整串比较，比新进程里逐字哈希几万字快）；
 * 读不了某个文件的状态时返回 undefined（不用快照）。
 */
export function stampOf(files: readonly string[]): string | undefined {
  const parts = [`tifa-builtin-snapshot@${FORMAT}`];
  try {
    for (const f of files) {
      const st = fs.statSync(f);
      parts.push(f, String(st.size), String(st.mtimeMs));
    }
  } catch {
    return undefined;
  }
  return parts.join('\0');
}

function entryName(dir: string): string {
  return `builtin-${keyHash(path.resolve(dir)).slice(0, 16)}.json`;
}

export function readSnapshot(dir: string, stamp: string): BuiltinContent | undefined {
  const body = readCacheEntry(entryName(dir));
  if (!body) return undefined;
  try {
    const s = JSON.parse(body.toString('utf8')) as Snapshot;
    if (s.stamp !== stamp || !Array.isArray(s.dictionaries) || !Array.isArray(s.sources)) return undefined;
    return {
      dictionaries: s.dictionaries.map((c) => fromCached(c)),
      sources: new Map(s.sources.map((d) => [d.id, d])),
      diagnostics: [],
    };
  } catch {
    return undefined;
  }
}

export function writeSnapshot(dir: string, stamp: string, content: BuiltinContent): void {
  if (content.diagnostics.length) return;
  const snapshot: Snapshot = { stamp, dictionaries: content.dictionaries.map((d) => toCached('', d)), sources: [...content.sources.values()] };
  writeCacheEntry(entryName(dir), JSON.stringify(snapshot));
}
