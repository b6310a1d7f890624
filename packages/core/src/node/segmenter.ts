// jieba 分词器。参照实现是 nodejieba（原生模块，设计卡指定）。./jieba/ 里是按 cppjieba MixSegment 逐步移植的
// TypeScript 实现：读同一份精简词典与 HMM 模型，做出相同的词边界判断（tests/segmenter/parity.test.ts 以 nodejieba 为参照，
// 比对 dict test 与整个语料的 lint 结果）。它把建好的字典树存成二进制快照，新进程几毫秒就能分词，而 nodejieba 每个进程
// 载入词典要半秒以上，所以缺省用它；TIFA_SEGMENTER=nodejieba 改用 nodejieba，装不上 nodejieba 的平台（Windows/macOS
// 无编译器、VS Code 扩展）也照常工作。两者都不可用（找不到词典数据）时返回 null：调用方降级，而不是崩溃。
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Segmenter } from '../types';
import type { Glossary } from '../glossary/glossary';
import { cachedPlainFile, readCacheEntry, writeCacheEntry } from './cache-dir';
import { keyHash } from './digest';
import { buildDictTrie } from './jieba/dict-trie';
import { parseHmmModel } from './jieba/hmm';
import { MixSegmenter } from './jieba/mix-segment';
import { decodeSnapshot, encodeSnapshot } from './jieba/trie-snapshot';
import { glossaryWords, liteDictText, liteKey, liteRecipe, userDictText, wordsKey } from './jieba/lite-dictionary';
import { builtinDirOf, contentKey, readPrebuilt } from './prebuilt';

declare const __filename: string;
declare const __dirname: string;
declare const require: NodeJS.Require | undefined;

interface Jieba {
  cut(s: string, hmm?: boolean): string[];
  insertWord(w: string): boolean;
  extract(s: string, n: number): { word: string; weight: number }[];
  load(dicts: { dict?: string; idfDict?: string; userDict?: string }): void;
  DEFAULT_DICT: string;
}

let jieba: Jieba | null | undefined;
let loadError: string | undefined;
const inserted = new Set<string>();

export function loadJieba(): Jieba | null {
  if (jieba !== undefined) return jieba;
  if (process.env.TIFA_SEGMENTER === 'js') {
    loadError = 'TIFA_SEGMENTER=js';
    return (jieba = null);
  }
  try {
    const req = typeof require === 'function' ? require : createRequire(__filename);
    // 只加载模块；词典（约 5 MB）由 nodejieba 在第一次分词时才读入，用不到分词的文档不付这笔开销
    jieba = req('nodejieba') as Jieba;
  } catch (e) {
    loadError = (e as Error).message;
    jieba = null;
  }
  return jieba;
}

/** 原生分词模块加载失败的原因（成功时为 undefined）。 */
export function segmenterError(): string | undefined {
  loadJieba();
  return loadError;
}

/** 当前会用哪个分词实现：'nodejieba'（参照）、'js'（TypeScript 移植，无需编译），两者都不可用时 null。 */
export function segmenterEngine(): 'nodejieba' | 'js' | null {
  if (prefersJs()) return 'js';
  if (loadJieba()) return 'nodejieba';
  return jiebaDataDir() ? 'js' : null;
}

/** 缺省用 TypeScript 实现（读快照，几毫秒可用）；TIFA_SEGMENTER=nodejieba 或找不到随包的 jieba 数据时才用 nodejieba。 */
function prefersJs(): boolean {
  return process.env.TIFA_SEGMENTER !== 'nodejieba' && jiebaDataDir() !== undefined;
}

/**
 * 随包分发的 jieba 数据（jieba.dict.utf8、hmm_model.utf8，取自 cppjieba）：环境变量 TIFA_JIEBA_DIR（给了就只认它），
 * 或从本文件（或打包后的 bundle）所在目录向上找 jieba/ 或 packages/core/jieba/。
 */
