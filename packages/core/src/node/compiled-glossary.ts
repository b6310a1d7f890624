// 编译好的默认词表快照：合并、核对引语后的词条与编译好的匹配器（Aho-Corasick 的类型化数组原样存盘）。
// 检查一行文件时，词表的合并核对与自动机编译比检查本身贵得多；没有用户词典时（多数运行）直接读这份快照。
// 键：默认词表各文件的指纹（builtin-snapshot.ts 的 stampOf）+ 正在运行的程序文件（bundle）的大小与修改时间：
// 词表或程序任何一边变了都重新编译。只在没有任何诊断时写；读不了、对不上都当作没有。
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentRef } from '../types';
import type { Entry } from '../glossary/entry';
import { assembleGlossary, type Glossary } from '../glossary/glossary';
import { matcherFromParts, matcherParts, type MatcherParts } from '../glossary/matcher-parts';
import type { SourceDocument } from '../glossary/source-document';
import { readCacheEntry, writeCacheEntry } from './cache-dir';

declare const __filename: string;

const FORMAT = 2;

/**
 * 检查用不到、只有悬停、explain、SARIF 说明和 dict 命令才用的字段：单独存一段 JSON，第一次读到其中任何一项时才解析。
 * 它们占快照文字的一多半；一行文件的检查因此少解析、少分配一大半（JSON 解析与随后的垃圾回收是启动的大头）。
 */
const DETAIL_FIELDS = ['sources', 'examples', 'definition', 'related', 'note', 'file', 'line'] as const;
type Detail = Partial<Pick<Entry, (typeof DETAIL_FIELDS)[number]>>;

interface Details {
  entries: Detail[];
  sources: SourceDocument[];
}

type TypedArray = Int32Array | Uint8Array;
type ArrayRef = { offset: number; length: number; kind: 'i32' | 'u8' };

interface Header {
  key: string;
  version: string;
  /** 去掉了 DETAIL_FIELDS 的词条。 */
  entries: Entry[];
  documents: DocumentRef[];
  /** 详情段（Details 的 JSON）在数组区之后的字节位置。 */
  details: { offset: number; length: number };
  /** 每个词条有哪些详情字段（DETAIL_FIELDS 的位）。 */
  detailFields: number[];
  matcher: Omit<MatcherParts, 'ac' | 'anchorStart' | 'anchorFormulation' | 'anchorBit'> & { ac: Omit<MatcherParts['ac'], 'arrays'> };
  arrays: Record<string, ArrayRef>;
}

/** 程序自身的指纹：打包后的文件（或源文件）路径、大小、修改时间。 */
function programStamp(): string {
  try {
    const file = typeof __filename === 'string' ? __filename : '';
    const st = fs.statSync(file);
    return `${file}\0${st.size}\0${st.mtimeMs}`;
  } catch {
    return 'unknown';
  }
}

export function compiledKey(stamp: string): string {
  return crypto.createHash('sha256').update(`tifa-compiled-glossary@${FORMAT}\0${stamp}\0${programStamp()}`).digest('hex').slice(0, 32);
}

// 每个程序文件一份：命令行主线程与工作线程是两个 bundle，共用一份会互相覆盖
function entryName(dir: string): string {
  return `compiled-${crypto.createHash('sha256').update(`${path.resolve(dir)}\0${programStamp()}`).digest('hex').slice(0, 16)}.bin`;
}

export function readCompiled(dir: string, key: string): Glossary | undefined {
  const body = readCacheEntry(entryName(dir), 'size');
  if (!body || body.length < 4) return undefined;
  try {
    const jsonLength = body.readUInt32LE(0);
    const header = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as Header;
    if (header.key !== key) return undefined;
    // 类型化数组按 8 字节对齐存放；复制到对齐的新缓冲区，再按描述切出视图
    const binStart = 4 + jsonLength;
    const bin = new Uint8Array(header.details.offset);
    bin.set(body.subarray(binStart, binStart + header.details.offset));
    let detailBytes: Buffer | undefined = body.subarray(binStart + header.details.offset, binStart + header.details.offset + header.details.length);
    if (detailBytes.length !== header.details.length) return undefined;
    const view = (ref: ArrayRef): TypedArray => (ref.kind === 'i32' ? new Int32Array(bin.buffer, ref.offset, ref.length) : new Uint8Array(bin.buffer, ref.offset, ref.length));
    const arrays = Object.fromEntries(Object.entries(header.arrays).map(([name, ref]) => [name, view(ref)]));
    const parts: MatcherParts = {
      ...header.matcher,
      ac: { ...header.matcher.ac, arrays: Object.fromEntries(Object.entries(arrays).filter(([n]) => n.startsWith('ac.')).map(([n, a]) => [n.slice(3), a])) as MatcherParts['ac']['arrays'] },
      anchorStart: arrays.anchorStart as Int32Array,
      anchorFormulation: arrays.anchorFormulation as Int32Array,
      anchorBit: arrays.anchorBit as Int32Array,
    };
    const entries = header.entries;
    let details: Details | undefined;
    // 解析后放掉整个缓存文件的缓冲区（几 MB），免得常驻
    const loadDetails = (): Details => {
      if (!details) {
        details = JSON.parse(detailBytes!.toString('utf8')) as Details;
        detailBytes = undefined;
      }
      return details;
    };
    const presence = header.detailFields;
    entries.forEach((entry, i) => {
      for (const field of DETAIL_FIELDS) if (presence[i]! & (1 << DETAIL_FIELDS.indexOf(field))) lazyField(entry, field, () => loadDetails().entries[i]![field]);
    });
    return assembleGlossary({
      version: header.version,
      entries,
      documents: header.documents,
      sourceDocuments: new LazyMap(() => new Map(loadDetails().sources.map((d) => [d.id, d]))),
      matcher: matcherFromParts(parts, entries),
    });
  } catch {
    return undefined;
  }
}

