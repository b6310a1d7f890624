// 规范化：把原文变成只含正文的折叠文本 norm，并记下 norm 每个码元来自原文的哪个偏移（map）。
// - 折叠：全角→半角、繁→简、大写→小写（fold.ts），一码元对一码元；零宽字符丢掉（map 仍逐码元指回原文）；
// - 段内软换行与行首缩进去掉（跨行的术语仍是一个词），块与块之间插入 '\n'；
// - Markdown：前言、代码块、行内代码、链接地址、图片、HTML 标签与注释不是正文；强调标记 * _ ~ 去掉；
//   行内的非正文用 OBJ（U+FFFC）占位，保证两边的字不会被拼成一个词。
import { foldCode, isCjk } from './fold';

export const OBJ = 0xfffc;
export const BREAK = 10; // '\n'

export interface Prepared {
  /** 原文。 */
  text: string;
  /** 折叠后的正文。 */
  norm: string;
  /** norm[i] 对应的原文偏移。长度为 norm.length。 */
  map: Int32Array;
  /** Markdown 前言里的 date:（YYYY-MM-DD），若有。 */
  frontMatterDate?: string;
}

// 孤立代理项会被解码成 U+FFFD：仍是一个码元，norm 与原文的逐码元对应不受影响
const utf16 = new TextDecoder('utf-16le');

/** 不可见、不占宽度的字符：零宽空格、零宽（不）连接符、词连接符、段中的 BOM、软连字符。 */
function isZeroWidth(c: number): boolean {
  return c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff || c === 0xad;
}

class Builder {
  buf: Uint16Array;
  map: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.buf = new Uint16Array(capacity + 16);
    this.map = new Int32Array(capacity + 16);
  }
  private grow(): void {
    const buf = new Uint16Array(this.buf.length * 2);
    buf.set(this.buf);
    const map = new Int32Array(this.map.length * 2);
    map.set(this.map);
    this.buf = buf;
    this.map = map;
  }
  push(code: number, offset: number): void {
    // 零宽字符（U+200B 等）不进正文：“新型职业\u200b农民”仍是一个词；map 照样指回原文，区间含这个字符
    if (isZeroWidth(code)) return;
    if (this.n >= this.buf.length) this.grow();
    this.buf[this.n] = code;
    this.map[this.n] = offset;
    this.n++;
  }
  last(): number {
    return this.n > 0 ? this.buf[this.n - 1] : BREAK;
  }
  /** 块边界：连续的边界只记一个。 */
  brk(offset: number): void {
    if (this.n > 0 && this.buf[this.n - 1] !== BREAK) this.push(BREAK, offset);
  }
  obj(offset: number): void {
    if (this.last() !== OBJ) this.push(OBJ, offset);
  }
  finish(text: string): { norm: string; map: Int32Array } {
    void text;
    const view = this.buf.subarray(0, this.n);
    const norm = utf16.decode(view);
    // 视图而非副本：缓冲区只比正文长十几格（很少翻倍），复制一遍 1 MB 文本的映射反而是每次检查的固定开销
    return { norm, map: this.map.subarray(0, this.n) };
  }
}

interface Line {
  start: number;
  end: number; // 不含换行符
  eol: number; // 换行符长度
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const eol = c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      lines.push({ start, end: i, eol });
      i += eol - 1;
      start = i + 1;
    }
  }
  lines.push({ start, end: text.length, eol: 0 });
  return lines;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff;
}

/** 跳过行首空白，返回第一个非空白位置。 */
function skipIndent(text: string, i: number, end: number): number {
  while (i < end && isSpace(text.charCodeAt(i))) i++;
  return i;
}