export function jiebaDataDir(): string | undefined {
  const env = process.env.TIFA_JIEBA_DIR;
  if (env) return fs.existsSync(path.join(env, 'hmm_model.utf8')) ? path.resolve(env) : undefined;
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 8; i++) {
    for (const candidate of [path.join(dir, 'jieba'), path.join(dir, 'packages', 'core', 'jieba')]) {
      if (fs.existsSync(path.join(candidate, 'hmm_model.utf8'))) return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** 词表对应的精简词典与用户词典文件（两种分词实现读的同一对文件；一致性测试用）。 */
export function liteDictionaryFiles(glossary: Glossary | undefined): { dict: string; user: string } | undefined {
  const source = sourceDictionary(loadJieba());
  return source ? liteDictionary(source, glossary) : undefined;
}

/** 生成精简词典用的 jieba 完整词典：优先随包的那份（与 nodejieba 所带的逐字节相同），否则 nodejieba 的。 */
function sourceDictionary(j: Jieba | null): string | undefined {
  const dir = jiebaDataDir();
  if (dir && fs.existsSync(path.join(dir, 'jieba.dict.utf8'))) return path.join(dir, 'jieba.dict.utf8');
  return j?.DEFAULT_DICT;
}

/** 把词表里的中文写法加为用户词（用 nodejieba 缺省词典时），让术语不被切散。 */
function insertGlossaryWords(j: Jieba, glossary: Glossary): void {
  for (const w of glossaryWords(glossary)) {
    if (inserted.has(w)) continue;
    inserted.add(w);
    j.insertWord(w);
  }
}

/** 精简词典写成文件（nodejieba 按文件名加载），按键存在每用户的缓存目录。 */
function liteDictionary(sourceDict: string, glossary: Glossary | undefined): { dict: string; idf: string; user: string } | undefined {
  try {
    const key = liteKey(sourceDict, glossary);
    const user = cachedPlainFile(`jieba-${key}.user.utf8`, () => userDictText(glossary));
    const idf = cachedPlainFile('jieba-min.idf.utf8', () => '职业 10.0\n教育 10.0\n');
    const dict = cachedPlainFile(`jieba-${key}.dict.utf8`, () => liteDictText(sourceDict, glossary));
    if (!user || !idf || !dict) return undefined;
    return { dict, idf, user };
  } catch {
    return undefined;
  }
}


export interface SegmenterOptions {
  /** 'lite'（缺省）用精简词典，省内存、加载快；'full' 用 jieba 完整词典。 */
  dictionary?: 'lite' | 'full';
}

/**
 * 创建分词器。缺省用 TypeScript 实现读二进制快照（几毫秒；nodejieba 每个进程载入精简词典要半秒以上），
 * 它的每个词边界与 nodejieba 相同（tests/segmenter/parity.test.ts 以 nodejieba 为参照验证）。
 * TIFA_SEGMENTER=nodejieba 改用 nodejieba；随包的 jieba 数据找不到时也用它。词典在第一次分词时才加载。
 */
export function createJiebaSegmenter(glossary?: Glossary, options: SegmenterOptions = {}): Segmenter | null {
  if (prefersJs()) return createJsSegmenter(glossary, options);
  const j = loadJieba();
  if (!j) return createJsSegmenter(glossary, options);
  let ready = false;
  return {
    cut: (s: string) => {
      if (!ready) {
        ready = true;
        const source = sourceDictionary(j);
        const lite = options.dictionary !== 'full' && source ? liteDictionary(source, glossary) : undefined;
        let loaded = false;
        if (lite) {
          try {
            j.load({ dict: lite.dict, idfDict: lite.idf, userDict: lite.user });
            loaded = true;
          } catch {
            /* 精简词典加载失败时用 nodejieba 缺省词典 */
          }
        }
        if (!loaded && glossary) insertGlossaryWords(j, glossary);
      }
      return j.cut(s, true);
    },
  };
}

/** TypeScript 实现的分词器：与 nodejieba 用同一份精简词典、用户词典和 HMM 模型。同一份词典的分词器在进程里共用。 */
function createJsSegmenter(glossary: Glossary | undefined, options: SegmenterOptions): Segmenter | null {
  const dir = jiebaDataDir();
  if (!dir) {
    loadError = `${loadError ?? 'nodejieba 不可用'}；也找不到随包的 jieba 词典数据（jieba/hmm_model.utf8）`;
    return null;
  }
  let engine: MixSegmenter | undefined;
  return {
    cut: (s: string) => {
      engine ??= jsEngine(dir, glossary, options);
      return engine.cut(s);
    },
  };
}

const jsEngines = new Map<string, MixSegmenter>();

// 快照形状或建树规则变了就加一
const SNAPSHOT_FORMAT = 1;

function jsEngine(dir: string, glossary: Glossary | undefined, options: SegmenterOptions): MixSegmenter {
  const full = path.join(dir, 'jieba.dict.utf8');
  const hmmFile = path.join(dir, 'hmm_model.utf8');
  const lite = options.dictionary !== 'full';
  const hmmStat = fs.statSync(hmmFile);
  const dictKey = lite ? liteKey(full, glossary) : `full\0${wordsKey(glossary)}`;
  const key = keyHash(String(SNAPSHOT_FORMAT), dictKey, hmmFile, String(hmmStat.size), String(hmmStat.mtimeMs)).slice(0, 24);
  let engine = jsEngines.get(key);
  if (engine) return engine;
  const name = `jieba-${key}.trie`;
  const cached = readCacheEntry(name, 'size');
  let snapshot = cached ? decodeSnapshot(cached) : undefined;
  if (!snapshot) {
    // 缓存里没有：随包预编译的（默认词表的精简词典，内容对得上才用），否则现建
    let body = lite ? prebuiltTrie(dir, glossary) : undefined;
    snapshot = body ? decodeSnapshot(body) : undefined;
    if (!snapshot) snapshot = decodeSnapshot((body = trieSnapshot(dir, glossary, lite)))!;
    writeCacheEntry(name, body!, 'size');
  }
  engine = new MixSegmenter(snapshot.trie, snapshot.model);
  jsEngines.clear(); // 只留最近一份：换了词表的旧词典不再用
  jsEngines.set(key, engine);
  return engine;
}

/** 建分词字典树并编码成快照（jieba 数据目录 dir 里的完整词典与 HMM 模型）。 */
export function trieSnapshot(dir: string, glossary: Glossary | undefined, lite = true): Buffer {
  const full = path.join(dir, 'jieba.dict.utf8');
  const model = parseHmmModel(fs.readFileSync(path.join(dir, 'hmm_model.utf8'), 'utf8'));
  // 完整词典时词表写法像 nodejieba 的 insertWord 一样不带词频（取中位数权重）
  const trie = lite ? buildDictTrie(liteDictText(full, glossary), userDictText(glossary)) : buildDictTrie(fs.readFileSync(full, 'utf8'), glossaryWords(glossary).join('\n'));
  return encodeSnapshot(trie, model);
}

/** 随包预编译的精简词典字典树（prebuilt.ts）的文件名与内容键：格式、精简规则与词表写法、jieba 的两份数据。 */
export const PREBUILT_TRIE = 'jieba-lite.trie';

export function prebuiltTrieKey(dir: string, glossary: Glossary | undefined): string | undefined {
  return contentKey([`jieba-trie@${SNAPSHOT_FORMAT}`, ...liteRecipe(glossary)], dir, [path.join(dir, 'jieba.dict.utf8'), path.join(dir, 'hmm_model.utf8')]);
}

function prebuiltTrie(dir: string, glossary: Glossary | undefined): Buffer | undefined {
  const builtin = builtinDirOf(glossary);
  return builtin ? readPrebuilt(builtin, PREBUILT_TRIE, () => prebuiltTrieKey(dir, glossary)) : undefined;
}

/** 预先加载分词词典（如语言服务器空闲时），之后的第一次分词不再卡顿。 */
export function warmUpSegmenter(segmenter: Segmenter | null): void {
  segmenter?.cut('职业教育');
}