/** 词条上的一个详情字段：第一次读时取值并换成普通数据属性；写入也变成普通属性。 */
function lazyField(entry: Entry, field: string, load: () => unknown): void {
  const settle = (value: unknown) => Object.defineProperty(entry, field, { value, writable: true, enumerable: true, configurable: true });
  Object.defineProperty(entry, field, {
    get() {
      const value = load();
      settle(value);
      return value;
    },
    set: settle,
    enumerable: true,
    configurable: true,
  });
}

/** 第一次用到时才建的只读 Map。 */
class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private map: Map<K, V> | undefined;
  constructor(private readonly make: () => Map<K, V>) {}
  private get m(): Map<K, V> {
    return (this.map ??= this.make());
  }
  get size(): number {
    return this.m.size;
  }
  get(key: K): V | undefined {
    return this.m.get(key);
  }
  has(key: K): boolean {
    return this.m.has(key);
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.m.forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[K, V]> {
    return this.m.entries();
  }
  keys(): MapIterator<K> {
    return this.m.keys();
  }
  values(): MapIterator<V> {
    return this.m.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.m[Symbol.iterator]();
  }
}

export function writeCompiled(dir: string, key: string, glossary: Glossary): void {
  try {
    const parts = matcherParts(glossary.matcher, glossary.entries);
    const named: [string, TypedArray][] = [
      ...Object.entries(parts.ac.arrays).map(([n, a]) => [`ac.${n}`, a] as [string, TypedArray]),
      ['anchorStart', parts.anchorStart],
      ['anchorFormulation', parts.anchorFormulation],
      ['anchorBit', parts.anchorBit],
    ];
    const refs: Record<string, ArrayRef> = {};
    let offset = 0;
    for (const [name, a] of named) {
      refs[name] = { offset, length: a.length, kind: a instanceof Int32Array ? 'i32' : 'u8' };
      offset += Math.ceil(a.byteLength / 8) * 8;
    }
    const lean: Entry[] = [];
    const detailList: Detail[] = [];
    const detailFields: number[] = [];
    for (const entry of glossary.entries) {
      const rest: Record<string, unknown> = { ...entry };
      const detail: Record<string, unknown> = {};
      let bits = 0;
      DETAIL_FIELDS.forEach((field, k) => {
        if (!(field in rest)) return;
        detail[field] = rest[field];
        delete rest[field];
        bits |= 1 << k;
      });
      lean.push(rest as unknown as Entry);
      detailList.push(detail as Detail);
      detailFields.push(bits);
    }
    const details: Details = { entries: detailList, sources: [...glossary.sourceDocuments.values()] };
    const detailJson = Buffer.from(JSON.stringify(details), 'utf8');
    const bin = new Uint8Array(offset + detailJson.length);
    for (const [name, a] of named) bin.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), refs[name].offset);
    bin.set(detailJson, offset);
    const { ac, anchorStart, anchorFormulation, anchorBit, ...rest } = parts;
    void anchorStart;
    void anchorFormulation;
    void anchorBit;
    const header: Header = {
      key,
      version: glossary.version,
      entries: lean,
      detailFields,
      documents: [...glossary.documents],
      details: { offset, length: detailJson.length },
      matcher: { ...rest, ac: { lengths: ac.lengths, states: ac.states, mask: ac.mask } },
      arrays: refs,
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    writeCacheEntry(entryName(dir), Buffer.concat([len, json, Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength)]), 'size');
  } catch {
    /* 写不了快照不影响检查 */
  }
}
