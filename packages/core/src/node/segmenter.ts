// jieba 分词器（原生模块）。加载失败时返回 null：调用方降级为不做词边界判断，而不是崩溃。
import { createRequire } from 'node:module';
import type { Segmenter } from '../types';
import type { Glossary } from '../glossary/glossary';
import { foldString } from '../text/fold';

declare const __filename: string;
declare const require: NodeJS.Require | undefined;

interface Jieba {
  cut(s: string, hmm?: boolean): string[];
  insertWord(w: string): boolean;
  extract(s: string, n: number): { word: string; weight: number }[];
}

let jieba: Jieba | null | undefined;
let loadError: string | undefined;
const inserted = new Set<string>();

export function loadJieba(): Jieba | null {
  if (jieba !== undefined) return jieba;
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

/** 把词表里的中文写法加为用户词，让术语不被切散。 */
function insertGlossaryWords(j: Jieba, glossary: Glossary): void {
  for (const e of glossary.entries) {
    if (e.kind === 'formulation') continue;
    for (const form of [e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])]) {
      const w = foldString(form);
      if (w.length < 2 || w.length > 12 || !/^[\u4e00-\u9fff]+$/.test(w) || inserted.has(w)) continue;
      inserted.add(w);
      j.insertWord(w);
    }
  }
}

/** 创建分词器。原生模块在这里加载（失败返回 null），词典与用户词在第一次分词时才加载。 */
export function createJiebaSegmenter(glossary?: Glossary): Segmenter | null {
  const j = loadJieba();
  if (!j) return null;
  let ready = false;
  return {
    cut: (s: string) => {
      if (!ready) {
        ready = true;
        if (glossary) insertGlossaryWords(j, glossary);
      }
      return j.cut(s, true);
    },
  };
}

/** 预先加载分词词典（如语言服务器空闲时），之后的第一次分词不再卡顿。 */
export function warmUpSegmenter(segmenter: Segmenter | null): void {
  segmenter?.cut('职业教育');
}
