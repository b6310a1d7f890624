// 书名号里的文件名与发文字号：按文件目录（词典的 documents）核对。
// - 标题与目录里的某个标题只差一两个字（推进/推动、漏了“的”、括号里年份不对）：misquote，给出准确标题；完全一致的不报；
// - 发文字号的年份写成 [ ]、( )、【】：variant，改成六角括号〔〕（GB/T 9704-2012）；
// - 标题后括注的发文字号与目录不符：document-number 错误。
import type { DocumentRef, Finding, LintOptions, RuleId, Severity } from '../types';
import type { Glossary } from '../glossary/glossary';
import type { Scan } from '../scan';
import { editDistance } from '../text/edit-distance';
import { foldString } from '../text/fold';
import { makeFinding } from './finding';
import { titlesIn } from './titles';
import { issueProblem } from './document-issuer';
import { ruleSeverity } from './severity';
import type { RuleEnv } from './term-rules';

interface IndexedDoc {
  doc: DocumentRef;
  folded: string;
  /** 去掉数字后的标题（只有年份不同的两个标题在这里相同）。 */
  noDigits: string;
  /** 括号外的年份（“关于办好2024年职业教育活动周的通知”里的 2024）。 */
  outsideYears: string;
  /** 括号外的序数（届次、全会、规划期：“第十四届”“三中全会”“十五五”）。 */
  numbers: string[];
}

const YEAR = /[0-9〇一二三四五六七八九]{4}/g;

/**
 * 括号外的年份：逐年印发的同名文件（“关于办好2024年/2025年职业教育活动周的通知”）靠它区分，
 * 只差这种年份的两个标题是两份文件，不是误引；括号里的起止年份写错（“（2020—2024年）”）才是误引。
 */
function outsideYears(folded: string): string {
  return (folded.replace(/[（(][^）)]*[）)]/g, '').match(YEAR) ?? []).join(',');
}

const ORDINAL = /第[一二三四五六七八九十百零〇两]+|[一二三四五六七八九十百零〇两]+(?=届|次|中全会|轮|批|期|大)|十[一二三四五六七八九]五/g;

/**
 * 括号外的序数：与年份一样标明是哪一份（“第十届/第十一届全国人民代表大会……的决定”“十八届/十九届三中全会公报”
 * “第十三个/第十五个五年规划纲要”“十四五/十五五”）。序数个数相同、值不同的两个标题是两份文件，不是误引
 * （漏写了一个字的“十四”仍按近似标题比对）。
 */
function outsideOrdinals(folded: string): string[] {
  return folded.replace(/[（(][^）)]*[）)]/g, '').match(ORDINAL) ?? [];
}

function otherOrdinals(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.some((x, i) => x !== b[i]);
}

/** 法律、行政法规的名称（短，以法、条例结尾；部门的“办法”不算）：换了一个字往往是另一部（契税法与关税法、教育法与教师法），只有多字漏字算近似。 */
const LAW_NAME = /^(?!.*关于)(?:中华人民共和国)?.{1,14}(?:(?<!办)法|法典|条例)$/;

const indexes = new WeakMap<Glossary, IndexedDoc[]>();

/**
 * 比对用的标题：折叠宽度，去掉空白（“中共中央 国务院”与“中共中央国务院”），年份间的各种连接号统一成“—”，
 * 书名号里套的书名号〈〉与《》同等（公文里套用时写〈〉，网页标题常写《》）。
 */
export function titleKey(title: string): string {
  // 联合发文机关之间写空格或顿号（“中共中央 国务院”“中共中央、国务院”），题中列举的顿号有无：只差标点，不算误引
  return foldString(title)
    .replace(/[\s、]+/g, '')
    .replace(/〈/g, '《')
    .replace(/〉/g, '》')
    .replace(/(?<=[0-9〇一二三四五六七八九])[—–\-－~～](?=[0-9〇一二三四五六七八九])/g, '—');
}

function indexOf(glossary: Glossary): IndexedDoc[] {
  let idx = indexes.get(glossary);
  if (!idx) {
    idx = glossary.documents.map((doc) => {
      const folded = titleKey(doc.title);
      return { doc, folded, noDigits: folded.replace(YEAR, '#'), outsideYears: outsideYears(folded), numbers: outsideOrdinals(folded) };
    });
    indexes.set(glossary, idx);
  }
  return idx;
}

