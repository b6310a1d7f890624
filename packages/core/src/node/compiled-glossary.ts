// 编译好的默认词表快照：合并、核对引语后的词条与编译好的匹配器（Aho-Corasick 的类型化数组原样存盘）。
// 检查一行文件时，词表的合并核对与自动机编译比检查本身贵得多；没有用户词典时（多数运行）直接读这份快照。
// 键：默认词表各词典文件的指纹（builtin-snapshot.ts 的 stampOf）+ 正在运行的程序文件（bundle）的大小与修改时间：
// 词表或程序任何一边变了都重新编译。存档原文只影响详情段，它们的指纹存在头里、读详情时才核对（启动时不必 stat 几百个文件）。
// 只在没有任何诊断时写；读不了、对不上都当作没有。
import fs from 'node:fs';
import path from 'node:path';
import type { DocumentRef } from '../types';
import type { Entry } from '../glossary/entry';
import { assembleGlossary, formIndex, type Glossary } from '../glossary/glossary';
import { anchorPlan, type AnchorPlan } from '../anchor-plan';
import { patternRoles, type PatternRoles } from '../pattern-roles';
import { shortPlan, type ShortPlan, type ShortSide } from '../short-plan';
import { matcherFromParts, matcherParts, type MatcherParts } from '../glossary/matcher-parts';
import type { SourceDocument } from '../glossary/source-document';
import { pinyinKeys } from '../service/complete';
import { openSizedEntry, writeCacheEntry, type SizedEntry } from './cache-dir';
import { keyHash } from './digest';
import { detailPrototype, LazyMap } from './lazy-details';
import { rememberWordsKey, wordsKey } from './jieba/lite-dictionary';
import { contentKey } from './prebuilt';
import { sourceFiles } from './sources';
import { fromSnapshotPath, toSnapshotPath } from './snapshot-paths';

declare const __filename: string;

const FORMAT = 12;

/**
 * 检查用不到、只有悬停、explain、SARIF 说明和 dict 命令才用的字段：单独存一段 JSON，第一次读到其中任何一项时才解析。
 * 它们占快照文字的一多半；一行文件的检查因此少解析、少分配一大半（JSON 解析与随后的垃圾回收是启动的大头）。
 */
const DETAIL_FIELDS = ['sources', 'examples', 'definition', 'related', 'note', 'file', 'line'] as const;
type Detail = Partial<Pick<Entry, (typeof DETAIL_FIELDS)[number]>>;

interface Details {
  /** 与 Header.entries 同序。 */
  entries: Detail[];
  sources: SourceDocument[];
  /** 现行词条各写法的拼音键：[写法, 首字母, 全拼]。 */
  pinyin: [string, string, string][];
  /** 词条原来的字段顺序（不同的顺序各存一份；toJSON 照此输出）；keyOrderOf 与 entries 同序。 */
  keyOrders: string[][];
  keyOrderOf: number[];
}

type TypedArray = Int32Array | Uint8Array;
type ArrayRef = { offset: number; length: number; kind: 'i32' | 'u8' };
/** 数组区里的一段字节（UTF-8 JSON）。 */
type Segment = { offset: number; length: number };
/** 折叠好的写法与词条下标（glossary.ts 的 formIndex）。 */
type FormKeys = { keys: string[]; entries: number[] };

interface Header {
  key: string;
  version: string;
  /** 去掉了 DETAIL_FIELDS 的词条。 */
  entries: Entry[];
  documents: DocumentRef[];
  /** 详情段（Details 的 JSON）在数组区之后的字节位置。只有悬停、explain 等用到详情时才解析（启动时少解析近一半）。 */
  details: { offset: number; length: number };
  matcher: Omit<MatcherParts, 'ac' | 'anchorStart' | 'anchorFormulation' | 'anchorBit' | 'formulations'> & { ac: Omit<MatcherParts['ac'], 'arrays'> };
  arrays: Record<string, ArrayRef>;
  /**
   * 检查要用、却多半用不到的部分：单独存成 JSON 段（在数组区之后、详情段之前，随数组区一起读进内存），第一次用到时才解析。
   * formulations：固定提法的原文与各项（句中锚点够数时才比对）；formKeys：按写法查词条（悬停、配置里的词条名）。
   */
  lazy: { formulations: Segment; formKeys: Segment };
  /** 分词词典缓存键里的词表写法指纹（jieba/lite-dictionary.ts 的 wordsKey）。 */
  wordsKey: string;
  /** 写快照时存档原文（sources/）的指纹：详情段里的来源取自它们，读详情时才核对（键里只有词典文件）。 */
  sourcesStamp: string;
}

