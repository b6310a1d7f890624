// 规则共用的上下文判断：书名号、历史叙述、require/exclude、词边界、日期。都在规范化文本上做。
import type { Segmenter } from '../types';
import type { Entry } from '../glossary/entry';
import { foldString } from '../text/fold';
import { isRegexLiteral, checkRegex, regexWindow } from '../glossary/regex-safety';
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

const HISTORICAL_BEFORE = /(?:原(?![则因料理创始生本来样有])|曾经?|前身|时任|当年|昔日|历史上|回顾)/;
const PRESENT_MARKERS = /以来|至今|目前|现在|当前|今年|正在|下一步|将要|即将/;
const YEAR = /((?:19|20)\d{2})\s*年/g;

/**
 * 历史叙述：匹配前同句里有“原/曾/前身/时任…”，或本句提到早于过时日期的年份（且没有更晚年份或“至今”之类的词）。
 * 只用于过时规则。
 */
export function isHistorical(sentence: string, matchOffsetInSentence: number, until: string | undefined): boolean {
  const before = sentence.slice(Math.max(0, matchOffsetInSentence - 12), matchOffsetInSentence);
  if (HISTORICAL_BEFORE.test(before)) return true;
  if (!until) return false;
  const untilYear = Number(until.slice(0, 4));
  let early = false;
  for (const m of sentence.matchAll(YEAR)) {
    const y = Number(m[1]);
    if (y >= untilYear) return false;
    early = true;
  }
  return early && !PRESENT_MARKERS.test(sentence);
}

type Matcher = (text: string) => boolean;
const compiledPatterns = new Map<string, Matcher>();

function patternMatcher(pattern: string): Matcher {
  let m = compiledPatterns.get(pattern);
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
    compiledPatterns.set(pattern, m);
  }
  return m;
}

/** 正则源码里只折叠非 ASCII 字符（繁→简、全角→半角），保留 \D \S 等转义的大小写。 */
function foldNonAscii(src: string): string {
  let out = '';
  for (const ch of src) out += ch.charCodeAt(0) < 128 ? ch : foldString(ch);
  return out;
}

/** entry.context 是否允许在这个句子/段落里报。 */
export function contextAllows(entry: Entry, sentences: Sentences, s: number): boolean {
  const ctx = entry.context;
  if (!ctx || (!ctx.require?.length && !ctx.exclude?.length)) return true;
  const range = ctx.scope === 'paragraph' ? sentences.paragraphAt(s) : sentences.sentenceAt(s);
  const text = sentences.text(range.start, range.end);
  // 用户正则只看命中前后的一段（regexWindow）：再长的句子也不会让正则跑很久
  const near = regexWindow(text, s - range.start);
  const test = (p: string) => patternMatcher(p)(isRegexLiteral(p) ? near : text);
  if (ctx.require?.length && !ctx.require.some(test)) return false;
  if (ctx.exclude?.length && ctx.exclude.some(test)) return false;
  return true;
}

/** 词边界：分词结果里没有哪个词跨过匹配的起点或终点。 */
export class BoundaryChecker {
  private cache = new Map<number, Uint8Array | null>();
  constructor(
    private readonly segmenter: Segmenter | null | undefined,
    private readonly sentences: Sentences,
  ) {}

  needsCheck(entry: Entry, formLength: number): boolean {
    if (!this.segmenter) return false;
    const mode = entry.boundary ?? 'auto';
    return mode === 'strict' || (mode === 'auto' && formLength <= 4);
  }

  /** 返回本句内每个位置是否是词边界（1 = 是）；分词失败返回 null（视为通过）。 */
  private boundaries(start: number, end: number): Uint8Array | null {
    let b = this.cache.get(start);
    if (b !== undefined) return b;
    const sentence = this.sentences.text(start, end);
    b = new Uint8Array(sentence.length + 1);
    try {
      const words = this.segmenter!.cut(sentence);
      let pos = 0;
      b[0] = 1;
      for (const w of words) {
        pos += w.length;
        if (pos > sentence.length) break;
        b[pos] = 1;
      }
      if (pos !== sentence.length) b = null; // 分词丢了字符：不据此判断
    } catch {
      b = null;
    }
    this.cache.set(start, b);
    return b;
  }

  /** norm 位置 pos 是否在词边界上；没有分词器时返回 false（调用方另有退路）。 */
  isBoundary(pos: number): boolean {
    if (!this.segmenter) return false;
    const sent = this.sentences.sentenceAt(pos);
    const b = this.boundaries(sent.start, sent.end);
    return !!b && b[pos - sent.start] === 1;
  }

  ok(s: number, e: number): boolean {
    const sent = this.sentences.sentenceAt(s);
    const b = this.boundaries(sent.start, sent.end);
    if (!b) return true;
    return b[s - sent.start] === 1 && b[Math.min(e, sent.end) - sent.start] === 1;
  }
}

/** 把 YYYY / YYYY-MM / YYYY-MM-DD 补成可比较的 YYYY-MM-DD。 */
export function normalizeDate(d: string): string {
  // 按长度判断即可（格式已由 schema 校验）：这里在每个命中上都会调用，不用正则
  if (d.length === 4) return `${d}-01-01`;
  if (d.length === 7) return `${d}-01`;
  return d;
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
