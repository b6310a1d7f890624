// misquote：固定提法的近似误引。同一句里锚点够多时才比对：
// 1) 逐项比对：项相同但语序不同、错一项（形近）、漏一项（≥4 项）；
// 2) 逐字比对（半全局编辑距离）：换字、漏字，差异 ≤ 约 20%。
// 逐字引用正确、或只共用一两项的句子不报。
import type { Finding } from '../types';
import type { Formulation } from '../glossary/compile';
import { commonEnds } from '../text/common-ends';
import { editDistance } from '../text/edit-distance';
import { isItemSeparatorCode, isSoftSeparatorCode as isSoftSepCode } from '../text/separators';
import { makeFinding } from './finding';
import { severityFor } from './severity';
import { contextAllows, inBookTitle, normalizeDate } from './context';
import type { RuleEnv } from './term-rules';
import { applyQuoteSemantics, insidePunctuationVariant, onlyFunctionWordsDiffer, punctuationOnly, quoteContext } from './quote-semantics';
import { firstFormEndingAfter } from '../scan';
import type { Glossary } from '../glossary/glossary';
import { foldString } from '../text/fold';

interface Segment {
  s: number; // 句内偏移
  e: number;
  text: string;
}

const FULL_STOP = '。'.charCodeAt(0);
const BANG = '!'.charCodeAt(0);
const QUESTION = '?'.charCodeAt(0);
const NEWLINE = '\n'.charCodeAt(0);

function segments(sentence: string): Segment[] {
  const out: Segment[] = [];
  let start = -1;
  for (let i = 0; i <= sentence.length; i++) {
    const c = sentence.charCodeAt(i);
    const end = i === sentence.length || isItemSeparatorCode(c) || c === FULL_STOP || c === BANG || c === QUESTION || c === NEWLINE;
    if (end) {
      if (start >= 0) out.push({ s: start, e: i, text: sentence.slice(start, i) });
      start = -1;
    } else if (start < 0) start = i;
  }
  return out;
}

interface Verdict {
  /** distinct：逐项对得上位置，但有一项是另一项（otherItem）：另一个列举，不再逐字比对。 */
  kind: 'exact' | 'order' | 'substitute' | 'missing' | 'chars' | 'distinct';
  s: number;
  e: number;
  detail: string;
  /** 逐字比对的差异（字数，标点算半个）；别的比对为 0。 */
  cost: number;
}

/** 判定对象一律带全五个字段、同样的次序（对象形状只有一种）。 */
const verdictOf = (kind: Verdict['kind'], s: number, e: number, detail = '', cost = 0): Verdict => ({ kind, s, e, detail, cost });

interface Core {
  s: number;
  e: number;
  text: string;
  d: number;
  /** 两字项的一字之差：只在其余各项原样在位时可信。 */
  weak?: boolean;
}

/**
 * 第 k 段与第 j 项比对用的“核心”及其编辑距离。首段可带前文、末段可带后文：按项长（±1、+2）截取，取距离最小的。
 * 首段截口不可信时（首字不同、差得多、又不是等长截在词边界上）不取，否则截下来的是前文里的别的词（“培养一批技术技能人才”）。
 */
function core(seg: Segment, item: string, first: boolean, last: boolean, boundaryAt: (pos: number) => boolean): Core {
  const whole = (s: number, e: number): Core => {
    const text = seg.text.slice(s - seg.s, e - seg.s);
    const d = Math.abs(text.length - item.length) > 1 ? Infinity : text === item ? 0 : editDistance(text, item);
    return { s, e, text, d };
  };
  // 两字的项（教育、科技、人才）差一个字就是别的词了：只有整段恰是两字、其余各项都原样在位时才算形近（weak）
  if (item.length <= 2) {
    if (seg.text === item) return { s: seg.s, e: seg.e, text: item, d: 0 };
    if (first && seg.text.endsWith(item)) return { s: seg.e - item.length, e: seg.e, text: item, d: 0 };
    if (last && seg.text.startsWith(item)) return { s: seg.s, e: seg.s + item.length, text: item, d: 0 };
    const c = first && seg.text.length > 2 ? { s: seg.e - 2, e: seg.e } : last && seg.text.length > 2 ? { s: seg.s, e: seg.s + 2 } : { s: seg.s, e: seg.e };
    const text = seg.text.slice(c.s - seg.s, c.e - seg.s);
    if (text.length === item.length && editDistance(text, item) === 1) return { ...c, text, d: 1, weak: true };
    return { s: seg.s, e: seg.e, text: seg.text, d: Infinity };
  }
  // 快速排除：项里过半的字在这一段里都找不到，怎么截也不会形近
  if (sharedChars(seg.text, item) * 2 < item.length) return { s: seg.s, e: seg.e, text: seg.text, d: Infinity };
  if (seg.text.length <= item.length || !(first || last)) return whole(seg.s, seg.e);
  if (first && seg.text.endsWith(item)) return { s: seg.e - item.length, e: seg.e, text: item, d: 0 };
  if (last && seg.text.startsWith(item)) return { s: seg.s, e: seg.s + item.length, text: item, d: 0 };
  let best: Core = { s: seg.s, e: seg.e, text: seg.text, d: Infinity };
  for (const len of [item.length, item.length - 1, item.length + 1, item.length + 2]) {
    if (len > seg.text.length || len < 1) continue;
    const c = first ? { s: seg.e - len, e: seg.e } : { s: seg.s, e: seg.s + len };
    const text = seg.text.slice(c.s - seg.s, c.e - seg.s);
    const d = editDistance(text, item);
    // 不比已有的好就不必再问截口（词边界要分词，是这里最贵的一步）
    if (d >= best.d) continue;
    // 截口处首字相同，或差得很少，或等长且截在词边界上，才可信
    if (first && text[0] !== item[0] && d > near(item.length) && !(len === item.length && boundaryAt(c.s))) continue;
    best = { s: c.s, e: c.e, text, d };
  }
  return best;
}