/** 读快照时给的存档原文核对：当前指纹，以及指纹不符时重新编译整份词表（并重写快照）的办法。 */
export interface SourcesCheck {
  stamp: () => string | undefined;
  rebuild: () => Glossary | undefined;
}

// 由匹配器推出的表（anchor-plan、short-plan、pattern-roles）：与自动机的数组一起存进数组区，读时放进各自的缓存
const ANCHOR_PLAN = ['eagerStart', 'eagerFormulation', 'eagerBit', 'lazyStart', 'lazyPattern', 'lazyBit', 'need'] as const;
const SHORT_SIDE = ['start', 'keyA', 'nameA', 'keyB', 'nameB'] as const;

function derivedArrays(matcher: Glossary['matcher']): [string, TypedArray][] {
  const plan = anchorPlan(matcher);
  const short = shortPlan(matcher);
  const roles = patternRoles(matcher);
  return [
    ...ANCHOR_PLAN.map((k) => [`plan.${k}`, plan[k]] as [string, TypedArray]),
    ...(['prefix', 'suffix'] as const).flatMap((side) => SHORT_SIDE.map((k) => [`short.${side}.${k}`, short[side][k]] as [string, TypedArray])),
    ['roles.roles', roles.roles],
    ['roles.lengths', roles.lengths],
  ];
}

