// 误引的判定边界（issue 10 §3）：什么时候算“在引用”，什么差异不算误引。
// - 只差标点（有无逗号、顿号与逗号、“德、智、体”与“德智体”）或各项连写成一个复合词（教育科技人才体制机制）：不算；
// - 引号里（或“指出/强调/提出：”之后）的误写是 error；不在引号里的列举是 warning；不在引号里、也不自称引用的整句转述不报；
// - 引号里的话署名为某人所说（讲话、指出、强调……“……”）：照报，但不自动修复，须核对原文。
import type { Finding } from '../types';
import { isItemSeparator } from '../text/separators';

export interface QuoteContext {
  /** 落在“……”引号里。 */
  quoted: boolean;
  /** 自称引用：引号里，或前面是“指出/强调/提出……：”。 */
  claims: boolean;
  /** 引号里的话署名为某人所说（讲话/指出/强调……“……”）。 */
  attributed: boolean;
  /** 前面是“讲话/指出/强调……”，引号可有可无（总书记强调，……）。 */
  spoken: boolean;
}

const OPEN = 0x201c; // “
const CLOSE = 0x201d; // ”
const SAY = /(?:讲话|指出|强调|提出|要求|表示|说|写道|所说|明确|号召|寄语|批示|指示|回信)[^“”,。;]{0,6}[:,]?\s*$/;
const SAY_COLON = /(?:指出|强调|提出|要求|表示|说|写道|明确|号召|寄语|批示|指示)[^“”,。;]{0,4}:\s*$/;
const QUOTE_WINDOW = 240;

/** [s, e) 是否在引号里、是否署名引用。只看前后有限的窗口（引语很少超过这个长度）。 */
export function quoteContext(norm: string, s: number, e: number): QuoteContext {
  let open = -1;
  for (let i = s - 1; i >= Math.max(0, s - QUOTE_WINDOW); i--) {
    const c = norm.charCodeAt(i);
    if (c === CLOSE || c === 0x0a) break;
    if (c === OPEN) {
      open = i;
      break;
    }
  }
  let quoted = false;
  if (open >= 0) {
    for (let i = e; i < Math.min(norm.length, e + QUOTE_WINDOW); i++) {
      const c = norm.charCodeAt(i);
      if (c === OPEN || c === 0x0a) break;
      if (c === CLOSE) {
        quoted = true;
        break;
      }
    }
  }
  const lead = norm.slice(Math.max(0, (quoted ? open : s) - 24), quoted ? open : s);
  const spoken = SAY.test(lead);
  const attributed = quoted && spoken;
  const claims = quoted || SAY_COLON.test(lead);
  return { quoted, claims, attributed, spoken };
}

/** 去掉项间分隔（标点），只留字。 */
function strip(text: string): string {
  let out = '';
  for (const ch of text) if (!isItemSeparator(ch)) out += ch;
  return out;
}

// 虚词：去掉结构助词“的”与程度副词“更好、更加、进一步”，并列连词“与、及、以及、同”统一成“和”
const FUNCTION_WORDS = (text: string) => text.replace(/的|更好|更加|进一步/g, '').replace(/以及|[与及同]/g, '和');

/**
 * 只差虚词：多了或少了结构助词“的”（本科层次的职业教育、两种不同的教育类型）或“更好、更加、进一步”，
 * 或并列连词换了一个（科技创新与产业创新、和；更好统筹发展与安全）。
 * 是语法上的写法，不是误写（名称与引号外的提法共用）。
 */
export function onlyFunctionWordsDiffer(written: string, form: string): boolean {
  return strip(FUNCTION_WORDS(written)) === strip(FUNCTION_WORDS(form));
}

const strippedCache = { for: '', value: '' };

/**
 * 近似命中落在别的提法只差标点地写出的原文里（“高素质技术技能人才，能工巧匠、大国工匠”用逗号隔开了第一项）：
 * 那是另一条提法的正确引用，不是这一条的误引。
 */
export function insidePunctuationVariant(sentence: string, written: string, texts: readonly string[]): boolean {
  if (!punctuationOnly(sentence, texts)) return false;
  const w = strip(written);
  return texts.some((t) => strip(t).includes(w));
}

/** 句中有哪一种写法只差标点（或连写）地出现：这是正确引用或复合用法，不是误引。 */
export function punctuationOnly(sentence: string, texts: readonly string[]): boolean {
  if (strippedCache.for !== sentence) {
    strippedCache.for = sentence;
    strippedCache.value = strip(sentence);
  }
  return texts.some((t) => strippedCache.value.includes(strip(t)));
}

/**
 * 按引用语境调整误引的发现：不在引号里的降为 warning；不自称引用的整句转述返回 null（不报）；
 * quotation: claimed 的提法（常被当俗语化用的讲话原句）不在引号里、前面也没有“讲话/强调……”时不报；
 * 署名引语去掉自动修复。
 */
export function applyQuoteSemantics(f: Finding, q: QuoteContext, paraphrase: boolean, claimedOnly = false): Finding | null {
  if (paraphrase && !q.claims) return null;
  if (claimedOnly && !q.claims && !q.spoken) return null;
  let out = f;
  if (!q.quoted && f.severity === 'error') out = { ...out, severity: 'warning' };
  if (q.attributed) {
    out = {
      ...out,
      message: `${out.message}（这是署名引用，请核对原文后手动修改）`,
      fixes: out.fixes.map((x) => ({ ...x, safe: false })),
    };
  }
  return out;
}

// 引号括住、后面说它是一个“说法、提法、名称”：谈的是这个词本身（学院沿用“顶岗实习”的说法），不是在用它
const AS_WORD_AFTER = /^[”"’'](?:的|这个|这一|等)?(?:说法|提法|表述|名称|称谓|叫法|一词|字样|写法)/;

/** 术语被引号括住、后面说它是一个说法或名称。 */
export function mentionedAsWord(norm: string, s: number, e: number): boolean {
  return /[“"‘']$/.test(norm.slice(Math.max(0, s - 1), s)) && AS_WORD_AFTER.test(norm.slice(e, e + 6));
}

// 引号前是文件（通知、意见、方案、纲要……或书名号）加上“要求、指出、提出……”
const DOCUMENT_SAYS = /(?:通知|意见|文件|方案|决定|纲要|报告|规划|公报|办法|》)[^“”。,;]{0,4}(?:要求|指出|提出|强调|明确|写道|规定)[^“”。]{0,4}[:,]?$/;

/** 术语在引用某份文件原话的引号里（文件名或书名号加“要求、指出……”）。 */
export function quotesDocument(norm: string, s: number, e: number): boolean {
  const q = quoteContext(norm, s, e);
  if (!q.attributed) return false;
  const open = norm.lastIndexOf('“', s);
  return open >= 0 && DOCUMENT_SAYS.test(norm.slice(Math.max(0, open - 24), open));
}