// 段里出现过的字：按码元打上当次的记号（不为每个字建单字字符串再 includes，那是这里的分配大头）
const seenStamp = new Int32Array(0x10000);
let stamp = 0;

/** item 里有几个字（代理对算一个字）在 text 里出现过。 */
function sharedChars(text: string, item: string): number {
  if (++stamp > 0x3fffffff) {
    seenStamp.fill(0);
    stamp = 1;
  }
  for (let i = 0; i < text.length; i++) seenStamp[text.charCodeAt(i)] = stamp;
  let shared = 0;
  for (let i = 0; i < item.length; i++) {
    const c = item.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && (item.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      // 代理对少见：照原样整字查
      if (text.includes(item.slice(i, i + 2))) shared++;
      i++;
    } else if (seenStamp[c] === stamp) shared++;
  }
  return shared;
}

/** core(seg, item, first, last).text === item 的快速判断（core 在这三种情况下原样取到该项，别的情况取不到）。 */
function exactCore(seg: Segment, item: string, first: boolean, last: boolean): boolean {
  return seg.text === item || (first && seg.text.endsWith(item)) || (last && seg.text.startsWith(item));
}

const near = (len: number) => Math.max(1, Math.floor(len / 4));
const similarLimit = (len: number) => Math.floor(len / 2);

/**
 * 各项共有的开头与结尾（“技能成才、技能报国”的“技能”，“教育强国、科技强国、人才强国”的“强国”）：平行列举的共同语素。
 * 区分各项的只是其余的部分。某项的其余部分整个换成了别的字（技能报国→技能就业），而列举在窗口外还接着同样的语素
 * （“技能就业、技能成才、技能增收”）：那是另一个更长的列举，不是误引。列举一样长的（“三教”写成教师、教材、教学）
 * 仍按误引比对：光看字面分不出是另一个列举还是记错了一项。
 */
interface SharedAffix {
  prefix: string;
  suffix: string;
}
/** 各串共有的结尾有几个字（不超过 limit(串) 个）。 */
function commonSuffixLength(strs: string[], limit = (s: string) => s.length): number {
  let q = 0;
  while (strs.every((it) => q < limit(it) && it[it.length - 1 - q] === strs[0][strs[0].length - 1 - q])) q++;
  return q;
}

const affixes = new WeakMap<string[], SharedAffix>();
function sharedAffix(items: string[]): SharedAffix {
  let a = affixes.get(items);
  if (!a) {
    let p = 0;
    while (items.every((it) => p < it.length && it[p] === items[0][p])) p++;
    const q = commonSuffixLength(items, (it) => it.length - p);
    // 共同部分占满了某一项（“发展、高质量发展”）时不算
    const ok = items.every((it) => it.length - p - q >= 1);
    a = ok ? { prefix: items[0].slice(0, p), suffix: q ? items[0].slice(-q) : '' } : { prefix: '', suffix: '' };
    affixes.set(items, a);
  }
  return a;
}

/** 写出的这一项带着各项共同的语素，而区分各项的部分与原项一个字也对不上：是另一项。 */
function otherItem(written: string, item: string, affix: SharedAffix): boolean {
  const { prefix, suffix } = affix;
  if (!prefix && !suffix) return false;
  if (!written.startsWith(prefix) || !written.endsWith(suffix) || written.length < prefix.length + suffix.length + 1) return false;
  const w = written.slice(prefix.length, written.length - suffix.length);
  const i = item.slice(prefix.length, item.length - suffix.length);
  return editDistance(w, i) >= Math.max(w.length, i.length);
}

/**
 * 末项带着整个列举的中心语（“知识型、技能型、创新型劳动者大军”的“劳动者大军”，“……终身化的教育体系”）：
 * 逐项比对时把中心语从末项切下来，各项才一样长、才能互相比对（否则“知识型、创新型、技能型劳动者大军”的调序
 * 对不上任何一项）。切分的条件：前几项有共同的结尾（型、化、强国），末项里这个结尾之前的部分与别的项差不多长，
 * 之后还剩两个字以上。切下的中心语在文中原样紧跟末项时才用切分的比对；否则照旧整项比对
 * （“……协同发展”对“……协同创新”仍是误引，“创新型人才队伍”与“创新型劳动者大军”差得多，不算）。
 */
interface HeadSplit {
  items: string[];
  tail: string;
}
const headSplits = new WeakMap<string[], HeadSplit>();
function headSplit(items: string[]): HeadSplit {
  let h = headSplits.get(items);
  if (!h) {
    h = { items, tail: '' };
    const others = items.slice(0, -1);
    const last = items[items.length - 1];
    if (others.length >= 2) {
      const q = commonSuffixLength(others);
      const lens = others.map((it) => it.length);
      const at = q ? last.indexOf(others[0].slice(-q)) : -1;
      const head = at >= 0 ? last.slice(0, at + q) : '';
      if (head && head.length >= Math.min(...lens) - 1 && head.length <= Math.max(...lens) + 1 && last.length - head.length >= 2) {
        h = { items: [...others, head], tail: last.slice(head.length) };
      } else {
        // 前几项是等长的并列修饰语、末项是“修饰语 + 的 + 中心语”（师德高尚、业务精湛、结构合理、充满活力的高素质专业化教师队伍）：
        // 在“的”处切下中心语
        const de = last.indexOf('的');
        if (lens.every((l) => l === de) && last.length - de >= 4) h = { items: [...others, last.slice(0, de)], tail: last.slice(de) };
      }
    }
    headSplits.set(items, h);
  }
  return h;
}

