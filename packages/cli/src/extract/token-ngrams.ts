// 由连续几个 jieba 词组成的片段（词 n 元组）：候选只能在词边界上开始和结束，不会切出“级职业”“化职业教育”。
import { isCandidate, isWordToken } from './stop-list';

export interface Token {
  text: string;
  offset: number;
}

export interface Gram {
  text: string;
  count: number;
  firstOffset: number;
  /** 每次出现都紧跟在同一个词之后时是那个词，否则 null（用来判断片段是否总包含在更长的片段里）。 */
  left: string | null;
  right: string | null;
  /** 有一次出现正好是引号里的全部内容（“订单工位制”）。 */
  quoted: boolean;
}

export interface GramLimits {
  maxTokens: number;
  maxChars: number;
}

export const DEFAULT_LIMITS: GramLimits = { maxTokens: 8, maxChars: 20 };

/** 分词并记下每个词的 UTF-16 偏移（分词结果拼起来应等于原文；万一不等，按原文重新定位）。 */
export function tokenize(text: string, cut: (s: string) => string[]): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const t of cut(text)) {
    if (!t) continue;
    const found = text.startsWith(t, at) ? at : text.indexOf(t, at);
    if (found < 0) continue;
    tokens.push({ text: t, offset: found });
    at = found + t.length;
  }
  return tokens;
}

/** 按标点、空白分段：每段是连续的字词。 */
function runs(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [];
  let run: Token[] = [];
  for (const t of tokens) {
    if (isWordToken(t.text) && (run.length === 0 || run[run.length - 1].offset + run[run.length - 1].text.length === t.offset)) run.push(t);
    else {
      if (run.length) out.push(run);
      run = isWordToken(t.text) ? [t] : [];
    }
  }
  if (run.length) out.push(run);
  return out;
}

/** 对每个可作候选的词 n 元组调用 visit（i..j 是段内的词下标，含两端）。 */
function eachGram(tokens: readonly Token[], limits: GramLimits, accept: (words: string[]) => boolean, visit: (run: Token[], i: number, j: number, text: string) => void): void {
  for (const run of runs(tokens)) {
    for (let i = 0; i < run.length; i++) {
      let text = '';
      const words: string[] = [];
      for (let j = i; j < run.length && j - i < limits.maxTokens; j++) {
        text += run[j].text;
        words.push(run[j].text);
        if (text.length > limits.maxChars) break;
        if (accept(words)) visit(run, i, j, text);
      }
    }
  }
}

/** 文本里所有可作候选的词 n 元组及其次数、左右邻词与是否在引号里。 */
export function collectGrams(text: string, tokens: readonly Token[], limits: GramLimits = DEFAULT_LIMITS): Map<string, Gram> {
  const grams = new Map<string, Gram>();
  eachGram(tokens, limits, isCandidate, (run, i, j, s) => {
    const start = run[i].offset;
    const end = run[j].offset + run[j].text.length;
    const left = i > 0 ? run[i - 1].text : null;
    const right = j + 1 < run.length ? run[j + 1].text : null;
    const quoted = text[start - 1] === '“' && text[end] === '”';
    const g = grams.get(s);
    if (!g) {
      grams.set(s, { text: s, count: 1, firstOffset: start, left, right, quoted });
      return;
    }
    g.count++;
    if (g.left !== left) g.left = null;
    if (g.right !== right) g.right = null;
    g.quoted ||= quoted;
  });
  return grams;
}

/** 参照文本（已存官方原文）里这些片段各出现几次（同样按词边界数），以及参照文本的总词数。 */
export function countReference(paragraphs: readonly string[], keys: ReadonlySet<string>, cut: (s: string) => string[], limits: GramLimits = DEFAULT_LIMITS): { counts: Map<string, number>; words: number } {
  const counts = new Map<string, number>();
  let words = 0;
  for (const p of paragraphs) {
    const tokens = tokenize(p, cut);
    for (const t of tokens) if (isWordToken(t.text)) words++;
    // 只数候选集合里的片段，不必再过一遍停用表
    eachGram(tokens, limits, () => true, (_run, _i, _j, s) => {
      if (keys.has(s)) counts.set(s, (counts.get(s) ?? 0) + 1);
    });
  }
  return { counts, words };
}

/** 片段是否总出现在一个更长的候选里（每次左边或右边都是同一个词，且加上这个词仍是候选）。 */
export function isDominated(g: Gram, grams: ReadonlyMap<string, Gram>): boolean {
  return (g.left !== null && grams.has(g.left + g.text)) || (g.right !== null && grams.has(g.text + g.right));
}

export function wordCount(tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) if (isWordToken(t.text)) n++;
  return n;
}