export type TitleMatch = { doc: DocumentRef; exact: boolean };

// 同一词表下标题 → 比对结果：报告里同几份文件的标题反复出现，语言服务器每次编辑又重查整篇；
// 与目录里每个标题算编辑距离是这条规则的主要开销。结果只取决于（词表，标题），满了就整个清空。
const matchCache = new WeakMap<Glossary, Map<string, TitleMatch | null>>();
const MATCH_CACHE_SIZE = 4096;

/** 标题（折叠后的书名号内文字）对应目录里的哪份文件：完全一致，或只差一两个字。 */
export function matchTitle(glossary: Glossary, written: string): TitleMatch | undefined {
  let cache = matchCache.get(glossary);
  if (!cache) matchCache.set(glossary, (cache = new Map()));
  const hit = cache.get(written);
  if (hit !== undefined) return hit ?? undefined;
  const m = findTitle(glossary, written);
  if (cache.size >= MATCH_CACHE_SIZE) cache.clear();
  cache.set(written, m ?? null);
  return m;
}

const shortForms = new WeakMap<Glossary, [string, string][]>();

/** 现行词条比规范写法短的 variant 与规范写法（思政课 → 思想政治理论课），按比对用的标题键折叠。 */
function shortFormsOf(glossary: Glossary): [string, string][] {
  let pairs = shortForms.get(glossary);
  if (!pairs) {
    pairs = [];
    for (const e of glossary.entries) {
      if (e.status !== 'current' || e.kind === 'formulation') continue;
      const term = titleKey(e.term);
      for (const v of e.variants ?? []) {
        const short = titleKey(v);
        if (short.length >= 2 && short.length < term.length && !term.includes(short)) pairs.push([short, term]);
      }
    }
    shortForms.set(glossary, pairs);
  }
  return pairs;
}

function findTitle(glossary: Glossary, written: string): TitleMatch | undefined {
  const idx = indexOf(glossary);
  const title = titleKey(written);
  if (!idx.length) return undefined;
  for (const d of idx) if (d.folded === title) return { doc: d.doc, exact: true };
  if (title.length < 8) return undefined;
  // 标题里用了简称（《关于深化新时代学校思政课改革创新的若干意见》）：换回全称后与目录里的标题完全一致
  for (const [short, term] of shortFormsOf(glossary)) {
    if (!title.includes(short)) continue;
    const full = title.split(short).join(term);
    for (const d of idx) if (d.folded === full) return { doc: d.doc, exact: false };
  }
  const noDigits = title.replace(YEAR, '#');
  const years = outsideYears(title);
  const numbers = outsideOrdinals(title);
  let best: { d: IndexedDoc; dist: number } | undefined;
  for (const d of idx) {
    const diff = Math.abs(d.folded.length - title.length);
    if (diff > 2) continue;
    // 括号外年份不同：另一年份的同名文件
    if (d.outsideYears !== years) continue;
    // 届次、全会、规划期的序数不同：另一份文件
    if (otherOrdinals(d.numbers, numbers)) continue;
    // 法律法规的名称只差一个字（同样长）：另一部法律法规
    if (diff === 0 && LAW_NAME.test(d.folded)) continue;
    // 一个包含另一个、又多出两个字以上（“……的实施意见”“……省……”）：多半是另一份文件
    if (diff >= 2 && (d.folded.includes(title) || title.includes(d.folded))) continue;
    const limit = Math.max(1, Math.min(3, Math.floor(d.folded.length / 10)));
    const dist = d.noDigits === noDigits && noDigits.includes('#') ? 1 : editDistance(d.folded, title);
    if (dist <= limit && (!best || dist < best.dist)) best = { d, dist };
  }
  return best && { doc: best.d.doc, exact: false };
}

// 发文字号里的年份与序号：汉字（机关代字的末字）+ 括号里的年份 + 序号 + 号。
// “前面是汉字”不写成后行断言：带断言的正则在每个位置都要倒着试一遍，整篇扫描时慢得多（numbersIn 里另查）
const NUMBER = /([[(【〔])\s*((?:19|20)[0-9]{2})\s*([\])】〕])\s*([0-9]{1,4})\s*号/g;