/**
 * sentence 在 at 处接着的是中心语 tail 加上或换掉了整词（“……的高素质专业化创新型教师队伍”“……的高素质‘双师型’教师队伍”）：
 * 作者说的是另一支队伍，不是把中心语记错了。以 tail 的末两字为终点找写出的中心语；不同的那段前后都要是词边界，
 * 换掉的字与原字又没有一个相同（差一两个字的错字不算）。
 */
function elaboratedTail(sentence: string, at: number, tail: string, boundaryAt: (pos: number) => boolean): boolean {
  const end = tail.slice(-2);
  const stop = sentence.indexOf(end, at + Math.max(0, tail.length - 4));
  if (stop < 0 || stop + 2 - at > tail.length + 8) return false;
  const written = sentence.slice(at, stop + 2);
  const { prefix: p, suffix: q } = commonEnds(written, tail);
  const mid = written.slice(p, written.length - q);
  const old = tail.slice(p, tail.length - q);
  if (mid.length < 2 || !boundaryAt(at + p) || !boundaryAt(at + written.length - q)) return false;
  return [...old].every((c) => !mid.includes(c));
}

/** sentence 在 at 处接着的文字与中心语 tail 形近（长度 ±2 内编辑距离不超过一半）吗。 */
function nearTail(sentence: string, at: number, tail: string): boolean {
  for (let len = Math.max(1, tail.length - 2); len <= tail.length + 2; len++) {
    if (at + len > sentence.length) break;
    if (editDistance(sentence.slice(at, at + len), tail) <= similarLimit(tail.length)) return true;
  }
  return false;
}

/** 窗口 segs[i, i+n) 前一段的末尾或后一段的开头也带着各项共同的语素：平行列举比提法长。 */
/** 单字的共同部分（教师、教材、教法的“教”）太常见，算不上列举的语素：至少两个字才算。 */
const isMorpheme = (part: string): boolean => part.length >= 2;
const hasMorpheme = (affix: SharedAffix): boolean => isMorpheme(affix.prefix) || isMorpheme(affix.suffix);

function listContinues(segs: Segment[], i: number, n: number, affix: SharedAffix): boolean {
  const { prefix, suffix } = affix;
  const reach = 6;
  const prev = segs[i - 1]?.text;
  const next = segs[i + n]?.text;
  if (isMorpheme(prefix)) {
    if (next?.startsWith(prefix)) return true;
    if (prev && prev.slice(-reach - prefix.length).includes(prefix)) return true;
  }
  if (isMorpheme(suffix)) {
    if (prev?.endsWith(suffix)) return true;
    if (next && next.slice(0, reach + suffix.length).includes(suffix)) return true;
  }
  return false;
}

/** 最优指派（各段对各项，编辑距离之和最小）；项数不多时穷举，多时按位置。 */
function bestAssignment(cost: number[][]): number[] {
  const n = cost.length;
  const identity = cost.map((_, k) => k);
  if (n > 7) {
    // 项多时贪心：每段取尚未用过的最近一项
    const used = new Set<number>();
    return cost.map((row) => {
      let bestJ = -1;
      for (let j = 0; j < n; j++) if (!used.has(j) && (bestJ < 0 || row[j] < row[bestJ])) bestJ = j;
      used.add(bestJ);
      return bestJ;
    });
  }
  let best = identity;
  let bestCost = identity.reduce((a, k) => a + cost[k][k], 0);
  const perm: number[] = [];
  const used = new Array<boolean>(n).fill(false);
  const dfs = (k: number, acc: number) => {
    if (acc >= bestCost) return;
    if (k === n) {
      best = [...perm];
      bestCost = acc;
      return;
    }
    for (let j = 0; j < n; j++) {
      if (used[j] || cost[k][j] === Infinity) continue;
      used[j] = true;
      perm.push(j);
      dfs(k + 1, acc + cost[k][j]);
      perm.pop();
      used[j] = false;
    }
  };
  dfs(0, 0);
  return best;
}

function sameChars(a: string[], b: string[]): boolean {
  const key = (xs: string[]) => [...xs.join('')].sort().join('');
  return a.join('').length === b.join('').length && key(a) === key(b);
}

