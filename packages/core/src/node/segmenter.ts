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
    jieba = req('nodejieba') as Jieba;
    jieba.cut('职业教育');
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

/** 创建分词器，并把词表里的中文写法加为用户词，让术语不被切散。 */
export function createJiebaSegmenter(glossary?: Glossary): Segmenter | null {
  const j = loadJieba();
  if (!j) return null;
  if (glossary) {
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
  return { cut: (s: string) => j.cut(s, true) };
}
