// 从磁盘加载词典（node 专用）。找不到或读不了的文件变成诊断，不抛异常。
import fs from 'node:fs';
import path from 'node:path';
import type { Dictionary, DictionaryDiagnostic } from '../types';
import { parseDictionary } from '../glossary/parse';
import { createGlossary, type Glossary } from '../glossary/glossary';
import { fixLoops } from '../glossary/fix-loops';
import { cacheKey, readCache, writeCache } from './glossary-cache';
import { loadSourceDocuments, sourceFiles } from './sources';
import { readSnapshot, stampOf, writeSnapshot, type BuiltinContent } from './builtin-snapshot';
import { compiledKey, installCompiled, memoryEntry, PREBUILT_GLOSSARY, prebuiltGlossaryKey, readCompiled, writeCompiled, type SourcesCheck } from './compiled-glossary';
import { readPrebuilt, rememberBuiltinDir } from './prebuilt';
import type { SourceDocument } from '../glossary/source-document';
import { readRegularFile, type ReadRegularError } from './read-regular';

declare const __dirname: string;

/** 默认词典目录：环境变量 TIFA_DICTIONARIES，或从本文件（或打包后的 bundle）所在目录向上找 dictionaries/schema.json。 */
export function defaultDictionaryDir(): string | undefined {
  const env = process.env.TIFA_DICTIONARIES;
  if (env && fs.existsSync(env)) return path.resolve(env);
  let dir = typeof __dirname === 'string' ? __dirname : process.cwd();
  for (let i = 0; i < 8; i++) {
    const candidate = path.join(dir, 'dictionaries');
    if (fs.existsSync(path.join(candidate, 'schema.json'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

/** 目录下所有 .yaml/.yml（递归，按路径排序）。 */
export function dictionaryFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    // 按码元排序（文件名都是 ASCII）：localeCompare 要先初始化 ICU 排序器，启动时白花十来毫秒
    // 先看类型与扩展名再拼路径：sources/ 里几百份存档原文都不是词典，逐个 path.join 白花两三毫秒
    for (const ent of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (ent.isDirectory()) walk(path.join(d, ent.name));
      else if (/\.ya?ml$/i.test(ent.name)) out.push(path.join(d, ent.name));
    }
  };
  walk(dir);
  return out;
}

export function loadDictionaryFile(file: string, origin: 'builtin' | 'user' = 'user'): { dictionary?: Dictionary; diagnostics: DictionaryDiagnostic[] } {
  let text: string;
  try {
    const buf = readRegularFile(file);
    text = buf.toString('utf8').replace(/^\ufeff/, '');
    if (text.includes('\ufffd') && !buf.toString('latin1').includes('\ufffd'))
      return { diagnostics: [{ file, line: 1, column: 1, offset: 0, length: 0, severity: 'error', code: 'encoding', message: '词典文件不是 UTF-8 编码' }] };
  } catch (e) {
    const err = e as ReadRegularError;
    const message = err.errno === 'ENOENT' ? '词典文件不存在' : `无法读取词典文件：${err.message}`;
    return { diagnostics: [{ file, line: 1, column: 1, offset: 0, length: 0, severity: 'error', code: 'io', message }] };
  }
  // 内容没变时直接用解析缓存（见 glossary-cache.ts）
  const key = cacheKey(file, origin, text);
  const cached = readCache(key, text);
  if (cached) return { dictionary: cached, diagnostics: [] };
  let result: ReturnType<typeof parseDictionary>;
  try {
    result = parseDictionary(text, file, origin);
  } catch (e) {
    // 解析器意外抛出（如栈溢出）：仍是这个文件的错误，不是整个程序的崩溃
    const message = e instanceof RangeError ? '词典文件嵌套过深或过大，无法解析' : `无法解析词典文件：${(e as Error).message}`;
    return { diagnostics: [{ file, line: 1, column: 1, offset: 0, length: 0, severity: 'error', code: 'parse', message }] };
  }
  if (result.dictionary && result.diagnostics.length === 0) writeCache(key, result.dictionary);
  return result;
}

export interface LoadGlossaryOptions {
  /** 额外的用户词典文件，按顺序叠加在默认词表之上。 */
  dictionaries?: readonly string[];
  /** 是否加载默认词表（缺省 true）。 */
  builtin?: boolean;
  /** 默认词表目录（缺省 defaultDictionaryDir()）。 */
  builtinDir?: string;
  /**
   * 没有用户词典时用编译好的默认词表快照（compiled-glossary.ts）：省去合并核对与自动机编译。
   * 命中快照时返回的 dictionaries 为空（只检查文本的调用方用不到它；dict 命令不要开）。
   */
  precompiled?: boolean;
}

/**
 * 默认词表的指纹：词典文件的（stamp）与存档原文的（sources，几百个文件，用到时才 stat）。
 * 编译好的快照只按词典文件起键：存档原文只影响详情段里的来源，读详情时才核对（compiled-glossary.ts）。
 */
function builtinStamp(dir: string): { files: string[]; stamp: string | undefined; sources: () => string | undefined } {
  const files = dictionaryFiles(dir);
  let sources: string | undefined | null = null;
  return { files, stamp: stampOf(files), sources: () => (sources === null ? (sources = stampOf(sourceFiles(path.join(dir, 'sources')))) : sources) };
}

/** 整体快照（词典与存档原文）的指纹：两部分都要。 */
function fullStamp({ stamp, sources }: ReturnType<typeof builtinStamp>): string | undefined {
  const s = sources();
  return stamp !== undefined && s !== undefined ? `${stamp}\0${s}` : undefined;
}

/** 默认词表目录：先看整体快照（builtin-snapshot.ts），没有或过期时逐个文件解析，并在没有诊断时写快照。 */
function loadBuiltin(dir: string, stamped: ReturnType<typeof builtinStamp>): BuiltinContent {
  const { files } = stamped;
  const stamp = fullStamp(stamped);
  const sourcesDir = path.join(dir, 'sources');
  const cached = stamp ? readSnapshot(dir, stamp) : undefined;
  if (cached) return cached;
  const diagnostics: DictionaryDiagnostic[] = [];
  const dictionaries: Dictionary[] = [];
  for (const f of files) {
    const r = loadDictionaryFile(f, 'builtin');
    diagnostics.push(...r.diagnostics);
    if (r.dictionary) dictionaries.push(r.dictionary);
  }
  const sources = loadSourceDocuments([sourcesDir]);
  const content = { dictionaries, sources: sources.documents, diagnostics: [...diagnostics, ...sources.diagnostics] };
  if (stamp) writeSnapshot(dir, stamp, content);
  return content;
}

/**
 * 每用户缓存里还没有编译快照时，用随包的预编译快照（prebuilt.ts；内容对得上才用）：拷进缓存后照常读；
 * 缓存目录不可写（只读的家目录、容器里的无家用户）时直接从内存里读它——存档原文已在内容键里核对过，不必再比指纹。
 */
function fromPrebuilt(dir: string, key: string, stamped: ReturnType<typeof builtinStamp>, check: SourcesCheck): Glossary | undefined {
  const sourcesStamp = stamped.sources();
  if (sourcesStamp === undefined) return undefined;
  const body = readPrebuilt(dir, PREBUILT_GLOSSARY, () => prebuiltGlossaryKey(dir, stamped.files));
  if (!body) return undefined;
  const installed = installCompiled(dir, key, body, sourcesStamp) ? readCompiled(dir, key, check) : undefined;
  return installed ?? readCompiled(dir, '', undefined, () => memoryEntry(body));
}

export function loadGlossary(options: LoadGlossaryOptions = {}): { glossary: Glossary; diagnostics: DictionaryDiagnostic[]; dictionaries: Dictionary[] } {
  const diagnostics: DictionaryDiagnostic[] = [];
  const dicts: Dictionary[] = [];
  // 存档原文：默认词表的 sources/（用户词典的 ref 也指向这里）
  let sources = new Map<string, SourceDocument>();
  let builtinDir: string | undefined;
  if (options.builtin !== false) {
    const dir = (builtinDir = options.builtinDir ?? defaultDictionaryDir());
    if (!dir) {
      diagnostics.push({ file: 'dictionaries', line: 1, column: 1, offset: 0, length: 0, severity: 'error', code: 'no-builtin', message: '找不到默认词表目录 dictionaries/（可用环境变量 TIFA_DICTIONARIES 指定）' });
    } else {
      const stamped = builtinStamp(dir);
      const useCompiled = options.precompiled === true && !(options.dictionaries ?? []).length && stamped.stamp !== undefined;
      const key = useCompiled ? compiledKey(stamped.stamp!) : '';
      // 编译并（没有诊断时）写快照；快照读到了、存档原文却改过时，取详情也走这里
      const compile = () => {
        const builtin = loadBuiltin(dir, stamped);
        const result = createGlossary(builtin.dictionaries, { sources: builtin.sources });
        const sourcesStamp = stamped.sources();
        if (!builtin.diagnostics.length && !result.diagnostics.length && sourcesStamp !== undefined) writeCompiled(dir, key, result.glossary, sourcesStamp);
        return { glossary: result.glossary, diagnostics: [...builtin.diagnostics, ...result.diagnostics], dictionaries: builtin.dictionaries };
      };
      const check = { stamp: stamped.sources, rebuild: () => compile().glossary };
      let compiled = useCompiled ? readCompiled(dir, key, check) : undefined;
      if (!compiled && useCompiled) compiled = fromPrebuilt(dir, key, stamped, check);
      if (compiled) {
        rememberBuiltinDir(compiled, dir);
        return { glossary: compiled, diagnostics: [], dictionaries: [] };
      }
      if (useCompiled) {
        const result = compile();
        rememberBuiltinDir(result.glossary, dir);
        return result;
      }
      const builtin = loadBuiltin(dir, stamped);
      diagnostics.push(...builtin.diagnostics);
      dicts.push(...builtin.dictionaries);
      sources = builtin.sources;
    }
  }
  for (const f of options.dictionaries ?? []) {
    const r = loadDictionaryFile(f, 'user');
    diagnostics.push(...r.diagnostics);
    if (r.dictionary) dicts.push(r.dictionary);
  }
  const { glossary, diagnostics: merged } = createGlossary(dicts, { sources });
  if (builtinDir && !(options.dictionaries ?? []).length) rememberBuiltinDir(glossary, builtinDir);
  return { glossary, diagnostics: [...diagnostics, ...merged, ...fixLoopDiagnostics(glossary, dicts)], dictionaries: dicts };
}

/**
 * 用户词典加入后，替换写法又会被修复的词条（修复不收敛）：报错。只在有用户词典时检查
 * （默认词表由测试保证），位置在用户词典里的词条上；默认词表的词条被用户词典“带坏”时也报在它自己的位置。
 */
function fixLoopDiagnostics(glossary: Glossary, dicts: Dictionary[]): DictionaryDiagnostic[] {
  if (!dicts.some((d) => d.origin === 'user')) return [];
  const out: DictionaryDiagnostic[] = [];
  for (const loop of fixLoops(glossary)) {
    const dict = dicts.find((d) => d.file === loop.entry.file);
    const index = dict ? dict.entries.findIndex((e) => e.id === loop.entry.id) : -1;
    if (!dict || index < 0) continue;
    const pos = dict.locate(['entries', index, ...loop.path]);
    const again = loop.again;
    out.push({
      ...pos,
      severity: 'error',
      code: 'fix-loop',
      message: `替换写法“${loop.target}”修复后仍会被再次修复（其中的“${again.matched}”会改为“${again.fixes.find((f) => f.safe)?.edits[0]?.newText ?? ''}”），--fix 会不停地改：请改用不含要替换写法的写法`,
    });
  }
  return out;
}