/** 括号前（隔着空白）是汉字的发文字号。 */
function* numbersIn(norm: string): Generator<RegExpExecArray> {
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(norm); m; m = NUMBER.exec(norm)) {
    let k = m.index - 1;
    while (k >= 0 && /\s/.test(norm[k])) k--;
    const c = k >= 0 ? norm.charCodeAt(k) : 0;
    if (c >= 0x4e00 && c <= 0x9fff) yield m;
    // 不符时从下一个字接着找（与后行断言逐位置试的结果相同）
    else NUMBER.lastIndex = m.index + 1;
  }
}

function describe(doc: DocumentRef): string {
  return [doc.issuer, doc.date, doc.number].filter(Boolean).join('，');
}

export function documentsRule(env: RuleEnv): Finding[] {
  const { scan, glossary, options } = env;
  const norm = scan.p.norm;
  const out: Finding[] = [];
  const misquote = ruleSeverity('misquote', options);
  const numberSev = ruleSeverity('document-number', options);
  const variantSev = ruleSeverity('variant', options);
  const titled = new Map<number, DocumentRef>(); // 标题结束位置 → 文件
  if (glossary.documents.length) {
    for (const t of titlesIn(norm, 0, norm.length)) {
      const title = norm.slice(t.start, t.end);
      const m = matchTitle(glossary, title);
      if (!m) continue;
      titled.set(t.end, m.doc);
      // 标题前写的印发机关、年份与目录不符：事实有出入，但成文与发布的时间、机关的简称都可能有别，报 warning
      const issued = misquote ? issueProblem(norm, scan.sentences.sentenceAt(t.start).start, t.start, m.doc) : null;
      if (issued && allowed(env, m.doc.id, norm.slice(issued.s, issued.e))) {
        const sev = misquote === 'error' ? 'warning' : misquote!;
        // 不给修复：该改成什么（机关全称、简称，或改年份）要作者看上下文定
        out.push(pseudo(scan, issued.s, issued.e, 'misquote', m.doc.id, sev, issued.message));
      }
      if (m.exact || !misquote || !allowed(env, m.doc.id, title)) continue;
      const message = `文件标题有误，应为《${m.doc.title}》${describe(m.doc) ? `（${describe(m.doc)}）` : ''}`;
      out.push(pseudo(scan, t.start, t.end, 'misquote', m.doc.id, misquote, message, m.doc.title));
    }
  }
  for (const m of numbersIn(norm)) {
    const s = m.index!;
    const e = s + m[0].length;
    const [, open, year, close, n] = m;
    // 紧跟在书名号标题后的括注（《……》（国发〔2019〕4号））：机关代字是“》(”与括号之间的字，整个文号与目录比对
    const back = norm.slice(Math.max(0, s - 16), s);
    const k = back.lastIndexOf('》');
    const doc = k >= 0 ? titled.get(s - back.length + k) : undefined;
    if (doc?.number && numberSev) {
      const orgStart = s - back.length + k + 1;
      const org = norm.slice(orgStart, s).replace(/^\s*\(\s*/, '').trim();
      const written = `${org}〔${year}〕${Number(n)}号`;
      if (org && foldString(doc.number) !== written && allowed(env, doc.id, written)) {
        const from = s - (norm.slice(orgStart, s).length - norm.slice(orgStart, s).indexOf(org));
        const message = `《${doc.title}》的发文字号是 ${doc.number}，这里写成了“${norm.slice(from, e)}”`;
        out.push(pseudo(scan, from, e, 'document-number', doc.id, numberSev, message, doc.number));
        continue;
      }
    }
    if ((open !== '〔' || close !== '〕') && variantSev && allowed(env, 'document-number', m[0])) {
      const bracket = `〔${year}〕`;
      const be = s + m[0].indexOf(close) + 1;
      const message = `发文字号的年份应使用六角括号〔〕（GB/T 9704-2012），应为“${bracket}”`;
      out.push(pseudo(scan, s, be, 'variant', 'document-number', variantSev, message, bracket));
    }
  }
  return out;
}

function allowed(env: RuleEnv, id: string, text: string): boolean {
  return env.allowed(id, text) && env.options.terms?.[id] !== 'off';
}

/** 不属于词条的发现；fix 缺省时不给建议与修复。 */
function pseudo(scan: Scan, s: number, e: number, rule: RuleId, id: string, severity: Severity, message: string, fix?: string): Finding {
  const f = makeFinding(scan, s, e, rule, { id }, severity, message, fix === undefined ? [] : [fix]);
  return { ...f, deprecated: false };
}

export type { LintOptions };
