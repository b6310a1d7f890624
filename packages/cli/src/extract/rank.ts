// 候选词排序：新文件里按 jieba 词边界取的片段（过停用表），去掉词表已知的写法与总包含在更长片段里的，
// 按关键度排序：新文件对已存官方原文的平滑对数比，只留对数似然比显著的（见 keyness.ts）。纯函数（分词器由调用方给），便于测试。
import { contextLine } from './context-line';
import { logLikelihood, logRatio, SIGNIFICANT } from './keyness';
import { collectGrams, countReference, isDominated, tokenize, wordCount, type Gram } from './token-ngrams';

export interface Candidate {
  text: string;
  /** 在新文件里的次数。 */
  count: number;
  /** 在已存官方原文里的次数（按同样的词边界数）。 */
  officialCount: number;
  /** 排序用的关键度：平滑对数比 log2（新文件相对频率 ÷ 官方原文相对频率），保留两位小数。 */
  score: number;
  /** 对数似然比 G²（显著性），保留两位小数。 */
  g2: number;
  /** 出现在引号里（“订单工位制”）。 */
  quoted: boolean;
  /** 第一次出现处的那句话。 */
  context: string;
  firstOffset: number;
}

export interface RankInput {
  text: string;
  /** 分词（jieba）：候选只能在它给出的词边界上开始和结束。 */
  cut(s: string): string[];
  /** 参照文本：已存官方原文的段落。 */
  reference: readonly string[];
  /** 词表是否已经收录这个写法（Glossary.byForm）。 */
  isKnown(form: string): boolean;
  /** 词表里的全部写法：被两个以上已知写法包含的片段是构词成分（“职业”“建设”），不是新术语。 */
  knownForms?: readonly string[];
  /** 至少出现几次（引号里的短语出现一次也算）。 */
  minCount?: number;
}

export interface RankResult {
  candidates: Candidate[];
  /** 新文件与参照文本的词数（报告用）。 */
  words: number;
  referenceWords: number;
}

function containedInAtLeast(s: string, forms: readonly string[], n: number): boolean {
  let hits = 0;
  for (const f of forms) if (f.length > s.length && f.includes(s) && ++hits >= n) return true;
  return false;
}

function keep(g: Gram, grams: ReadonlyMap<string, Gram>, input: RankInput, minCount: number): boolean {
  // 两字词多是泛用词；引号里的短语例外（“金课”）
  if (g.quoted ? g.text.length < 2 : g.text.length < 3 || g.count < minCount) return false;
  if (isDominated(g, grams) || input.isKnown(g.text)) return false;
  return g.quoted || !containedInAtLeast(g.text, input.knownForms ?? [], 2);
}

export function rankCandidates(input: RankInput): RankResult {
  const { text } = input;
  const tokens = tokenize(text, input.cut);
  const grams = collectGrams(text, tokens);
  const kept = [...grams.values()].filter((g) => keep(g, grams, input, Math.max(1, input.minCount ?? 2)));
  const reference = countReference(input.reference, new Set(kept.map((g) => g.text)), input.cut);
  const words = wordCount(tokens);

  const out: Candidate[] = [];
  for (const g of kept) {
    const officialCount = reference.counts.get(g.text) ?? 0;
    // 没有参照文本时只能按次数排
    const g2 = reference.words > 0 ? logLikelihood(g.count, words, officialCount, reference.words) : 0;
    if (reference.words > 0 && g2 < SIGNIFICANT) continue;
    const score = reference.words > 0 ? logRatio(g.count, words, officialCount, reference.words) : g.count;
    out.push({
      text: g.text,
      count: g.count,
      officialCount,
      score: Math.round(score * 100) / 100,
      g2: Math.round(g2 * 100) / 100,
      quoted: g.quoted,
      firstOffset: g.firstOffset,
      context: contextLine(text, g.firstOffset, g.text.length),
    });
  }
  out.sort((a, b) => b.score - a.score || b.g2 - a.g2 || b.count - a.count || b.text.length - a.text.length || a.firstOffset - b.firstOffset);
  return { candidates: out, words, referenceWords: reference.words };
}
