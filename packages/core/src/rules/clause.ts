// 分句：语境词（年份、原/曾/前身、require/exclude 词组、时态）只在术语所在的分句及与它相连的分句里起作用，不看整句。
// 分句在 ，；：。！？ 与长引语的引号处切开；顿号、书名号与短引号（“十四五”）里不切，列举保持完整。
// 短的话题分句（“‘十四五’期间，”“2019年，”）与后面的分句相连；术语所在分句只剩话题时，也连上后一个分句。
// 每次只在术语两边有限的窗口里扫描（WINDOW），不重扫整个段落。
import type { Span } from '../text/sentences';
import { CUE_SETS, isCueName, type CueSet } from './cues';
import { foldString } from '../text/fold';
import { isRegexLiteral, checkRegex, regexWindow } from '../glossary/regex-safety';

/** 术语两边各看多少个码元。 */
export const WINDOW = 48;
/** 多短的前一分句算“话题”，与术语所在分句相连。 */
const TOPIC_MAX = 12;
/** 术语所在分句除术语外只剩这么几个字时，连上后一分句。 */
const BARE_MAX = 6;

const HARD = new Uint8Array(0x10000);
for (const c of ',;:。!?\n') HARD[c.charCodeAt(0)] = 1;
const OPEN_Q = new Uint8Array(0x10000);
const CLOSE_Q = new Uint8Array(0x10000);
for (const c of '“‘「『') OPEN_Q[c.charCodeAt(0)] = 1;
for (const c of '”’」』') CLOSE_Q[c.charCodeAt(0)] = 1;

export interface Clause extends Span {
  /** 术语本身所在分句（不含相连分句）。 */
  own: Span;
  /**
   * 句首的时间状语分句：以年份开头（“2019年，……”“2019年学院……，”）、以“期间、时期、以来”等结尾（“脱贫攻坚期间，……”），
   * 或以“当时、此前、以往”开头。它管到整句：时态判断与语境词组都看它。
   */
  lead?: Span;
}

// 以这些词结尾的分句是状语性的话题（“在‘十四五’新征程上，”“过渡期内，”），与后一分句相连
const TOPIC_END = /(?:上|中|里|下|期间|时期|以来|之际|内|时|阶段|背景下|进程中)$/;
// 介词开头的分句（“为实现……目标，”“围绕……，”）是状语，与后一分句相连
const PREP_START = /^(?:为了?|在|随着|围绕|面向|按照|根据|依据|对照|立足|着眼|站在|基于|通过|以)/;
// 术语所在的分句是“主语 + 介词短语”（“学院按照‘十四五’规划部署，”）时同样是状语，谓语在后一分句（“全面完成了……”）。
// 主语只许一至四个汉字，介词只取不会是别的词一部分的双字介词（“在、以、为”单字太容易误认）。
// 只用于术语自己的分句：前一分句“学院围绕年度目标逐项推进各项工作，”是带谓语的完整分句，不是话题
const SUBJECT_PREP = /^[\u4e00-\u9fff]{1,4}?(?:按照|根据|依据|对照|围绕|面向|立足|着眼|基于|通过|随着|为了)/;
const adverbial = (clause: string) => PREP_START.test(clause) || SUBJECT_PREP.test(clause);
// 年份或年份区间开头（“2019年，”“2021—2025年，”“2021年至2025年，”）
const YEAR = '(?:(?:19|20)[0-9]{2}|[一二][〇零九][〇零一二三四五六七八九]{2})';
const LEAD_YEAR = new RegExp(`^\\s*(?:在)?${YEAR}(?:年?\\s*[—–\\-－~～至到]\\s*${YEAR})?年`);
const LEAD_PAST = /^\s*(?:当时|那时|此前|以往|过去)/;
const LEAD_MAX = 20;

/**
 * 窗口内的切分点：硬标点，以及长引语（引号内有分句标点或超过 20 字）的引号。书名号《》内不切。
 * 返回 cut[i] = 1 表示 norm[lo + i] 是切分点。
 */
