// 重复片段：连续汉字串里长 3–8 字、出现至少 2 次的子串；去掉以虚词开头/结尾的，
// 以及被更长候选以相同次数包含的（“产教融合型”总跟在“产教融合型企业”里时只留后者）。

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
/** 片段开头或结尾出现这些字，多半是跨词切出来的。 */
const EDGE_CHARS = new Set('的了和与及或并在对把被为以其之是等也都而且则就将于从向由着这那此各每我你他她它们个有要会可');
/** 片段中间出现这些字，多半是句子而非术语。 */
const INNER_CHARS = /[的了着过吗呢吧是]/;

export interface Occurrences {
  text: string;
  count: number;
  firstOffset: number;
}

export interface NgramOptions {
  min?: number;
  max?: number;
  minCount?: number;
}

/** 文本中的连续汉字串及其起点。 */
export function cjkRuns(text: string): { start: number; text: string }[] {
  const runs: { start: number; text: string }[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const isCjk = i < text.length && CJK.test(text[i]);
    if (isCjk && start < 0) start = i;
    else if (!isCjk && start >= 0) {
      runs.push({ start, text: text.slice(start, i) });
      start = -1;
    }
  }
  return runs;
}

/** 所有长度在 [min, max] 的汉字子串的次数（不过滤），供包含关系判断用。 */
export function countNgrams(text: string, min: number, max: number): Map<string, Occurrences> {
  const counts = new Map<string, Occurrences>();
  for (const run of cjkRuns(text)) {
    for (let n = min; n <= max; n++) {
      for (let i = 0; i + n <= run.text.length; i++) {
        const s = run.text.slice(i, i + n);
        const o = counts.get(s);
        if (o) o.count++;
        else counts.set(s, { text: s, count: 1, firstOffset: run.start + i });
      }
    }
  }
  return counts;
}

/**
 * s 是否总出现在某个更长片段里（左右各扩一字、次数相同）。扩出的字是虚词时不算（“的技能工坊”不代表“技能工坊”）。
 */
export function isDominated(s: string, count: number, counts: ReadonlyMap<string, Occurrences>, text: string, firstOffset: number): boolean {
  const before = firstOffset > 0 ? text[firstOffset - 1] : undefined;
  const after = firstOffset + s.length < text.length ? text[firstOffset + s.length] : undefined;
  if (before && !EDGE_CHARS.has(before) && counts.get(before + s)?.count === count) return true;
  if (after && !EDGE_CHARS.has(after) && counts.get(s + after)?.count === count) return true;
  return false;
}

export function repeatedNgrams(text: string, options: NgramOptions = {}): { candidates: Occurrences[]; counts: Map<string, Occurrences> } {
  const min = options.min ?? 3;
  const max = options.max ?? 8;
  const minCount = options.minCount ?? 2;
  // 多数到 max+1，好判断长度为 max 的片段是否被包含；长度 2 的计数给关键词判断包含关系用
  const counts = countNgrams(text, 2, max + 1);
  const candidates: Occurrences[] = [];
  for (const o of counts.values()) {
    const n = o.text.length;
    if (n < min || n > max || o.count < minCount) continue;
    if (EDGE_CHARS.has(o.text[0]) || EDGE_CHARS.has(o.text[n - 1]) || INNER_CHARS.test(o.text)) continue;
    if (isDominated(o.text, o.count, counts, text, o.firstOffset)) continue;
    candidates.push(o);
  }
  return { candidates, counts };
}
