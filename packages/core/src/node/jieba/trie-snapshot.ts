// 分词词典的二进制快照：压好的字典树（dict-trie.ts 的类型化数组）与 HMM 模型原样写成一个文件，读回来只是切视图。
// 从文本词典建字典树要半秒以上（8 万词），这是每个新进程第一次分词的主要开销；读快照只要几毫秒。
import type { DictTrie } from './dict-trie';
import { EmitTable, type HmmModel } from './hmm';

const MAGIC = 'tifa-jieba-trie@2';

type Kind = 'i32' | 'f64';
interface ArrayRef {
  offset: number;
  length: number;
  kind: Kind;
}
interface Header {
  magic: string;
  minWeight: number;
  userSingles: number[];
  start: number[];
  trans: number[][];
  arrays: Record<string, ArrayRef>;
}

export function encodeSnapshot(trie: DictTrie, model: HmmModel): Buffer {
  const named: [string, Int32Array | Float64Array][] = [
    ['childStart', trie.childStart],
    ['childCp', trie.childCp],
    ['childNode', trie.childNode],
    ['weights', trie.weights],
  ];
  model.emit.forEach((table, state) => {
    named.push([`emitCp${state}`, table.cps], [`emitLog${state}`, table.logs]);
  });
  const arrays: Record<string, ArrayRef> = {};
  let offset = 0;
  for (const [name, a] of named) {
    arrays[name] = { offset, length: a.length, kind: a instanceof Int32Array ? 'i32' : 'f64' };
    offset += Math.ceil(a.byteLength / 8) * 8;
  }
  const header: Header = { magic: MAGIC, minWeight: trie.minWeight, userSingles: [...trie.userSingles], start: model.start, trans: model.trans, arrays };
  // 头部补齐到 8 字节，数组区从 8 的倍数开始
  let json = Buffer.from(JSON.stringify(header), 'utf8');
  const pad = (8 - ((4 + json.length) % 8)) % 8;
  json = Buffer.concat([json, Buffer.alloc(pad, 0x20)]);
  const out = Buffer.alloc(4 + json.length + offset);
  out.writeUInt32LE(json.length, 0);
  json.copy(out, 4);
  const base = 4 + json.length;
  for (const [name, a] of named) Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, base + arrays[name]!.offset);
  return out;
}

/** 读快照；格式不对时返回 undefined（调用方重建）。 */
export function decodeSnapshot(data: Buffer): { trie: DictTrie; model: HmmModel } | undefined {
  try {
    const jsonLength = data.readUInt32LE(0);
    const header = JSON.parse(data.subarray(4, 4 + jsonLength).toString('utf8')) as Header;
    if (header.magic !== MAGIC) return undefined;
    const base = 4 + jsonLength;
    // 数组视图要求按元素大小对齐：缓冲区本身没对齐时复制一份
    const bytes = (data.byteOffset + base) % 8 === 0 ? data : Buffer.from(data);
    const start = bytes.byteOffset + base;
    const view = (name: string): Int32Array | Float64Array => {
      const ref = header.arrays[name];
      if (!ref) throw new Error(`快照缺少 ${name}`);
      if (base + ref.offset + ref.length * (ref.kind === 'i32' ? 4 : 8) > bytes.length) throw new Error('快照被截断');
      return ref.kind === 'i32' ? new Int32Array(bytes.buffer, start + ref.offset, ref.length) : new Float64Array(bytes.buffer, start + ref.offset, ref.length);
    };
    const childStart = view('childStart') as Int32Array;
    const childCp = view('childCp') as Int32Array;
    const childNode = view('childNode') as Int32Array;
    const weights = view('weights') as Float64Array;
    if (childStart.length !== weights.length + 1 || childCp.length !== childNode.length) return undefined;
    const rootChild = new Int32Array(0x10000);
    for (let i = childStart[0]!; i < childStart[1]!; i++) if (childCp[i]! < 0x10000) rootChild[childCp[i]!] = childNode[i]!;
    const emit = [0, 1, 2, 3].map((state) => new EmitTable(view(`emitCp${state}`) as Int32Array, view(`emitLog${state}`) as Float64Array));
    return {
      trie: { rootChild, childStart, childCp, childNode, weights, minWeight: header.minWeight, userSingles: new Set(header.userSingles) },
      model: { start: header.start, trans: header.trans, emit },
    };
  } catch {
    return undefined;
  }
}