function itemVerdict(segs: Segment[], items: string[], boundaryAt: (pos: number) => boolean): Verdict | null {
  const n = items.length;
  if (n < 2) return null;
  let best: Verdict | null = null;
  let distinct: Verdict | null = null;
  const affix = sharedAffix(items);
  // 每段对每项的比对只与段在窗口里的位置（首/中/末）有关：缓存起来，窗口滑动时不重算
  const memo = new Map<number, Core>();
  const coreOf = (segIndex: number, j: number, first: boolean, last: boolean): Core => {
    const key = (segIndex * n + j) * 4 + (first ? 1 : 0) + (last ? 2 : 0);
    let c = memo.get(key);
    if (!c) memo.set(key, (c = core(segs[segIndex], items[j], first, last, boundaryAt)));
    return c;
  };
  // 窗口里有一段跟哪一项都不近（编辑距离超过该项的一半），怎么指派都有一项对不上（下面的 other > 0）：
  // 先查这一条，中段（只比长度）在前、首末段（要算编辑距离）在后，绝大多数窗口在这里就排除了
  const rowOrder = n > 2 ? [...Array.from({ length: n - 2 }, (_, k) => k + 1), 0, n - 1] : [0, 1];
  const feasible = (i: number): boolean => {
    for (const k of rowOrder) {
      let ok = false;
      for (let j = 0; j < n && !ok; j++) ok = coreOf(i + k, j, k === 0, k === n - 1).d <= similarLimit(items[j].length);
      if (!ok) return false;
    }
    return true;
  };
  for (let i = 0; i + n <= segs.length; i++) {
    if (!feasible(i)) continue;
    const win = segs.slice(i, i + n);
    const cores = win.map((_, k) => items.map((_, j) => coreOf(i + k, j, k === 0, k === n - 1)));
    const cost = cores.map((row) => row.map((c) => c.d));
    const assign = bestAssignment(cost);
    let exact = 0;
    let nearCount = 0;
    let simCount = 0;
    let ones = 0;
    let other = 0;
    let distinctItems = 0;
    const diffs: string[] = [];
    assign.forEach((j, k) => {
      const d = cost[k][j];
      const len = items[j].length;
      if (d > 0 && d !== Infinity && otherItem(cores[k][j].text, items[j], affix)) distinctItems++;
      if (d === 0) exact++;
      else if (d <= near(len)) nearCount++;
      else if (d <= similarLimit(len)) simCount++;
      else other++;
      if (d === 1) ones++;
      if (d > 0 && d !== Infinity) diffs.push(`“${cores[k][j].text}”应为“${items[j]}”`);
    });
    if (other > 0) continue;
    // 有一项是另一项，而且列举在窗口外还接着同样的语素（“技能就业、技能成才、技能增收”）：是另一个更长的列举。
    // 记下，逐字比对也不必再做（差的正是那一项的字）
    if (distinctItems > 0 && listContinues(segs, i, n, affix)) {
      distinct ??= verdictOf('distinct', cores[0][assign[0]].s, cores[n - 1][assign[n - 1]].e);
      continue;
    }
    const inPlace = assign.every((j, k) => j === k);
    if (assign.some((j, k) => cores[k][j].weak) && !(inPlace && exact === n - 1)) continue;
    const span = { s: cores[0][assign[0]].s, e: cores[n - 1][assign[n - 1]].e };
    if (exact === n) {
      if (inPlace) return verdictOf('exact', span.s, span.e);
      best ??= verdictOf('order', span.s, span.e, '语序有误');
      continue;
    }
    // 换了字或词：其余项都对得上；至少一项原样（或每项只差一个字），形近而非整项不同的最多一项。
    // 两项的提法又换了位置（“牢记使命、不忘初衷”）：原样的只剩一项、还不在原位，是另一个说法，不是误引——
    // 除非两项共用语素（“技能就业、技能成才”）：照着同一个平行格式写，仍是这条提法记错了
    // 换了位置、不原样的项又只是在原项前后加了字（“……科教融汇、产教融合，推进职普融通”）：作者用这几个词写自己的句子，
    // 各项带着自己的动词，不是在引这条列举
    if (!inPlace && assign.every((j, k) => cost[k][j] === 0 || cores[k][j].text.includes(items[j]))) continue;
    const plausible = simCount <= 1 && (exact >= 1 || (simCount === 0 && ones === n)) && (inPlace || n > 2 || hasMorpheme(affix));
    if (plausible) best ??= verdictOf('substitute', span.s, span.e, (inPlace ? '' : '语序有误；') + diffs.join('，'));
    // 项内词语互换（高水平/高质量对调）：各项字数相同、用字合起来一样
    else if (sameChars(assign.map((j, k) => cores[k][j].text), items)) best ??= verdictOf('order', span.s, span.e, '项内词语错位；' + diffs.join('，'));
  }
  if (best) return best;
  if (distinct) return distinct;
  // 漏一项：≥4 项的提法，连续 n-1 段按序对上 n-1 项
  if (n >= 4) {
    for (let miss = 0; miss < n; miss++) {
      const rest = items.filter((_, j) => j !== miss);
      for (let i = 0; i + n - 1 <= segs.length; i++) {
        // 只问“各段是否原样是这一项”：与 core() 取到原文的条件相同（整段相同，首段以它结尾，末段以它开头），不必算编辑距离
        let all = true;
        for (let k = 0; k < n - 1 && all; k++) all = exactCore(segs[i + k], rest[k], k === 0, k === n - 2);
        if (all) {
          // 后面紧跟的就是漏掉的那一项时不算漏（那是完整引用的一部分）
          const next = segs[i + n - 1];
          if (next && next.text.startsWith(items[miss])) continue;
          const first = segs[i];
          const last = segs[i + n - 2];
          const s = first.text === rest[0] ? first.s : first.e - rest[0].length;
          const e = last.text === rest[n - 2] ? last.e : last.s + rest[n - 2].length;
          return verdictOf('missing', s, e, `漏了“${items[miss]}”`);
        }
      }
    }
  }
  return null;
}

/**
 * 半全局编辑距离（提法整体对句中任一片段）。代价×2：字的增删改 2，标点的增删 1，标点互换 0。
 * 按码元比（不为每个格子取单字字符串），每行的最小值只增不减：超过容许的差异就提前放弃。
 */
