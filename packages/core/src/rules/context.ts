// 规则共用的上下文判断：书名号、历史叙述、require/exclude、词边界、日期。都在规范化文本上做。
import type { Entry } from '../glossary/entry';
import { narratedYears } from '../text/years';
import { clauseAt, clauseText, cueMatches, type Clause, type CueContext } from './clause';
import { describesChange } from './change-narration';
import type { Sentences } from '../text/sentences';

/** 匹配是否落在《…》书名号里（只看本句）。 */
export function inBookTitle(norm: string, sentStart: number, sentEnd: number, s: number, e: number): boolean {
  let open = false;
  for (let i = s - 1; i >= sentStart; i--) {
    const c = norm.charCodeAt(i);
    if (c === 0x300b /* 》 */) return false;
    if (c === 0x300a /* 《 */) {
      open = true;
      break;
    }
  }
  if (!open) return false;
  for (let i = e; i < sentEnd; i++) {
    const c = norm.charCodeAt(i);
    if (c === 0x300a) return false;
    if (c === 0x300b) return true;
  }
  return false;
}

const HISTORICAL_BEFORE = /(?:原来的|原(?![则因料理创始生本来样有])|曾经?|前身|时任|当年|昔日|历史上|回顾)/;
/** 把叙述拉回现在的词（“以来、至今、今年……”）：有它们时，早年的年份或已结束的时期不说明是历史叙述。 */
/** 书名号里的过期计划：前面紧挨着“继续落实、深入实施、贯彻执行……”才算把它当作现行文件（outdated-term 与 ended-plan 共用）。 */
export const ONGOING_BEFORE_TITLE = /(?:落实|实施|执行|贯彻|按照|对照|依据|遵照|推进|推动|遵循|根据)[^,;:。《]{0,4}$/;
const ORIGIN_AFTER_TITLE = /^[^,;:。]{0,4}(?:立项|建设|认定|遴选|评选|资助|支持|确定|批准)的/;
const GUIDE_AFTER_TITLE = /^为(?:根本)?(?:指导|指引|遵循|依据|引领|统领|行动指南)/;

/** 书名号里的文件被当作现行依据：前面是“继续落实、依据……”，或写成“以《……》为指导（为遵循、为依据……）”。 */
export function titleTreatedAsCurrent(norm: string, sentStart: number, title: { start: number; end: number }): boolean {
  // “根据《……》立项建设的品牌专业”：文件只说明这些项目的来历（定语从句），不是把它当现行依据
  if (ORIGIN_AFTER_TITLE.test(norm.slice(title.end, title.end + 12))) return false;
  const before = norm.slice(Math.max(sentStart, title.start - 8), title.start);
  return ONGOING_BEFORE_TITLE.test(before) || (before.endsWith('以') && GUIDE_AFTER_TITLE.test(norm.slice(title.end, title.end + 8)));
}

export const PRESENT_MARKERS = /以来|至今|目前|现在|当前|今年|正在|下一步|将要|即将/;

/** 术语前紧挨着“原、曾、前身、时任……”：说的是过去的名称或身份（有起止期的词条同样适用）。 */
export function markedHistorical(norm: string, clause: Clause, s: number): boolean {
  return HISTORICAL_BEFORE.test(norm.slice(Math.max(clause.start, s - 12), s));
}

/**
 * 历史叙述：分句里术语前有“原/曾/前身/时任…”，或分句（含相连的话题分句）提到早于过时日期的年份
 * （且没有更晚的年份或“至今”之类的词）。只用于过时规则。
 */
export function isHistorical(norm: string, clause: Clause, s: number, e: number, until: string | undefined): boolean {
  if (markedHistorical(norm, clause, s) || describesChange(norm, clause.start, clause.end, s, e)) return true;
  if (!until) return false;
  const untilYear = Number(until.slice(0, 4));
  // 改变发生在下半年：那一年大半时间旧说法还是现行的，叙述那一年（“2022年，学院全面推行现代学徒制”，11月才改）算回顾；
  // 上半年的改变（2021年4月“职普融通”）那一年大半已是新说法，照常报
  const changedLate = normalizeDate(until).slice(5) >= '07-01';
  const text = clauseText(norm, clause, s, e);
  let early = false;
  for (const y of narratedYears(text)) {
    // “2021年以前/之前”说的是那一年之前
    const year = BEFORE_YEAR.test(text.slice(y.e, y.e + 4)) ? y.year - 1 : y.year;
    if (year > untilYear || (year === untilYear && !changedLate)) return false;
    early = true;
  }
  return early && !PRESENT_MARKERS.test(text);
}

const BEFORE_YEAR = /^年?(?:以前|之前|前(?![一二三四五六七八九十两几\d]))/;

/**
 * entry.context 是否允许在这里报：require 的词组至少一个出现、exclude 的词组都不出现。
 * 词组按各自的范围（分句、紧挨术语、整句）找；用户词典的字面词与正则按分句找（scope 为 sentence/paragraph 时按句/段）。
 */
export function contextAllows(entry: Entry, sentences: Sentences, norm: string, s: number, e: number): boolean {
  const ctx = entry.context;
  if (!ctx || (!ctx.require?.length && !ctx.exclude?.length && !ctx.requireAll?.length)) return true;
  const sentence = sentences.sentenceAt(s);
  const cctx: CueContext = { norm, s, e, sentence, clause: clauseAt(norm, sentence, s, e) };
  if (ctx.scope && ctx.scope !== 'clause') {
    const range = ctx.scope === 'paragraph' ? sentences.paragraphAt(s) : sentence;
    cctx.clause = { start: range.start, end: range.end, own: range };
  }
  if (ctx.require?.length && !ctx.require.some((p) => cueMatches(p, cctx))) return false;
  // requireAll：几组语境词同时出现在分句窗口里（说法的几个成分，语序不限），用来认出“把职业教育看作低层次教育”这类说法
  if (ctx.requireAll?.length && !ctx.requireAll.every((p) => cueMatches(p, cctx))) return false;
  if (ctx.exclude?.length && ctx.exclude.some((p) => cueMatches(p, cctx))) return false;
  return true;
}

// 词边界检查在 ./boundary.ts；这里转出，旧的导入路径照常可用
export { BoundaryChecker } from './boundary';

/** 把 YYYY / YYYY-MM / YYYY-MM-DD 补成可比较的 YYYY-MM-DD。 */
export function normalizeDate(d: string): string {
  // 按长度判断即可（格式已由 schema 校验）：这里在每个命中上都会调用，不用正则
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

/** 某日（YYYY、YYYY-MM 或 YYYY-MM-DD 所指的整段时间）之后的第一天。 */
function dayAfter(date: string): string {
  if (date.length === 4) return `${Number(date) + 1}-01-01`;
  const d = new Date(`${normalizeDate(date)}T00:00:00Z`);
  if (date.length === 7) d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * 词条从哪天起算过时：until（改变发生的那天）的次日——当天的官方文本还在用旧说法回顾此前的工作
 * （2024-07-18 三中全会公报里的“党的二十大和二十届一中、二中全会精神”）；只有起止期时为终止日期的次日。
 */
export function outdatedFrom(entry: Entry): string | undefined {
  if (entry.until) return dayAfter(entry.until);
  const end = entry.period?.end;
  return end ? dayAfter(end) : undefined;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
