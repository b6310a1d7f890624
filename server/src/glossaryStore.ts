// 词表缓存：按“用户词典列表”编译一次（含分词器），词典文件变化时重载；
// 用户词典有错时报到该 YAML 文件里，并继续用上一份好的词表。
import path from 'node:path';
import type { DictionaryDiagnostic, Glossary, Segmenter } from '@tifa/core';
import type { RuntimeEnvironment } from './runtime';
import type { Logger } from './runner';

export interface GlossaryState {
  key: string;
  dictionaries: readonly string[];
  glossary: Glossary;
  segmenter: Segmenter | null;
  /** 每次换了词表都不同，用于判断分析缓存是否过期。 */
  generation: number;
  /** 最近一次加载的问题（可能来自被拒绝的新版本）。 */
  diagnostics: readonly DictionaryDiagnostic[];
  loadedAt: number;
}

export interface GlossaryHooks {
  log: Logger;
  /** 把某个用户词典文件的问题发给客户端（空数组 = 清除）。 */
  publishDictionaryProblems(file: string, problems: readonly DictionaryDiagnostic[]): void;
  /** 分词器加载失败（只会调用一次）。 */
  segmenterMissing(): void;
  /** 有新的词典组合被加载（要监视的文件可能变了）。 */
  loaded(state: GlossaryState): void;
}

const MAX_STATES = 8;
let generationCounter = 0;

export interface GlossaryStore {
  get(dictionaries: readonly string[]): GlossaryState;
  /** 这些文件变了：重载用到它们的词表。返回是否有词表真的换了。 */
  reloadFiles(files: readonly string[]): boolean;
  /** 所有在用的用户词典文件（用于监视）。 */
  files(): string[];
  states(): GlossaryState[];
}

export function createGlossaryStore(runtime: RuntimeEnvironment, hooks: GlossaryHooks): GlossaryStore {
  const states = new Map<string, GlossaryState>();
  const reportedFiles = new Set<string>();
  let segmenterReported = false;

  function load(dictionaries: readonly string[], previous: GlossaryState | undefined): GlossaryState {
    const started = Date.now();
    let loaded: ReturnType<RuntimeEnvironment['loadGlossary']>;
    try {
      loaded = runtime.loadGlossary([...dictionaries]);
    } catch (err) {
      // 运行环境已经把单个坏词典变成诊断；还抛出来的是意外：有上一份就继续用。
      if (!previous) throw err;
      hooks.log.error(`加载词表失败，继续使用上一份词表：${err instanceof Error ? err.message : String(err)}`);
      return previous;
    }
    const { glossary, diagnostics } = loaded;
    const userFiles = new Set(dictionaries.map((f) => path.resolve(f)));
    const inUserFile = (d: DictionaryDiagnostic) => userFiles.has(path.resolve(d.file));
    for (const file of dictionaries) {
      const problems = diagnostics.filter((d) => path.resolve(d.file) === path.resolve(file));
      if (problems.length > 0 || reportedFiles.has(file)) hooks.publishDictionaryProblems(file, problems);
      if (problems.length > 0) reportedFiles.add(file);
      else reportedFiles.delete(file);
    }
    for (const d of diagnostics) {
      if (!inUserFile(d)) hooks.log.error(`默认词表问题 ${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
    }
    const broken = diagnostics.some((d) => d.severity === 'error' && inUserFile(d));
    if (broken && previous) {
      hooks.log.warn(`用户词典有错误，继续使用上一份词表（${previous.glossary.entries.length} 条）。`);
      return { ...previous, diagnostics };
    }
    const segmenter = createSegmenter(glossary);
    const state: GlossaryState = {
      key: keyOf(dictionaries),
      dictionaries: [...dictionaries],
      glossary,
      segmenter,
      generation: ++generationCounter,
      diagnostics,
      loadedAt: Date.now(),
    };
    hooks.log.info(`词表已加载：${glossary.entries.length} 条，版本 ${glossary.version}，用户词典 ${dictionaries.length} 个，分词器${segmenter ? '可用' : '不可用'}，用时 ${Date.now() - started} ms。`);
    return state;
  }

  function createSegmenter(glossary: Glossary): Segmenter | null {
    let segmenter: Segmenter | null = null;
    try {
      segmenter = runtime.createSegmenter(glossary);
    } catch (err) {
      hooks.log.error(`分词器初始化失败：${err instanceof Error ? err.message : String(err)}`);
    }
    if (!segmenter && !segmenterReported) {
      segmenterReported = true;
      hooks.segmenterMissing();
    }
    return segmenter;
  }

  function remember(state: GlossaryState): GlossaryState {
    states.delete(state.key);
    states.set(state.key, state);
    while (states.size > MAX_STATES) states.delete(states.keys().next().value as string);
    return state;
  }

  return {
    get(dictionaries) {
      const key = keyOf(dictionaries);
      const cached = states.get(key);
      if (cached) return remember(cached);
      const state = remember(load(dictionaries, undefined));
      hooks.loaded(state);
      return state;
    },
    reloadFiles(files) {
      const changed = new Set(files.map((f) => path.resolve(f)));
      let replaced = false;
      for (const state of [...states.values()]) {
        if (!state.dictionaries.some((f) => changed.has(path.resolve(f)))) continue;
        const next = load(state.dictionaries, state);
        if (next.generation !== state.generation) replaced = true;
        remember(next);
      }
      return replaced;
    },
    files() {
      return [...new Set([...states.values()].flatMap((s) => s.dictionaries))];
    },
    states() {
      return [...states.values()];
    },
  };
}

function keyOf(dictionaries: readonly string[]): string {
  return JSON.stringify(dictionaries);
}