function cuts(norm: string, lo: number, hi: number): Uint8Array {
  const cut = new Uint8Array(hi - lo);
  let title = 0;
  let quoteOpen = -1;
  for (let i = lo; i < hi; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x300a) title++;
    else if (c === 0x300b) title = Math.max(0, title - 1);
    else if (title === 0 && HARD[c]) cut[i - lo] = 1;
    if (OPEN_Q[c]) quoteOpen = i;
    else if (CLOSE_Q[c] && quoteOpen >= 0) {
      let long = i - quoteOpen > 21;
      for (let k = quoteOpen + 1; !long && k < i; k++) if (HARD[norm.charCodeAt(k)]) long = true;
      if (long) {
        cut[quoteOpen - lo] = 1;
        cut[i - lo] = 1;
      }
      quoteOpen = -1;
    }
  }
  return cut;
}

/** 句子紧跟在分号后面时，前一个分号句的起点（同一段、至多往前 80 字）；否则就是句子自己的起点。 */
function afterSemicolon(norm: string, start: number): number {
  if (start === 0 || !/[;；]/.test(norm[start - 1]!)) return start;
  let p = start - 1;
  const limit = Math.max(0, start - 80);
  while (p > limit && !/[。！？!?\n;；]/.test(norm[p - 1]!)) p--;
  return p > limit || p === 0 ? p : start;
}

/** 术语 [s, e) 所在的分句（含相连分句），限定在句子 sent 与窗口内。 */
export function clauseAt(norm: string, sent: Span, s: number, e: number): Clause {
  const lo = Math.max(sent.start, s - WINDOW);
  const hi = Math.min(sent.end, e + WINDOW);
  const cut = cuts(norm, lo, hi);
  const isCut = (i: number) => i >= lo && i < hi && cut[i - lo] === 1;
  let a = s;
  while (a > lo && !isCut(a - 1)) a--;
  let b = e;
  while (b < hi && !isCut(b)) b++;
  const own = { start: a, end: b };
  let start = a;
  let end = b;
  // 前一分句是短的话题（“2019年，”“脱贫攻坚期间，”）：连上
  if (a > lo && norm[a - 1] === ',') {
    let p = a - 1;
    while (p > lo && !isCut(p - 1)) p--;
    const prev = norm.slice(p, a - 1);
    if (prev.length <= BARE_MAX || (prev.length <= TOPIC_MAX + 4 && (TOPIC_END.test(prev) || PREP_START.test(prev) || LEAD_YEAR.test(prev)))) start = p;
  }
  // 术语所在分句只是以术语开头的话题（“‘十四五’期间，”“过渡期内，”）或状语：连上后一分句
  if (b < hi && (norm[b] === ',' || norm[b] === ':') && ((s - a <= 2 && b - a - (e - s) <= BARE_MAX) || (b - a <= TOPIC_MAX + 4 && (TOPIC_END.test(norm.slice(a, b)) || adverbial(norm.slice(a, b)))))) {
    let q = b + 1;
    while (q < hi && !isCut(q)) q++;
    end = q;
  }
  let lead: Span | undefined;
  // 分号隔开的并列分句共用前一句句首的时间状语（“二〇二〇年，……；建档立卡贫困家庭学生资助全覆盖”）
  const from = afterSemicolon(norm, sent.start);
  if (start > sent.start || from < sent.start) {
    let q = from;
    while (q < (from < sent.start ? sent.start : start) && q - from <= LEAD_MAX && !HARD[norm.charCodeAt(q)]) q++;
    const first = norm.slice(from, q);
    const timeTopic = LEAD_YEAR.test(first) || LEAD_PAST.test(first) || (first.length <= TOPIC_MAX + 4 && /(?:期间|时期|以来)$/.test(first));
    if (q - from <= LEAD_MAX && q < start && timeTopic) lead = { start: from, end: q };
  }
  return { start, end, own, lead };
}

