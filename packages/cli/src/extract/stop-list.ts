// 候选词过滤：按 jieba 词（token）判断。停用表（套话、政策动词、量词短语）在 packages/cli/data/extract-stop-list.json，
// 这里另外去掉数字、标点组成的片段。
import data from '../../data/extract-stop-list.json';

interface StopList {
  boilerplate: string[];
  leading: string[];
  trailing: string[];
  edge: string[];
  inner: string[];
}

const list = data as unknown as StopList;
const BOILERPLATE = new Set(list.boilerplate);
const LEADING = new Set([...list.leading, ...list.edge]);
const TRAILING = new Set([...list.trailing, ...list.edge]);
const INNER = new Set(list.inner);

const HAN = /\p{Script=Han}/u;
/** 含阿拉伯数字的词（2028、50、5G）：不作候选的首尾。 */
const DIGITS = /[0-9０-９]/;
/** 数词 + 量词（一个、两千个、三年、第二批）：不作候选的首尾。 */
const COUNTED = /^第?[零〇一二两三四五六七八九十百千万亿]+[个所名项条家次年月日批类种位余多元人届期轮场份]$/;
/** 只有数字、数词、量词、标点的词。 */
const NUMERIC = /^[\p{N}\p{P}\p{S}\s零〇一二两三四五六七八九十百千万亿第个所名项条家次年月日批类种位余多元人届期轮场份]+$/u;

/** jieba 切出的这个词是不是字词（汉字、字母、数字）；标点与空白把文本分成段，候选不跨段。 */
export function isWordToken(token: string): boolean {
  return /[\p{L}\p{N}]/u.test(token);
}

/** 由连续几个 jieba 词组成的片段能否作为候选（不查次数、不查词表）。 */
export function isCandidate(tokens: readonly string[]): boolean {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (LEADING.has(first) || TRAILING.has(last)) return false;
  if (DIGITS.test(first) || DIGITS.test(last) || COUNTED.test(first) || COUNTED.test(last)) return false;
  if (tokens.every((t) => NUMERIC.test(t))) return false;
  if (!tokens.some((t) => HAN.test(t))) return false;
  for (let i = 1; i < tokens.length - 1; i++) if (INNER.has(tokens[i])) return false;
  // 套话出现在任何位置（按词对齐）都不是术语
  for (let i = 0; i < tokens.length; i++) {
    let s = '';
    for (let j = i; j < tokens.length; j++) {
      s += tokens[j];
      if (BOILERPLATE.has(s)) return false;
    }
  }
  return true;
}
