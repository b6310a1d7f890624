// 每个线程按“用户词典组合”缓存词表与分词器：一组词典只加载一次。
import type { DictionaryDiagnostic, Glossary, Segmenter } from '@tifa/core';
import { createJiebaSegmenter, loadGlossary } from '@tifa/core/node';

export interface LoadedGlossary {
  glossary: Glossary;
  diagnostics: readonly DictionaryDiagnostic[];
  segmenter: Segmenter;
}

const cache = new Map<string, LoadedGlossary>();

/**
 * 分词器延迟创建：加载 jieba 要一秒多，只有真正需要判断词边界时才加载。
 * jieba 无法加载时按单字切分，等于不做词边界判断（与核心的降级行为一致）。
 */
function lazySegmenter(glossary: Glossary): Segmenter {
  let real: Segmenter | null | undefined;
  return {
    cut(sentence: string): string[] {
      if (real === undefined) real = createJiebaSegmenter(glossary);
      return real ? real.cut(sentence) : Array.from(sentence);
    },
  };
}

export function glossaryFor(dictionaries: readonly string[]): LoadedGlossary {
  const key = JSON.stringify(dictionaries);
  let loaded = cache.get(key);
  if (!loaded) {
    const { glossary, diagnostics } = loadGlossary({ dictionaries: [...dictionaries], precompiled: true });
    loaded = { glossary, diagnostics, segmenter: lazySegmenter(glossary) };
    cache.set(key, loaded);
  }
  return loaded;
}