/** 判断时态、年份用的文本：相连分句加句首年份分句，术语本身换成 \u0000。 */
export function clauseText(norm: string, clause: Clause, s: number, e: number): string {
  const lead = clause.lead ? norm.slice(clause.lead.start, clause.lead.end) + ',' : '';
  return lead + norm.slice(clause.start, s) + '\u0000' + norm.slice(e, clause.end);
}

type Matcher = (text: string) => boolean;
const literalMatchers = new Map<string, Matcher>();

/** 用户词典里的字面词或 /正则/（内置词典只用词组名）。 */
function literalMatcher(pattern: string): Matcher {
  let m = literalMatchers.get(pattern);
  if (!m) {
    if (isRegexLiteral(pattern)) {
      const check = checkRegex(foldNonAscii(pattern.slice(1, -1)));
      // 不安全的正则在加载时已报错；这里保守地当作不匹配
      const re = check.ok ? new RegExp(check.regex!.source, 'iu') : null;
      m = re ? (t) => re.test(t) : () => false;
    } else {
      const folded = foldString(pattern);
      m = (t) => t.includes(folded);
    }
    literalMatchers.set(pattern, m);
  }
  return m;
}

/** 正则源码里只折叠非 ASCII 字符（繁→简、全角→半角），保留 \D \S 等转义的大小写。 */
function foldNonAscii(src: string): string {
  let out = '';
  for (const ch of src) out += ch.charCodeAt(0) < 128 ? ch : foldString(ch);
  return out;
}

export interface CueContext {
  norm: string;
  s: number;
  e: number;
  clause: Clause;
  sentence: Span;
}

function hasWords(set: CueSet, text: string): boolean {
  if (set.pattern && set.pattern.test(text)) return true;
  return !!set.words?.some((w) => text.includes(w));
}

/** 分句里出现、但不完全落在术语之内的词（“职业技能鉴定所”里的“鉴定所”算，“十四五”本身不算）。 */
function hasWordsOutside(set: CueSet, text: string, ts: number, te: number): boolean {
  const outside = (i: number, len: number) => i < ts || i + len > te;
  if (set.pattern) {
    const re = new RegExp(set.pattern.source, set.pattern.flags.includes('g') ? set.pattern.flags : set.pattern.flags + 'g');
    for (const m of text.matchAll(re)) if (m[0].length && outside(m.index!, m[0].length)) return true;
  }
  for (const w of set.words ?? []) {
    for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) if (outside(i, w.length)) return true;
  }
  return false;
}

/** 词组（或用户的字面词/正则）是否出现在它该在的位置。术语本身不算在内。 */
export function cueMatches(name: string, ctx: CueContext): boolean {
  const { norm, s, e, clause } = ctx;
  if (!isCueName(name)) {
    // 用户的字面词与正则：在分句（或 scope 指定的句、段）里找；正则只看命中前后的一段（regexWindow），再长的段落也不会跑很久
    const text = norm.slice(clause.start, clause.end);
    return literalMatcher(name)(isRegexLiteral(name) ? regexWindow(text, s - clause.start) : text);
  }
  const set = CUE_SETS[name];
  const span = set.scope === 'sentence' ? { start: Math.max(ctx.sentence.start, s - WINDOW * 2), end: Math.min(ctx.sentence.end, e + WINDOW * 2) } : clause;
  switch (set.where ?? 'clause') {
    case 'prev':
      return hasWords(set, norm.slice(Math.max(span.start, s - 6), s));
    case 'next':
      return hasWords(set, norm.slice(e, Math.min(span.end, e + 6)).replace(/^[”"’']/, ''));
    case 'before':
      return hasWords(set, norm.slice(span.start, s));
    case 'after':
      return hasWords(set, norm.slice(e, span.end));
    default:
      // 句首的时间状语分句（clause.lead）管到整句：“脱贫攻坚期间，学院……，开展精准扶贫工作”里的“期间”也算
      if (set.scope !== 'sentence' && clause.lead && hasWords(set, norm.slice(clause.lead.start, clause.lead.end))) return true;
      return hasWordsOutside(set, norm.slice(span.start, span.end), s - span.start, e - span.start);
  }
}