function charVerdict(sentence: string, target: string, extraChars = 0): Verdict | null {
  const m = target.length;
  let chars = 0;
  for (let i = 0; i < m; i++) if (!isSoftSepCode(target.charCodeAt(i))) chars++;
  if (chars < 6) return null;
  const limit = 2 * (Math.max(1, Math.floor(chars * 0.2)) + extraChars);
  const w = Math.min(sentence.length, 600);
  const sc = scratch(w);
  const { code, sep } = sc;
  for (let j = 0; j < w; j++) {
    const c = sentence.charCodeAt(j);
    code[j] = c;
    sep[j] = isSoftSepCode(c) ? 1 : 0;
  }
  let { prev, prevStart, cur, curStart } = sc;
  for (let j = 0; j <= w; j++) {
    prev[j] = 0;
    prevStart[j] = j;
  }
  for (let i = 1; i <= m; i++) {
    const f = target.charCodeAt(i - 1);
    const fSep = isSoftSepCode(f);
    const costF = fSep ? 1 : 2;
    cur[0] = prev[0]! + costF;
    curStart[0] = 0;
    let rowMin = cur[0]!;
    for (let j = 1; j <= w; j++) {
      const t = code[j - 1]!;
      const tSep = sep[j - 1]!;
      let v = prev[j - 1]! + (f === t || (fSep && tSep) ? 0 : 2);
      let st = prevStart[j - 1]!;
      const del = prev[j]! + costF;
      if (del < v) {
        v = del;
        st = prevStart[j]!;
      }
      const ins = cur[j - 1]! + (tSep ? 1 : 2);
      if (ins < v) {
        v = ins;
        st = curStart[j - 1]!;
      }
      cur[j] = v;
      curStart[j] = st;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return null;
    const p = prev;
    prev = cur;
    cur = p;
    const ps = prevStart;
    prevStart = curStart;
    curStart = ps;
  }
  let bestJ = -1;
  let best = Infinity;
  for (let j = 1; j <= w; j++) {
    if (prev[j]! < best) {
      best = prev[j]!;
      bestJ = j;
    }
  }
  if (bestJ < 0 || best > limit) return null;
  let s = prevStart[bestJ]!;
  let e = bestJ;
  // 去掉两端的标点
  while (s < e && sep[s]) s++;
  while (e > s && sep[e - 1]) e--;
  if (best < 2) return verdictOf('exact', s, e);
  return verdictOf('chars', s, e, '', best / 2);
}

// 逐字比对的工作数组：按需加长，整个进程复用（比对在同一线程里逐个进行）
let work = { code: new Uint16Array(0), sep: new Uint8Array(0), prev: new Int32Array(0), prevStart: new Int32Array(0), cur: new Int32Array(0), curStart: new Int32Array(0) };
function scratch(w: number): typeof work {
  if (work.code.length < w + 1) {
    const n = Math.max(w + 1, 64);
    work = { code: new Uint16Array(n), sep: new Uint8Array(n), prev: new Int32Array(n), prevStart: new Int32Array(n), cur: new Int32Array(n), curStart: new Int32Array(n) };
  }
  return work;
}

// 句子的字频：用一张 65536 长的计数表，只清掉用过的格子（同一句连续比对多条提法时复用）
const counts = new Int32Array(0x10000);
const countedChars: number[] = [];
let countsFor: string | undefined;

function charCounts(sentence: string): Int32Array {
  if (sentence !== countsFor) {
    for (const c of countedChars) counts[c] = 0;
    countedChars.length = 0;
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charCodeAt(i);
      if (counts[c]++ === 0) countedChars.push(c);
    }
    countsFor = sentence;
  }
  return counts;
}

/**
 * 多项提法的逐字命中两头必须与原文相同：先找“首字…末字”、长度差不多的片段，只在它们覆盖的范围里做动态规划；
 * 找不到就不必比。
 */
function anchoredWindow(sentence: string, t: string, slackChars: number): { s: number; e: number } | null {
  const head = t[0];
  const tail = t[t.length - 1];
  const minLen = t.length - slackChars - 2;
  const maxLen = t.length + slackChars + 2;
  let s = -1;
  let e = -1;
  for (let i = sentence.indexOf(head); i >= 0; i = sentence.indexOf(head, i + 1)) {
    for (let j = sentence.indexOf(tail, i + Math.max(0, minLen - 1)); j >= 0 && j - i + 1 <= maxLen; j = sentence.indexOf(tail, j + 1)) {
      if (s < 0) s = i;
      e = Math.max(e, j + 1);
    }
  }
  return s < 0 ? null : { s, e };
}

/**
 * 引号恰好括住的整段引语：两头由引号定下（不必像句中逐字比对那样猜片段的起止），整段对提法比，可多容一个字的差异。
 * 逐字比对出的片段须覆盖引号里的全部文字（两头的标点除外），否则引号里是别的话、只带着提法的一部分。
 */
function quotedVerdict(sentence: string, f: Formulation): Verdict | null {
  for (let open = sentence.indexOf('“'); open >= 0; open = sentence.indexOf('“', open + 1)) {
    const close = sentence.indexOf('”', open + 1);
    if (close < 0) break;
    let s = open + 1;
    let e = close;
    while (s < e && isSoftSepCode(sentence.charCodeAt(s))) s++;
    while (e > s && isSoftSepCode(sentence.charCodeAt(e - 1))) e--;
    const inner = sentence.slice(s, e);
    for (const t of f.texts) {
      if (Math.abs(inner.length - t.length) > f.slackChars + 2) continue;
      const v = charVerdict(inner, t, 1);
      if (v && v.s === 0 && v.e === inner.length) return verdictOf(v.kind, v.s + s, v.e + s, v.detail, v.cost);
    }
  }
  return null;
}

let segmentsFor: string | undefined;
let segs: Segment[] = [];
function segmentsOf(sentence: string): Segment[] {
  if (sentence !== segmentsFor) {
    segs = segments(sentence);
    segmentsFor = sentence;
  }
  return segs;
}

// 提法的字频表摊平成 [字, 次数, 字, 次数…]：每句要对几条提法各查一遍，遍历 Map 的迭代器在这里是热点
const charNeeds = new WeakMap<Formulation, Int32Array>();
function missingChars(f: Formulation, have: Int32Array): number {
  let needs = charNeeds.get(f);
  if (!needs) {
    needs = new Int32Array(f.charCounts.size * 2);
    let k = 0;
    for (const [ch, need] of f.charCounts) {
      needs[k++] = ch.charCodeAt(0);
      needs[k++] = need;
    }
    charNeeds.set(f, needs);
  }
  let missing = 0;
  for (let k = 0; k < needs.length; k += 2) {
    const short = needs[k + 1] - have[needs[k]];
    if (short > 0) missing += short;
  }
  return missing;
}

