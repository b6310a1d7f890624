// 候选词的词条 id：按词切分后每个词的拼音连写、词与词之间用连字符（如 chanjiao-ronghe-xing-qiye），
// 符合 schema 的 ^[a-z0-9]+(-[a-z0-9]+)*$。
import { pinyin } from 'pinyin-pro';

export function termId(term: string, cut: (s: string) => string[] = (s) => [s]): string {
  const words = cut(term)
    .map((w) =>
      pinyin(w, { toneType: 'none', type: 'array', v: true })
        .join('')
        .toLowerCase()
        .replace(/[^a-z0-9]/g, ''),
    )
    .filter(Boolean);
  return words.join('-') || 'todo';
}

/** 在一批 id 里保持唯一：重复的加 -2、-3…… */
export function uniqueIds(ids: readonly string[], taken: (id: string) => boolean = () => false): string[] {
  const used = new Set<string>();
  return ids.map((id) => {
    let candidate = id;
    for (let n = 2; used.has(candidate) || taken(candidate); n++) candidate = `${id}-${n}`;
    used.add(candidate);
    return candidate;
  });
}
