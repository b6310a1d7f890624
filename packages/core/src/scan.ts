// 一次扫描：规范化 → 自动机 → 写法命中（最长优先、互不重叠）与固定提法锚点（按句分组）。
import type { CompiledMatcher, FormRef } from './glossary/compile';
import type { Glossary } from './glossary/glossary';
import { foldKeepCase } from './text/fold';
import { prepare, type Prepared } from './text/normalize';
import { Sentences } from './text/sentences';
import { anchorPlan } from './anchor-plan';
import { lowerBound, shortPlan, type ShortSide } from './short-plan';
import { lookAlike } from './text/look-alike';
import { patternRoles, ROLE_ANCHOR, ROLE_FORM, ROLE_NAME, ROLE_SHORT_PREFIX, ROLE_SHORT_SUFFIX, ROLE_SOLE_FORM } from './pattern-roles';

export interface FormMatch {
  /** norm 中的区间。 */
  s: number;
  e: number;
  ref: FormRef;
  /** 写法与词表只差大小写（如 1+x 对 1+X）。 */
  caseDiffers: boolean;
}

export interface Scan {
  p: Prepared;
  sentences: Sentences;
  matcher: CompiledMatcher;
  forms: FormMatch[];
  /** 锚点足够多、值得做近似比对的（句子，固定提法）对。 */
  candidates: { start: number; end: number; formulation: number }[];
  /** 长名称前三字的命中（名称原样出现的、长度 ±2 字内找不到末三字的除外）：可能是名称的误写，留给 name-near-miss 判断。 */
  nameHits: { s: number; name: number }[];
  /**
   * 与某个短名称等长、只差一个同音、近音或形近字的片段（起点，短名称下标，不同的字在片段里的位置）：可能是拼音输入的错字，
   * 留给 short-name-typo 判断词边界等。同一片段可能由头两字、末两字各记一次。
   */
  shortHits: { s: number; name: number; at: number }[];
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function scan(text: string, glossary: Glossary, language: 'markdown' | 'plaintext', frontMatter = true): Scan {
  const p = prepare(text, language, frontMatter);
  const sentences = new Sentences(p.norm);
  const matcher = glossary.matcher;
  const raw: { s: number; e: number; pattern: number }[] = [];
  // 锚点按句累计：固定提法下标 → 命中锚点的位掩码
  const candidates: Scan['candidates'] = [];
  const work = scratchFor(matcher);
  const masks = work.masks;
  const touched: number[] = [];
  const { eagerStart, eagerFormulation, eagerBit, lazyStart, lazyPattern, lazyBit, need } = anchorPlan(matcher);
  // 本句已出现的锚点模式（同一句里重复出现的“发展”“教育”只记一次：位掩码的结果相同；句末查 lazy 锚点也看它）
  const seenIn = work.seenIn;
  let sentenceNo = work.sentenceNo;
  let cur = { start: 0, end: -1 };
  const flush = () => {
    for (let t = 0; t < touched.length; t++) {
      const fi = touched[t];
      let mask = masks[fi];
      masks[fi] = 0;
      const l0 = lazyStart[fi];
      const l1 = lazyStart[fi + 1];
      const want = need[fi];
      let have = popcount(mask);
      if (have + (l1 - l0) < want) continue;
      // 逐个补上本句出现过的 lazy 锚点：够数就停；剩下的全算上也不够就放弃（每个 lazy 锚点至多添一位）
      for (let l = l0; l < l1 && have < want; l++) {
        if (seenIn[lazyPattern[l]] === sentenceNo) {
          if ((mask & lazyBit[l]) === 0) {
            mask |= lazyBit[l];
            have++;
          }
        } else if (have + (l1 - l - 1) < want) break;
      }
      if (have >= want) candidates.push({ start: cur.start, end: cur.end, formulation: fi });
    }
    touched.length = 0;
  };
  const nameHits: Scan['nameHits'] = [];
  const shortHits: Scan['shortHits'] = [];
  const norm = p.norm;
  const short = shortPlan(matcher);
  /** 一侧的候选里，比对位置上的字与文中相同的，逐个细比（两个位置都相同的只比一次）。 */
  const shortCandidates = (side: ShortSide, pattern: number, end: number, offA: number, offB: number, suffix: boolean) => {
    const lo = side.start[pattern];
    const hi = side.start[pattern + 1];
    const cA = end + offA >= 0 ? norm.charCodeAt(end + offA) : -1;
    const cB = end + offB >= 0 ? norm.charCodeAt(end + offB) : -1;
    for (let k = lowerBound(side.keyA, lo, hi, cA); k < hi && side.keyA[k] === cA; k++) shortCheck(side.nameA[k], end, suffix);
    for (let k = lowerBound(side.keyB, lo, hi, cB); k < hi && side.keyB[k] === cB; k++) {
      const name = side.nameB[k];
      const form = matcher.shortNames[name].form;
      // 第一个位置也对得上的，上一轮已比过
      if (form.charCodeAt(suffix ? form.length - 3 : 2) !== cA) shortCheck(name, end, suffix);
    }
  };
  const shortCheck = (name: number, end: number, suffix: boolean) => {
    const form = matcher.shortNames[name].form;
    const s = suffix ? end - form.length : end - 2;
    if (s < 0) return;
    const at = oneCharOff(norm, s, form);
    if (at >= 0 && lookAlike(norm.charCodeAt(s + at), form.charCodeAt(at))) shortHits.push({ s, name, at });
  };
  const { roles, lengths } = patternRoles(matcher);
  matcher.ac.scan(norm, (pattern, end) => {
    const role = roles[pattern];
    const len = lengths[pattern];
    if (role & ROLE_FORM) raw.push({ s: end - len, e: end, pattern });
    if (role & ROLE_NAME) {
      // 热路径：按下标循环，不用迭代器
      const names = matcher.nameAnchors[pattern];
      // 名称原样出现（绝大多数命中）时 name-near-miss 必定跳过：不必记下
      for (let k = 0; k < names.length; k++) if (nearMissPossible(norm, end - len, matcher.names[names[k]].form)) nameHits.push({ s: end - len, name: names[k] });
    }
    // 短名称的头两字或末两字：同长的片段只差一个同音、近音或形近字时记下（候选按字二分查找，见 short-plan.ts）
    if (role & ROLE_SHORT_PREFIX) shortCandidates(short.prefix, pattern, end, 0, 1, false);
    if (role & ROLE_SHORT_SUFFIX) shortCandidates(short.suffix, pattern, end, -3, -4, true);
    if (!(role & ROLE_ANCHOR)) return;
    const pos = end - len;
    if (pos < cur.start || pos >= cur.end) {
      const sent = sentences.sentenceAt(pos);
      if (sent.start !== cur.start || sent.end !== cur.end) {
        flush();
        cur = sent;
        sentenceNo++;
      }
    }
    if (seenIn[pattern] === sentenceNo) return;
    seenIn[pattern] = sentenceNo;
    for (let k = eagerStart[pattern]; k < eagerStart[pattern + 1]; k++) {
      const fi = eagerFormulation[k];
      if (masks[fi] === 0) touched.push(fi);
      masks[fi] |= eagerBit[k];
    }
  });
  flush();
  work.sentenceNo = sentenceNo;
  work.busy = false;
  // 最左最长、互不重叠
  raw.sort((a, b) => a.s - b.s || b.e - a.e);
  const forms: FormMatch[] = [];
  let lastEnd = 0;
  for (const m of raw) {
    if (m.s < lastEnd) continue;
    lastEnd = m.e;
    const refs = matcher.forms[m.pattern];
    forms.push(roles[m.pattern] & ROLE_SOLE_FORM ? { s: m.s, e: m.e, ref: refs[0], caseDiffers: false } : pickRef(p, m.s, m.e, refs));
  }
  return { p, sentences, matcher, forms, candidates, nameHits, shortHits };
}

/**
 * 扫描用的工作数组，每个匹配器一份、反复使用：按块检查时（语言服务器）一篇文档要扫上千次，每次新建、填充几千格的数组
 * 是按块检查的主要固定开销。掩码在每句结束时清零（flush）；句号跨扫描只增不减，所以 seenIn 不必重新填充。
 * 上一次没有正常结束（busy 仍为真）时另建一份。
 */
interface ScanScratch {
  masks: Int32Array;
  seenIn: Int32Array;
  sentenceNo: number;
  busy: boolean;
}
const scratchCache = new WeakMap<CompiledMatcher, ScanScratch>();
function scratchFor(matcher: CompiledMatcher): ScanScratch {
  let w = scratchCache.get(matcher);
  if (!w || w.busy || w.sentenceNo > 0x3fffffff) {
    w = { masks: new Int32Array(anchorPlan(matcher).need.length), seenIn: new Int32Array(matcher.forms.length).fill(-1), sentenceNo: 0, busy: false };
    scratchCache.set(matcher, w);
  }
  w.busy = true;
  return w;
}

/** 长名称 form 的近似写法可能在 e 处结束吗：末三字在这里（rules/name-near-miss.ts 逐个长度核对的同一条件）。 */
/** forms 按位置排序且互不重叠（终点也有序）：第一个终点在 pos 之后的命中的下标（没有则为 forms.length）。 */
export function firstFormEndingAfter(forms: FormMatch[], pos: number): number {
  let lo = 0;
  let hi = forms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (forms[mid].e <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function nameMayEndAt(norm: string, e: number, form: string): boolean {
  return e <= norm.length && norm.charCodeAt(e - 1) === form.charCodeAt(form.length - 1) && norm.startsWith(form.slice(-3), e - 3);
}

/**
 * 开头三字在 s 处命中的长名称，可能是它的近似误写吗：不是原样出现，且在名称长度 ±2 字以内有以它的末三字结尾的地方
 * （rules/name-near-miss.ts 判定的前提；不满足的命中它也会跳过，这里先筛掉，省下逐个记录）。
 */
function nearMissPossible(norm: string, s: number, form: string): boolean {
  if (norm.startsWith(form, s)) return false;
  for (let e = s + form.length - 2; e <= s + form.length + 2; e++) if (nameMayEndAt(norm, e, form)) return true;
  return false;
}

/** norm[s, s + form.length) 与 form 恰好差一个字时返回那个字的位置，否则 −1（差两个就停）。 */
function oneCharOff(norm: string, s: number, form: string): number {
  if (s + form.length > norm.length) return -1;
  let at = -1;
  for (let i = 0; i < form.length; i++) {
    if (norm.charCodeAt(s + i) === form.charCodeAt(i)) continue;
    if (at >= 0) return -1;
    at = i;
  }
  return at;
}

/** 同一折叠写法可能对应多种原写法（1+X 与 1+x）：按原文大小写挑出确切的那个。 */
function pickRef(p: Prepared, s: number, e: number, refs: FormRef[]): FormMatch {
  let written = '';
  for (let k = s; k < e; k++) written += p.text[p.map[k]];
  const exactText = foldKeepCase(written);
  const exact = refs.find((r) => r.exact === exactText);
  if (exact) return { s, e, ref: exact, caseDiffers: false };
  const term = refs.find((r) => r.kind === 'term') ?? refs[0];
  return { s, e, ref: term, caseDiffers: true };
}