/**
 * 一句对一条提法的判定：逐项比对，不成再逐字比对，再看引号括住的整段引语；null 表示不像这条提法。
 */
function sentenceVerdict(env: RuleEnv, f: Formulation, sentence: string, sentStart: number): Verdict | null {
  // 粗筛：提法里有多少字在句中根本找不到（按次数算）。每个找不到的字至少要一次编辑，超过可容忍的差异就不必细比
  const missing = missingChars(f, charCounts(sentence));
  // 句中有引号时，引号括住的整段引语可多容一个字（quotedVerdict）
  const charSlack = f.slackChars + (sentence.includes('“') ? 1 : 0);
  if (missing > f.slackItems && missing > charSlack) return null;
  // 逐项比对要么至少有一项原样出现，要么每项只差一个字（至多 n 个字对不上）；两字的项至多一项不原样出现
  const shortAbsent = f.items.filter((it) => it.length <= 2 && !sentence.includes(it)).length;
  const itemsPossible =
    missing <= f.slackItems &&
    shortAbsent <= 1 &&
    (missing <= f.items.length || f.items.some((it) => sentence.includes(it)));
  const boundaryAt = (pos: number) => env.boundary.isBoundary(sentStart + pos);
  const split = headSplit(f.items);
  let verdict = itemsPossible ? itemVerdict(segmentsOf(sentence), split.items, boundaryAt) : null;
  if (split.tail) {
    // 中心语原样紧跟在末项之后：判定的区间包括它。各项原样、中心语整个换了（“……创新型产业工人大军”）：另一个说法，不比。
    // 否则照不切分的各项比对（中心语里的错字由末项的比对发现：“……协同发展”对“……协同创新”）
    if (verdict && sentence.startsWith(split.tail, verdict.e)) verdict = verdictOf(verdict.kind, verdict.s, verdict.e + split.tail.length, verdict.detail, verdict.cost);
    else if (verdict?.kind === 'exact' && (!nearTail(sentence, verdict.e, split.tail) || elaboratedTail(sentence, verdict.e, split.tail, boundaryAt))) return null;
    else verdict = itemsPossible ? itemVerdict(segmentsOf(sentence), f.items, boundaryAt) : null;
  }
  if (verdict?.kind === 'distinct') return null;
  if (!verdict && missing <= f.slackChars) {
    for (const t of f.texts) {
      const win = f.items.length > 1 ? anchoredWindow(sentence, t, f.slackChars) : { s: 0, e: sentence.length };
      if (!win) continue;
      let v = charVerdict(sentence.slice(win.s, win.e), t);
      if (v) v = verdictOf(v.kind, v.s + win.s, v.e + win.s, v.detail, v.cost);
      // 多项的提法，逐字比对出的片段两头都要与原文对上（一头对上即可的话，前文的字会被算进来）；单句引语一头对上即可
      if (v && v.kind === 'chars') {
        const got = sentence.slice(v.s, v.e);
        const head = got[0] === t[0];
        const tail = got[got.length - 1] === t[t.length - 1];
        if (f.items.length > 1 ? !(head && tail) : !(head || tail)) v = null;
      }
      if (v && (!verdict || v.kind === 'exact')) verdict = v;
      if (v?.kind === 'exact') break;
    }
  }
  if (!verdict && missing <= charSlack && charSlack > f.slackChars) verdict = quotedVerdict(sentence, f);
  return verdict;
}

/**
 * 写出的片段比原文只多一段连续的字，这段字又落在句中一个现行术语的写法里、且那个写法还带着原文的字
 * （“职业教育体系”前加“现代”，成了现行术语“现代职业教育体系”）：作者换用了一个更具体的规范说法，不是误引。
 * 引号里的引语不适用（调用处判断）。
 */
function insertionCompletesTerm(scan: RuleEnv['scan'], s: number, e: number, texts: string[]): boolean {
  const written = scan.p.norm.slice(s, e);
  for (const t of texts) {
    const extra = written.length - t.length;
    if (extra <= 0) continue;
    const { prefix: p, suffix: q } = commonEnds(written, t);
    if (p + q !== t.length) continue;
    const a = s + p;
    const b = a + extra;
    const forms = scan.forms;
    for (let k = firstFormEndingAfter(forms, a); k < forms.length && forms[k].s <= a; k++) {
      const m = forms[k];
      const entry = m.ref.entry;
      if (b <= m.e && m.e - m.s > extra && entry.kind !== 'formulation' && entry.status === 'current' && m.ref.kind !== 'discouraged') return true;
    }
  }
  return false;
}

/**
 * 句中有词条规则会报的过时写法或不规范写法（“普职融通”），换成规范写法以后就是这条提法的原文：错处已由
 * outdated-term / variant 报出并带了修复，不再报一次误引（那样的误引片段还会截在词中间：“职融通、产教融合……”）。
 */
function exactAfterTermFixes(env: RuleEnv, f: Formulation, sentence: string, sentStart: number): boolean {
  const sentEnd = sentStart + sentence.length;
  let fixed = sentence;
  let changed = false;
  const forms = env.scan.forms;
  const first = firstFormEndingAfter(forms, sentStart);
  let last = first;
  while (last < forms.length && forms[last].e <= sentEnd) last++;
  // 从后往前换，前面的偏移不变
  for (let i = last - 1; i >= first; i--) {
    const m = forms[i];
    if (m.s < sentStart) break;
    const entry = m.ref.entry;
    if (entry.kind === 'formulation') continue;
    const to = entry.status === 'outdated' ? entry.replacement?.terms?.[0] : m.ref.kind === 'discouraged' ? entry.term : undefined;
    if (!to) continue;
    fixed = fixed.slice(0, m.s - sentStart) + to + fixed.slice(m.e - sentStart);
    changed = true;
  }
  return changed && sentenceVerdict(env, f, fixed, sentStart)?.kind === 'exact';
}