function isWordish(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** 段内换行：两边都是西文字母数字时补一个空格，否则直接相连（中文不用空格）。 */
function joinLines(b: Builder, text: string, nextContentStart: number, eolOffset: number): void {
  const prev = b.last();
  if (prev === BREAK || prev === OBJ) return;
  const next = text.charCodeAt(nextContentStart);
  if (isWordish(prev) && isWordish(next) && !isCjk(prev)) b.push(32, eolOffset);
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const HEADING = /^ {0,3}#{1,6}(?=\s|$)\s*/;
const LIST = /^[ \t]{0,12}(?:[-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}(?:>[ \t]?)+/;
const THEMATIC = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$/;
const TABLE_RULE = /^ {0,3}\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const PLAIN_ITEM = /^[ \t\u3000]*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d{1,3}[.、．]|[-*•·])/;
const DATE_LINE = /^date:\s*["']?(\d{4}-\d{1,2}-\d{1,2})/;

function parseFrontMatter(text: string, lines: Line[]): { skip: number; date?: string } {
  if (lines.length < 2) return { skip: 0 };
  const first = text.slice(lines[0].start, lines[0].end).replace(/^\ufeff/, '');
  if (first.trimEnd() !== '---') return { skip: 0 };
  let date: string | undefined;
  for (let k = 1; k < lines.length; k++) {
    const s = text.slice(lines[k].start, lines[k].end);
    const t = s.trimEnd();
    if (t === '---' || t === '...') return { skip: k + 1, date };
    const m = DATE_LINE.exec(s);
    if (m) {
      const [y, mo, d] = m[1].split('-');
      date = `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
    }
  }
  return { skip: 0 };
}

/** 纯文本：只做折叠与段内换行拼接。 */
function preparePlain(text: string, b: Builder): void {
  const lines = splitLines(text);
  let prevProse = false;
  for (const line of lines) {
    const cs = skipIndent(text, line.start, line.end);
    if (cs >= line.end) {
      b.brk(line.start - 1);
      prevProse = false;
      continue;
    }
    if (prevProse) {
      if (PLAIN_ITEM.test(text.slice(line.start, Math.min(line.end, line.start + 12)))) b.brk(line.start - 1);
      else joinLines(b, text, cs, line.start - 1);
    }
    for (let i = cs; i < line.end; i++) b.push(foldCode(text.charCodeAt(i)), i);
    prevProse = true;
  }
}

interface InlineState {
  inComment: boolean;
  /** 各长度的 ` 串与 --> 上一次查找的结果（位置只往后走，找过的不再找：行内代码的查找是线性的）。 */
  runs?: Map<string, { from: number; found: number }>;
}

/** [from, end) 里第一个 code 的位置，没有返回 -1。 */
function indexWithin(text: string, code: number, from: number, end: number): number {
  for (let i = from; i < end; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** [from, end) 里 run 第一次出现的位置（-1 表示没有）；按 run 记住上次的结果。 */
function nextRun(st: InlineState, text: string, run: string, from: number, end: number): number {
  const runs = (st.runs ??= new Map());
  const memo = runs.get(run);
  let found: number;
  if (memo && memo.from <= from && (memo.found < 0 || memo.found >= from)) found = memo.found;
  else {
    found = text.indexOf(run, from);
    runs.set(run, { from, found });
  }
  return found >= 0 && found < end ? found : -1;
}

const URL_START = /^(?:https?:\/\/|www\.)/i;

/** 网址一直延续到空白、右括号引号或中文标点为止（路径里可以有汉字）。 */
function isUrlChar(c: number): boolean {
  if (c <= 32 || c === 41 /* ) */ || c === 93 /* ] */ || c === 62 /* > */ || c === 34 || c === 39) return false;
  if ((c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2018 && c <= 0x201f)) return false;
  return true;
}

/**
 * 行内结构（链接、图片、标签、行内代码）最多往后找这么远：每个 [ < ` 都要往后找配对，
 * 不设上限时 20 万个 [ 后跟 20 万个 ] 就是平方级（CommonMark 的链接标签上限也是 999 字符）。
 */
const MAX_INLINE_SPAN = 1000;

/** 找配对的右括号（允许嵌套），找不到（或超出 MAX_INLINE_SPAN）返回 -1。 */
function findClose(text: string, from: number, end: number, open: number, close: number): number {
  let depth = 0;
  const limit = Math.min(end, from + MAX_INLINE_SPAN);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 92) {
      i++;
      continue;
    }
    if (c === open) depth++;
    else if (c === close) {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

function inline(text: string, start: number, end: number, b: Builder, st: InlineState): void {
  let i = start;
  while (i < end) {
    if (st.inComment) {
      const close = nextRun(st, text, '-->', i, end - 2);
      if (close < 0) return;
      i = close + 3;
      st.inComment = false;
      b.obj(i - 3);
      continue;
    }
    const c = text.charCodeAt(i);
    switch (c) {
      case 92: {
        // 反斜杠转义
        const n = text.charCodeAt(i + 1);
        if (i + 1 < end && n > 32 && n < 127 && !isWordish(n)) {
          b.push(foldCode(n), i + 1);
          i += 2;
          continue;
        }
        break;
      }
      case 96: {
        // 行内代码 `…`
        let n = 1;
        while (text.charCodeAt(i + n) === 96) n++;
        const close = nextRun(st, text, '`'.repeat(n), i + n, end);
        if (close >= 0) {
          b.obj(i);
          i = close + n;
        } else i += n;
        continue;
      }
      case 33: {
        // 图片 ![alt](src)
        if (text.charCodeAt(i + 1) === 91) {
          const cb = findClose(text, i + 2, end, 91, 93);
          if (cb > 0 && text.charCodeAt(cb + 1) === 40) {
            const cp = findClose(text, cb + 2, end, 40, 41);
            if (cp > 0) {
              b.obj(i);
              i = cp + 1;
              continue;
            }
          }
        }
        break;
      }
      case 91: {
        // 链接 [文字](地址) 或 [文字][引用]：文字是正文，地址不是
        const cb = findClose(text, i + 1, end, 91, 93);
        if (cb > 0) {
          const after = text.charCodeAt(cb + 1);
          let skipTo = -1;
          if (after === 40) {
            const cp = findClose(text, cb + 2, end, 40, 41);
            if (cp > 0) skipTo = cp + 1;
          } else if (after === 91) {
            const cr = findClose(text, cb + 2, end, 91, 93);
            if (cr > 0) skipTo = cr + 1;
          }
          if (skipTo > 0) {
            inline(text, i + 1, cb, b, st);
            i = skipTo;
            continue;
          }
        }
        break;
      }
      case 60: {
        // <!-- 注释 -->、<自动链接>、HTML 标签
        if (text.startsWith('<!--', i)) {
          st.inComment = true;
          b.obj(i);
          i += 4;
          continue;
        }
        const gt = indexWithin(text, 62, i + 1, Math.min(end, i + 1 + MAX_INLINE_SPAN));
        if (gt > 0) {
          const inner = text.slice(i + 1, gt);
          if (/^[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*$/.test(inner) || /^[^\s@<>]+@[^\s@<>]+$/.test(inner)) {
            b.obj(i);
            i = gt + 1;
            continue;
          }
          if (/^\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?$/.test(inner)) {
            i = gt + 1;
            continue;
          }
        }
        break;
      }
      case 42: // *
      case 126: {
        // ~
        let n = 1;
        while (text.charCodeAt(i + n) === c) n++;
        if (c === 126 && n < 2) break;
        i += n;
        continue;
      }
      case 95: {
        // _ 只在成对（__）或贴着非字母数字时算强调标记
        let n = 1;
        while (text.charCodeAt(i + n) === 95) n++;
        const before = i > start ? text.charCodeAt(i - 1) : 32;
        const afterC = text.charCodeAt(i + n);
        if (n >= 2 || !isWordish(before) || !isWordish(afterC)) {
          i += n;
          continue;
        }
        break;
      }
      case 104: // h
      case 72:
      case 119: // w
      case 87: {
        if (URL_START.test(text.slice(i, i + 8))) {
          let j = i;
          while (j < end && isUrlChar(text.charCodeAt(j))) j++;
          b.obj(i);
          i = j;
          continue;
        }
        break;
      }
    }
    b.push(foldCode(c), i);
    i++;
  }
}

function prepareMarkdown(text: string, b: Builder, frontMatter: boolean): string | undefined {
  const lines = splitLines(text);
  const fm = frontMatter ? parseFrontMatter(text, lines) : { skip: 0 };
  const st: InlineState = { inComment: false };
  let fence: string | null = null;
  let prevProse = false;
  let prevQuote = false;
  for (let k = fm.skip; k < lines.length; k++) {
    const line = lines[k];
    const raw = text.slice(line.start, Math.min(line.end, line.start + 200));
    if (fence !== null) {
      const m = FENCE.exec(raw);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && raw.trim() === m[1]) fence = null;
      continue;
    }
    if (st.inComment) {
      inline(text, line.start, line.end, b, st);
      prevProse = false;
      continue;
    }
    const fm2 = FENCE.exec(raw);
    if (fm2) {
      fence = fm2[1];
      b.brk(line.start - 1);
      prevProse = false;
      continue;
    }
    let cs = skipIndent(text, line.start, line.end);
    if (cs >= line.end || THEMATIC.test(raw) || TABLE_RULE.test(raw)) {
      b.brk(line.start - 1);
      prevProse = false;
      continue;
    }
    let blockStart = false;
    let m = QUOTE.exec(raw);
    if (m) cs = skipIndent(text, line.start + m[0].length, line.end);
    // 进出引用块都是块边界
    if (!!m !== prevQuote) blockStart = true;
    prevQuote = !!m;
    const rest = text.slice(cs, Math.min(line.end, cs + 200));
    if ((m = HEADING.exec(rest))) {
      cs += m[0].length;
      blockStart = true;
    } else if ((m = LIST.exec(rest))) {
      cs += m[0].length;
      blockStart = true;
    } else if (rest.startsWith('|')) {
      blockStart = true;
    }
    if (blockStart || !prevProse) b.brk(line.start - 1);
    else joinLines(b, text, cs, line.start - 1);
    inline(text, cs, line.end, b, st);
    // 标题、表格行自成一块
    prevProse = !HEADING.test(rest) && !rest.startsWith('|');
    if (!prevProse) b.brk(line.end);
  }
  return fm.date;
}

/**
 * @param frontMatter 开头的 --- … --- 是否按前言处理（整篇文档的第一块才是）。
 */
export function prepare(text: string, language: 'markdown' | 'plaintext' = 'markdown', frontMatter = true): Prepared {
  const b = new Builder(text.length);
  let frontMatterDate: string | undefined;
  if (language === 'markdown') frontMatterDate = prepareMarkdown(text, b, frontMatter);
  else preparePlain(text, b);
  const { norm, map } = b.finish(text);
  return { text, norm, map, frontMatterDate };
}

/** norm 中 [s, e) 对应的原文区间。 */
export function toOriginal(p: Prepared, s: number, e: number): { offset: number; length: number } {
  const start = p.map[s];
  const last = p.map[e - 1];
  // 代理对：norm 与原文逐码元对应，末码元 +1 即可
  return { offset: start, length: last + 1 - start };
}