function seedDerived(matcher: Glossary['matcher'], arrays: Record<string, TypedArray>): void {
  const get = (name: string) => {
    const a = arrays[name];
    if (!a) throw new Error(`快照缺少 ${name}`);
    return a;
  };
  anchorPlan.seed(matcher, Object.fromEntries(ANCHOR_PLAN.map((k) => [k, get(`plan.${k}`)])) as unknown as AnchorPlan);
  const side = (s: 'prefix' | 'suffix') => Object.fromEntries(SHORT_SIDE.map((k) => [k, get(`short.${s}.${k}`)])) as unknown as ShortSide;
  shortPlan.seed(matcher, { prefix: side('prefix'), suffix: side('suffix') } as ShortPlan);
  patternRoles.seed(matcher, { roles: get('roles.roles') as Uint8Array, lengths: get('roles.lengths') as Int32Array } as PatternRoles);
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

/** 快照的键（存在快照头里、读时整串比较）：格式、默认词表的指纹、程序自身的指纹。 */
export function compiledKey(stamp: string): string {
  return `tifa-compiled-glossary@${FORMAT}\0${stamp}\0${programStamp()}`;
}

// 每个程序文件一份：命令行主线程与工作线程是两个 bundle，共用一份会互相覆盖
function entryName(dir: string): string {
  return `compiled-${keyHash(path.resolve(dir), programStamp()).slice(0, 16)}.bin`;
}

/** 详情段读不到时（快照在进程运行期间被换掉、内容也变了）：词条照常检查，只是悬停等处少了来源与例句。 */
const NO_DETAILS: Details = { entries: [], sources: [], pinyin: [], keyOrders: [], keyOrderOf: [] };

/**
 * 按需读详情段：仍是同一个文件就直接读；文件换过则核对键，键不同就不用。
 * 存档原文在写快照后改过（指纹不符）：详情里的来源已旧，重新编译整份词表取详情（词条须与快照同序，否则不用）。
 */
function detailsReader(open: () => SizedEntry | undefined, identity: string, header: Header, where: { offset: number; length: number }, sources?: SourcesCheck): () => Details {
  return () => {
    if (sources && sources.stamp() !== header.sourcesStamp) {
      const g = sources.rebuild();
      const same = g && g.entries.length === header.entries.length && g.entries.every((e, i) => e.id === header.entries[i]!.id);
      return same ? detailsOf(g).details : NO_DETAILS;
    }
    const entry = open();
    if (!entry) return NO_DETAILS;
    try {
      if (entry.identity !== identity) {
        const current = readHeader(entry);
        if (current?.key !== header.key || current.sourcesStamp !== header.sourcesStamp) return NO_DETAILS;
      }
      return readJson(entry, where.offset, where.length) as Details;
    } catch {
      return NO_DETAILS;
    } finally {
      entry.close();
    }
  };
}

/** 条目里 [offset, offset + length) 的一段 UTF-8 JSON。 */
function readJson(entry: SizedEntry, offset: number, length: number): unknown {
  return JSON.parse(Buffer.from(entry.read(offset, length).buffer).toString('utf8'));
}

function readHeader(entry: SizedEntry): (Header & { binStart: number }) | undefined {
  if (entry.length < 4) return undefined;
  const jsonLength = Buffer.from(entry.read(0, 4).buffer).readUInt32LE(0);
  const header = readJson(entry, 4, jsonLength) as Header;
  return { ...header, binStart: 4 + jsonLength };
}

/**
 * 读编译好的快照：缺省是每用户缓存里的那份；open 给出别的来源（缓存目录不可写时直接读随包的预编译快照，见 memoryEntry）。
 */
export function readCompiled(dir: string, key: string, sources?: SourcesCheck, open: () => SizedEntry | undefined = () => openSizedEntry(entryName(dir))): Glossary | undefined {
  const entry = open();
  if (!entry) return undefined;
  try {
    // 只读头与数组区：详情段（词条的来源、例句等，占文件近一半）第一次用到时再读
    const header = readHeader(entry);
    if (!header || header.key !== key) return undefined;
    const { binStart } = header;
    if (binStart + header.details.offset + header.details.length !== entry.length) return undefined;
    // 数组区直接读进新分配（按 8 字节对齐）的缓冲区，再按描述切出视图
    const bin = entry.read(binStart, header.details.offset);
    const view = (ref: ArrayRef): TypedArray => (ref.kind === 'i32' ? new Int32Array(bin.buffer, ref.offset, ref.length) : new Uint8Array(bin.buffer, ref.offset, ref.length));
    const lazyJson = <T>(seg: Segment): (() => T) => {
      let value: T | undefined;
      return () => (value ??= JSON.parse(Buffer.from(bin.buffer, bin.byteOffset + seg.offset, seg.length).toString('utf8')) as T);
    };
    const formulations = lazyJson<MatcherParts['formulations']>(header.lazy.formulations);
    const formKeys = lazyJson<FormKeys>(header.lazy.formKeys);
    const arrays = Object.fromEntries(Object.entries(header.arrays).map(([n, ref]) => [n, view(ref)]));
    const parts: MatcherParts = {
      ...header.matcher,
      get formulations() {
        return formulations();
      },
      ac: { ...header.matcher.ac, arrays: Object.fromEntries(Object.entries(arrays).filter(([n]) => n.startsWith('ac.')).map(([n, a]) => [n.slice(3), a])) as MatcherParts['ac']['arrays'] },
      anchorStart: arrays.anchorStart as Int32Array,
      anchorFormulation: arrays.anchorFormulation as Int32Array,
      anchorBit: arrays.anchorBit as Int32Array,
    };
    const readDetails = detailsReader(open, entry.identity, header, { offset: binStart + header.details.offset, length: header.details.length }, sources);
    const entries = header.entries;
    let details: Details | undefined;
    let position: Map<string, number> | undefined;
    const indexOf = (entry: Entry): number => (position ??= new Map(entries.map((e, i) => [e.id, i]))).get(entry.id) ?? -1;
    const resolve = fromSnapshotPath(dir);
    const loadDetails = (): Details => {
      if (details) return details;
      const d = readDetails();
      d.entries.forEach(resolve);
      d.sources.forEach(resolve);
      return (details = d);
    };
    // 详情字段做成共同原型上的 getter：换原型比在每个词条上逐个定义访问器便宜得多（后者本身就要十几毫秒）
    const proto = detailPrototype(
      DETAIL_FIELDS,
      (entry, field) => loadDetails().entries[indexOf(entry)]?.[field],
      (entry) => {
        const d = loadDetails();
        return d.keyOrders[d.keyOrderOf[indexOf(entry)] ?? -1] ?? [];
      },
    );
    for (const entry of entries) Object.setPrototypeOf(entry, proto);
    const matcher = matcherFromParts(parts, entries);
    seedDerived(matcher, arrays);
    const glossary = assembleGlossary({
      version: header.version,
      entries,
      documents: header.documents.map(resolve),
      sourceDocuments: new LazyMap(() => new Map(loadDetails().sources.map((d) => [d.id, d]))),
      pinyinKeys: new LazyMap(() => new Map(loadDetails().pinyin.map(([form, initials, full]) => [form, { initials, full }]))),
      matcher,
      formKeys: {
        get keys() {
          return formKeys().keys;
        },
        get entries() {
          return formKeys().entries;
        },
      },
    });
    rememberWordsKey(glossary, header.wordsKey);
    return glossary;
  } catch {
    return undefined;
  } finally {
    entry.close();
  }
}

function formKeysOf(glossary: Glossary): FormKeys {
  const position = new Map(glossary.entries.map((e, i) => [e, i]));
  const keys: string[] = [];
  const entries: number[] = [];
  for (const [key, entry] of formIndex(glossary.entries)) {
    keys.push(key);
    entries.push(position.get(entry)!);
  }
  return { keys, entries };
}

/** 词条去掉详情字段后的样子，与详情段（来源、例句、拼音键、字段顺序）。 */
function detailsOf(glossary: Glossary): { lean: Entry[]; details: Details } {
  const lean: Entry[] = [];
  const detailList: Detail[] = [];
  const keyOrders: string[][] = [];
  const orderIndex = new Map<string, number>();
  const keyOrderOf: number[] = [];
  for (const entry of glossary.entries) {
    const rest: Record<string, unknown> = { ...entry };
    const order = Object.keys(rest);
    const sig = order.join(',');
    if (!orderIndex.has(sig)) orderIndex.set(sig, keyOrders.push(order) - 1);
    keyOrderOf.push(orderIndex.get(sig)!);
    const detail: Record<string, unknown> = {};
    for (const field of DETAIL_FIELDS) {
      if (!(field in rest)) continue;
      detail[field] = rest[field];
      delete rest[field];
    }
    lean.push(rest as unknown as Entry);
    detailList.push(detail as Detail);
  }
  const pinyin = new Map<string, [string, string, string]>();
  for (const entry of glossary.entries) {
    if (entry.status !== 'current') continue;
    for (const form of [entry.term, ...(entry.variants ?? [])]) {
      if (pinyin.has(form)) continue;
      const keys = pinyinKeys(form);
      pinyin.set(form, [form, keys.initials, keys.full]);
    }
  }
  return { lean, details: { entries: detailList, sources: [...glossary.sourceDocuments.values()], pinyin: [...pinyin.values()], keyOrders, keyOrderOf } };
}

export function writeCompiled(dir: string, key: string, glossary: Glossary, sourcesStamp: string): void {
  try {
    writeCacheEntry(entryName(dir), compiledBody(dir, key, glossary, sourcesStamp), 'size');
  } catch {
    /* 写不了快照不影响检查 */
  }
}

/** 随包预编译快照的文件名（prebuilt.ts）与它的内容键：格式、schema、全部词典文件与存档原文。 */
export const PREBUILT_GLOSSARY = 'glossary.bin';

export function prebuiltGlossaryKey(dir: string, files: readonly string[]): string | undefined {
  return contentKey([`tifa-compiled-glossary@${FORMAT}`], dir, [path.join(dir, 'schema.json'), ...files, ...sourceFiles(path.join(dir, 'sources'))]);
}

/**
 * 把随包的预编译快照放进每用户缓存：换上这台机器上的键（文件指纹与程序指纹）与存档原文指纹，之后照常 readCompiled。
 * 头之后的数组区与各段都按头的末尾起算，换头不动它们。写不进缓存时返回 false（调用方照常编译）。
 */
export function installCompiled(dir: string, key: string, body: Buffer, sourcesStamp: string): boolean {
  try {
    const jsonLength = body.readUInt32LE(0);
    const header = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as Header;
    const json = Buffer.from(JSON.stringify({ ...header, key, sourcesStamp }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32LE(json.length, 0);
    writeCacheEntry(entryName(dir), Buffer.concat([len, json, body.subarray(4 + jsonLength)]), 'size');
    return true;
  } catch {
    return false;
  }
}

/** 内存里的一份快照（随包的预编译快照读进来以后），当作缓存条目来读。 */
export function memoryEntry(body: Buffer): SizedEntry {
  return {
    length: body.length,
    identity: 'memory',
    read(offset, count, target = new Uint8Array(count)) {
      if (offset < 0 || offset + count > body.length || target.length < count) throw new RangeError('快照越界');
      target.set(body.subarray(offset, offset + count));
      return target;
    },
    close: () => undefined,
  };
}

/** 快照文件的全部字节：4 字节头长、头（JSON）、数组区、按需解析的 JSON 段、详情段。 */
export function compiledBody(dir: string, key: string, glossary: Glossary, sourcesStamp: string): Buffer {
  const relative = toSnapshotPath(dir);
  const parts = matcherParts(glossary.matcher, glossary.entries);
  const named: [string, TypedArray][] = [
    ...Object.entries(parts.ac.arrays).map(([n, a]) => [`ac.${n}`, a] as [string, TypedArray]),
    ['anchorStart', parts.anchorStart],
    ['anchorFormulation', parts.anchorFormulation],
    ['anchorBit', parts.anchorBit],
    ...derivedArrays(glossary.matcher),
  ];
  const refs: Record<string, ArrayRef> = {};
  let offset = 0;
  for (const [name, a] of named) {
    refs[name] = { offset, length: a.length, kind: a instanceof Int32Array ? 'i32' : 'u8' };
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const { ac, anchorStart, anchorFormulation, anchorBit, formulations, ...rest } = parts;
  void anchorStart;
  void anchorFormulation;
  void anchorBit;
  // 数组区之后：按需解析的 JSON 段，最后是详情段
  const segments: [Segment, Buffer][] = [];
  let detailsAt = offset;
  const segment = (value: unknown): Segment => {
    const bytes = Buffer.from(JSON.stringify(value), 'utf8');
    const seg = { offset: detailsAt, length: bytes.length };
    segments.push([seg, bytes]);
    detailsAt += bytes.length;
    return seg;
  };
  const lazy = { formulations: segment(formulations), formKeys: segment(formKeysOf(glossary)) };
  const { lean, details } = detailsOf(glossary);
  const detailJson = Buffer.from(JSON.stringify({ ...details, entries: details.entries.map(relative), sources: details.sources.map(relative) }), 'utf8');
  const bin = new Uint8Array(detailsAt + detailJson.length);
  for (const [name, a] of named) bin.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), refs[name].offset);
  for (const [seg, bytes] of segments) bin.set(bytes, seg.offset);
  bin.set(detailJson, detailsAt);
  const header: Header = {
    key,
    version: glossary.version,
    entries: lean,
    documents: glossary.documents.map(relative),
    details: { offset: detailsAt, length: detailJson.length },
    matcher: { ...rest, ac: { lengths: ac.lengths, states: ac.states, mask: ac.mask } },
    arrays: refs,
    wordsKey: wordsKey(glossary),
    lazy,
    sourcesStamp,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length, 0);
  return Buffer.concat([len, json, Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength)]);
}