/** 逐字差异超过这么多字、又不在引号里的整句引语，看作转述而不是误引。 */
const PARAPHRASE_CHARS = 4;

/**
 * 各项原样、按序都在，项与项之间只是换成了一两个字的连接词（“强化教育对科技和人才的支撑作用”）：那是另一种句子结构，
 * 不是列举写错了。只差标点的由 punctuationOnly 判断；这里要求每个间隔里至少有一个不是分隔符的字。
 */
function itemsLinkedByWords(written: string, items: readonly string[]): boolean {
  if (items.length < 2 || !written.startsWith(items[0]!) || !written.endsWith(items[items.length - 1]!)) return false;
  let at = items[0]!.length;
  let worded = false;
  for (let j = 1; j < items.length; j++) {
    const next = written.indexOf(items[j]!, at);
    if (next < 0 || next - at > 3) return false;
    for (let k = at; k < next; k++) if (!isSoftSepCode(written.charCodeAt(k))) worded = true;
    at = next + items[j]!.length;
  }
  return worded && at === written.length;
}

/**
 * 判断句（“技能人才是支撑中国制造、中国创造的重要力量”）的“是”以后原样写出，只是主语换成了另一个词
 * （“技术工人队伍是……”：与原主语差一个字以上，原主语的字大半不在其中）：那是对另一个主语的同一判断，不是误引。
 * 主语只差一个字（“技术人才”）、是原主语的调序或扩写（“科技、教育、人才”“科学技术”）照旧报。
 */
function otherSubject(written: string, texts: readonly string[]): boolean {
  for (const t of texts) {
    const k = t.indexOf('是');
    if (k <= 0) continue;
    const predicate = t.slice(k);
    if (!written.endsWith(predicate)) continue;
    const subject = written.slice(0, written.length - predicate.length);
    const original = t.slice(0, k);
    if (subject !== original && editDistance(subject, original) > near(original.length) && sharedChars(subject, original) * 2 < original.length) return true;
  }
  return false;
}

/** part 是词表里另一个现行词条的规范写法（term 或 variants；误写不算，同一词条的别称也不算）。 */
function otherCurrentTerm(glossary: Glossary, part: string, item: string): boolean {
  const e = glossary.byForm(part);
  if (!e || e.status !== 'current') return false;
  const key = foldString(part);
  if (![e.term, ...(e.variants ?? [])].some((form) => foldString(form) === key)) return false;
  return e !== glossary.byForm(item);
}

/**
 * 各项共用语素的列举（“教育强国、科技强国、人才强国”的“强国”），写出的项数相同，凡与提法不同的项都是同一语素的、
 * 词表里另一个现行术语（“教育强国、文化强国和人才强国”）：那是同一类正式目标的另一组列举，不是误引。
 * 不共用语素的提法（换成“共同富裕”的“……协调发展、共同繁荣”）、换上的不是词表术语（“技能就业”“教学”）、
 * 只是调换了提法自己的项（语序有误），照旧报。
 */
function listOfOtherTerms(glossary: Glossary, written: string, items: string[]): boolean {
  const affix = sharedAffix(items);
  if (!hasMorpheme(affix)) return false;
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i <= written.length; i++) {
    if (i < written.length && !isSoftSepCode(written.charCodeAt(i))) continue;
    if (i > start) parts.push(written.slice(start, i));
    start = i + 1;
  }
  if (parts.length !== items.length) return false;
  let other = 0;
  for (let j = 0; j < items.length; j++) {
    const part = parts[j]!;
    if (part === items[j]) continue;
    if (items.includes(part) || !part.startsWith(affix.prefix) || !part.endsWith(affix.suffix) || !otherCurrentTerm(glossary, part, items[j]!)) return false;
    other++;
  }
  return other > 0;
}

const CLAUSE_MARK = /[,;:，；：]/;
const ANY_SEPARATOR = /[,;:，；：、]/;

/**
 * 写出的片段与原文只在中间一段不同，这段里有逗号、分号（与每种官方写法比都是如此，原文同一位置没有任何标点）：后半是另起的分句
 * （“教育强国、科技强国、人才强国建设为牵引，推进……”对“……建设一体统筹推进”），是借用列举写别的句子，不是误引。
 */
function clauseBreakInChange(written: string, texts: readonly string[]): boolean {
  return texts.every((t) => {
    const { prefix: p, suffix: q } = commonEnds(written, t);
    return CLAUSE_MARK.test(written.slice(p, written.length - q)) && !ANY_SEPARATOR.test(t.slice(p, t.length - q));
  });
}

// 列举里各项前面的动词（坚持、推进……）
const LEADING_VERBS = new Set(['坚持', '推进', '推动', '深化', '加强', '强化', '促进', '实施', '完善', '健全', '落实', '加快', '持续', '大力', '着力', '深入']);

/**
 * 与某种官方写法只差一个两字动词，而这个动词在原文里是反复出现的引领词（“坚持……，坚持……”）：
 * “……，推进工学结合、知行合一”是作者自己的行文，引号外不报。只出现一次的动词（健全新型举国体制）是提法本身，照报。
 */
function verbSwapOnly(written: string, texts: readonly string[]): boolean {
  return texts.some((t) => {
    const { prefix: p, suffix: q } = commonEnds(written, t);
    const mid = written.slice(p, written.length - q);
    const old = t.slice(p, t.length - q);
    return LEADING_VERBS.has(mid) && LEADING_VERBS.has(old) && t.indexOf(old) !== t.lastIndexOf(old);
  });
}

