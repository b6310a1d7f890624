// 候选词排序：合并关键词（TF-IDF）、重复片段与引号短语，去掉词表已知的写法，按得分排序。纯函数，便于测试。
import { contextLine } from './context-line';
import { isDominated, repeatedNgrams, type NgramOptions } from './ngrams';
import { quotedPhrases } from './quoted';

export type CandidateSource = 'keyword' | 'ngram' | 'quoted';

export interface Candidate {
  text: string;
  count: number;
  score: number;
  sources: CandidateSource[];
  /** 第一次出现处的那句话。 */
  context: string;
  firstOffset: number;
}

export interface RankInput {
  text: string;
  /** jieba extract 的结果（可为空：原生模块不可用时）。 */
  keywords: readonly { word: string; weight: number }[];
  /** 词表是否已经收录这个写法（Glossary.byForm）。 */
  isKnown(form: string): boolean;
  /** 词表里的全部写法：被两个以上已知写法包含的片段是构词成分（“职业”“建设”），不是新术语。 */
  knownForms?: readonly string[];
  ngram?: NgramOptions;
}

function countOccurrences(text: string, s: string): { count: number; first: number } {
  let count = 0;
  let first = -1;
  for (let i = text.indexOf(s); i >= 0; i = text.indexOf(s, i + s.length)) {
    if (first < 0) first = i;
    count++;
  }
  return { count, first };
}

const SOURCE_BOOST: Record<CandidateSource, number> = { keyword: 1.5, ngram: 1, quoted: 2 };

/** 两字词多是泛用词，权重压低；长片段封顶，避免整句压过术语。 */
function lengthWeight(n: number): number {
  return n <= 2 ? 0.5 : Math.min(n, 8);
}

function containedInAtLeast(s: string, forms: readonly string[], n: number): boolean {
  let hits = 0;
  for (const f of forms) if (f.length > s.length && f.includes(s) && ++hits >= n) return true;
  return false;
}

export function rankCandidates(input: RankInput): Candidate[] {
  const { text } = input;
  const { candidates: ngrams, counts } = repeatedNgrams(text, input.ngram);
  const merged = new Map<string, Omit<Candidate, 'score' | 'context'> & { weight: number }>();
  const add = (s: string, count: number, firstOffset: number, source: CandidateSource, weight = 0) => {
    const found = merged.get(s);
    if (found) {
      if (!found.sources.includes(source)) found.sources.push(source);
      found.weight = Math.max(found.weight, weight);
      return;
    }
    merged.set(s, { text: s, count, firstOffset, sources: [source], weight });
  };

  for (const n of ngrams) add(n.text, n.count, n.firstOffset, 'ngram');
  for (const q of quotedPhrases(text)) {
    const { count, first } = countOccurrences(text, q.text);
    add(q.text, count, first, 'quoted');
  }
  const maxWeight = Math.max(1e-9, ...input.keywords.map((k) => k.weight));
  for (const k of input.keywords) {
    const word = k.word.trim();
    if (word.length < 2 || !/^[\u3400-\u9fff]+$/.test(word)) continue;
    const { count, first } = countOccurrences(text, word);
    // 两字关键词只在反复出现时才算
    if (count === 0 || (word.length === 2 && count < 3)) continue;
    // 关键词总出现在更长的重复片段里时，由那个片段代表
    if (count >= 2 && isDominated(word, count, counts, text, first) && !merged.has(word)) continue;
    add(word, count, first, 'keyword', k.weight / maxWeight);
  }

  const out: Candidate[] = [];
  const knownForms = input.knownForms ?? [];
  for (const c of merged.values()) {
    if (input.isKnown(c.text)) continue;
    if (!c.sources.includes('quoted') && containedInAtLeast(c.text, knownForms, 2)) continue;
    const boost = c.sources.reduce((b, s) => b * SOURCE_BOOST[s], 1);
    const score = Math.round((c.count * lengthWeight(c.text.length) * boost + c.weight * 4) * 100) / 100;
    out.push({
      text: c.text,
      count: c.count,
      score,
      sources: c.sources,
      firstOffset: c.firstOffset,
      context: contextLine(text, c.firstOffset, c.text.length),
    });
  }
  return out.sort((a, b) => b.score - a.score || b.count - a.count || a.firstOffset - b.firstOffset);
}