/** 提法的写法（term 与 variants）里与 written 编辑距离最小的一种，原样返回（持平时取 term）。f.texts 是折叠后的同序写法。 */
function closestText(written: string, f: Formulation): string {
  const forms = [f.entry.term, ...(f.entry.variants ?? [])];
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < f.texts.length && forms.length > 1; i++) {
    const d = editDistance(written, f.texts[i]!);
    if (d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return forms[best] ?? f.entry.term;
}

export function misquoteRule(env: RuleEnv): Finding[] {
  const { scan, options } = env;
  const out: Finding[] = [];
  // 句中已有本提法的原文或已知误写（后者由 term-rules 报）时不再比对；别的提法的原文所在区间也不报
  // 句首位置 → 句中已有原文（或已知误写）的提法 id
  const covered = new Map<number, string[]>();
  const exactSpans: { s: number; e: number; id: string }[] = [];
  for (const m of scan.forms) {
    if (m.ref.entry.kind !== 'formulation') continue;
    const start = scan.sentences.sentenceAt(m.s).start;
    const ids = covered.get(start);
    if (ids) ids.push(m.ref.entry.id);
    else covered.set(start, [m.ref.entry.id]);
    if (m.ref.kind !== 'discouraged') exactSpans.push({ s: m.s, e: m.e, id: m.ref.entry.id });
  }
  // 句首位置 → 句中有候选的提法（判断近似命中是不是落在别的提法只差标点的原文里）；只在有近似命中时才建
  let inSentence: Map<number, Formulation[]> | undefined;
  const formulationsIn = (start: number): Formulation[] => {
    if (!inSentence) {
      inSentence = new Map();
      for (const c of scan.candidates) {
        const g: Formulation = scan.matcher.formulations[c.formulation];
        const list = inSentence.get(c.start);
        if (!list) inSentence.set(c.start, [g]);
        else if (!list.includes(g)) list.push(g);
      }
    }
    return inSentence.get(start) ?? [];
  };
  const picked: { s: number; e: number; quality: number; finding: Finding }[] = [];
  {
    for (const c of scan.candidates) {
      const f: Formulation = scan.matcher.formulations[c.formulation];
      if (covered.get(c.start)?.includes(f.entry.id)) continue;
      // 文档日期早于提法提出的日期：那时还没有这条提法，谈不上误引
      if (f.entry.since && normalizeDate(f.entry.since) > env.asOf) continue;
      const severity = severityFor('misquote', f.entry, options);
      if (!severity) continue;
      const sent = { start: c.start, end: c.end };
      const sentence = scan.sentences.text(sent.start, sent.end);
      const verdict = sentenceVerdict(env, f, sentence, sent.start);
      if (!verdict || verdict.kind === 'exact') continue;
      if (exactAfterTermFixes(env, f, sentence, sent.start)) continue;
      // 只差标点或各项连写（教育科技人才体制机制）：正确的引用或复合用法
      if (punctuationOnly(sentence, f.texts)) continue;
      const s = sent.start + verdict.s;
      const e = sent.start + verdict.e;
      if (inBookTitle(scan.p.norm, sent.start, sent.end, s, e)) continue;
      const written = scan.p.norm.slice(s, e);
      if (itemsLinkedByWords(written, f.items) || listOfOtherTerms(env.glossary, written, f.items)) continue;
      if (otherSubject(written, f.texts) || clauseBreakInChange(written, f.texts)) continue;
      if (!contextAllows(f.entry, scan.sentences, scan.p.norm, s, e)) continue;
      if (!env.allowed(f.entry.id, written)) continue;
      // 落在别的提法的原文之内的近似命中不算（那是另一条提法的正确引用）
      if (exactSpans.some((x) => x.s <= s && e <= x.e)) continue;
      if (formulationsIn(c.start).some((g) => g !== f && insidePunctuationVariant(sentence, written, g.texts))) continue;
      const quote = quoteContext(scan.p.norm, s, e);
      // 引号外、从结构助词起头的片段（“……‘低人一等’的教育，而是与普通教育具有……”）是作者自己的句子借了提法的后半，不是引用
      if (!quote.quoted && written.startsWith('的') && !f.texts.some((t) => t.startsWith('的'))) continue;
      if (!quote.quoted && (insertionCompletesTerm(scan, s, e, f.texts) || f.texts.some((t) => onlyFunctionWordsDiffer(written, t)) || verbSwapOnly(written, f.texts))) continue;
      const detail = verdict.detail ? `（${verdict.detail}）` : '';
      // 提法有几种官方写法时，给出与所写最接近的那一种（2019 年方案的写法不必改成 2022 年法律的写法）
      const original = closestText(written, f);
      const message = `固定提法引用有误${detail}，原文为“${original}”`;
      const quality = (verdict.kind === 'chars' ? 0 : 1000) + f.entry.term.length;
      // 整句引语（单项提法）逐字比对出的差异，不在引号里又不自称引用的，是转述
      // （差四个字以上算转述，差一两个字是误写）
      const paraphrase = verdict.kind === 'chars' && f.items.length === 1 && verdict.cost > PARAPHRASE_CHARS;
      const finding = applyQuoteSemantics(
        makeFinding(scan, s, e, 'misquote', f.entry, severity, message, [original]),
        quote,
        paraphrase,
        f.entry.quotation === 'claimed',
      );
      if (finding) picked.push({ s, e, quality, finding });
    }
  }
  // 重叠的近似命中只留最可信的一个（逐项比对优先，其次更长的提法）
  picked.sort((a, b) => b.quality - a.quality);
  for (const p of picked) if (!out.some((o) => o.offset < p.finding.offset + p.finding.length && p.finding.offset < o.offset + o.length)) out.push(p.finding);
  return out;
}

