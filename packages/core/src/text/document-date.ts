// 文档日期：Markdown/YAML 前言的 date:，其次是落款的成文日期（末尾几行里单独成行的日期），再次是选项 asOf，最后是今天。
// 前言日期写法：2026-06-01、2026/06/01、2026.06.01、2026年6月1日（也认 2026-6-1、二〇二六年六月一日）；认不出时给出警告（不悄悄改用今天）。
import { lineStarts } from './positions';

export type DocumentDateSource = 'front-matter' | 'signature' | 'option' | 'today';

export interface DocumentDate {
  /** YYYY-MM-DD。 */
  date: string;
  source: DocumentDateSource;
  /** 日期所在行（1 起），来自前言或落款时有。 */
  line?: number;
  /** 前言 date: 写了但认不出：问题所在的原文区间与说明。 */
  problem?: { offset: number; length: number; message: string };
}

const CN_NUM: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 汉字数字（年逐位；月日可含“十”）。 */
function cnNumber(s: string, positional: boolean): number | undefined {
  if (/^[0-9０-９]+$/.test(s)) return Number(s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)));
  let n = 0;
  if (positional) {
    for (const ch of s) {
      const d = CN_NUM[ch];
      if (d === undefined || d === 10) return undefined;
      n = n * 10 + d;
    }
    return n;
  }
  // 十、十一、二十、二十一、三十一
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(s);
  if (!m || s === '') return undefined;
  if (!m[2]) return m[1] && !m[3] ? CN_NUM[m[1]] : m[3] && !m[1] ? CN_NUM[m[3]] : undefined;
  return (m[1] ? CN_NUM[m[1]] : 1) * 10 + (m[3] ? CN_NUM[m[3]] : 0);
}

function valid(y: number, m: number, d: number): string | undefined {
  if (!(y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31)) return undefined;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const NUMERIC = /^([0-9０-９]{4})\s*[-/.．／－]\s*([0-9０-９]{1,2})\s*[-/.．／－]\s*([0-9０-９]{1,2})$/;
const CHINESE = /^([0-9０-９]{4}|[〇零一二三四五六七八九]{4})\s*年\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*([0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

/** 认一个日期写法；认不出返回 undefined。 */
export function parseDate(raw: string): string | undefined {
  const s = raw.trim();
  const n = NUMERIC.exec(s);
  if (n) return valid(cnNumber(n[1], true)!, cnNumber(n[2], true)!, cnNumber(n[3], true)!);
  const c = CHINESE.exec(s);
  if (c) {
    const y = cnNumber(c[1], true);
    const m = cnNumber(c[2], false);
    const d = cnNumber(c[3], false);
    return y !== undefined && m !== undefined && d !== undefined ? valid(y, m, d) : undefined;
  }
  return undefined;
}

/** 前言里的 date: 行。返回值、行号与原文区间；没有前言或没有 date: 时返回 undefined。 */
function frontMatterDate(full: string): { value: string; line: number; offset: number } | undefined {
  const text = full.slice(0, 20000);
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', bom)) return undefined;
  const starts = lineStarts(text);
  const lineAt = (k: number) => text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : text.length).replace(/\r?\n$/, '');
  if (lineAt(0).replace(/^\ufeff/, '').trimEnd() !== '---') return undefined;
  for (let k = 1; k < starts.length && k < 200; k++) {
    const l = lineAt(k);
    if (/^(?:---|\.\.\.)\s*$/.test(l)) return undefined;
    const m = /^date:[ \t]*(.*?)[ \t]*$/.exec(l);
    if (m) {
      const value = m[1].replace(/^(["'])(.*)\1$/, '$2').replace(/[ \t]+#.*$/, '');
      return { value, line: k + 1, offset: starts[k] + l.indexOf(m[1]) };
    }
  }
  return undefined;
}

// 落款日期：单独成行，只有日期（可带首尾空白、全角空格）
const SIGNATURE_LINES = 8;

function signatureDate(full: string): { date: string; line: number } | undefined {
  // 只看文末一段
  const base = Math.max(0, full.length - 2000);
  const text = full.slice(base);
  const starts = lineStarts(text);
  const lineBase = base ? lineStarts(full.slice(0, base)).length - 1 : 0;
  let seen = 0;
  for (let k = starts.length - 1; k >= 0 && seen < SIGNATURE_LINES; k--) {
    const l = text.slice(starts[k], k + 1 < starts.length ? starts[k + 1] : text.length).replace(/[\s\u3000]+/g, '');
    if (!l) continue;
    seen++;
    // Markdown 的强调、右对齐用的标记不算内容
    const core = l.replace(/^[*_>#]+|[*_]+$/g, '');
    const d = parseDate(core);
    if (d) return { date: d, line: lineBase + k + 1 };
  }
  return undefined;
}

/** 文档日期及其出处。asOf：调用方给的日期（--as-of、设置）；today：缺省日期。 */
export function documentDate(text: string, asOf: string | undefined, today: string, frontMatter = true): DocumentDate {
  const fm = frontMatter ? frontMatterDate(text) : undefined;
  let problem: DocumentDate['problem'];
  if (fm && fm.value) {
    const d = parseDate(fm.value);
    if (d) return { date: d, source: 'front-matter', line: fm.line };
    problem = {
      offset: fm.offset,
      length: Math.max(1, fm.value.length),
      message: `前言的日期“${fm.value}”无法识别（可写 2026-06-01、2026/06/01、2026.06.01 或 2026年6月1日），本文按${asOf ? `设定的 ${asOf}` : `今天 ${today}`}检查`,
    };
  }
  const sig = signatureDate(text);
  if (sig) return { date: sig.date, source: 'signature', line: sig.line, problem };
  if (asOf) return { date: asOf, source: 'option', problem };
  return { date: today, source: 'today', problem };
}

const SOURCE_TEXT: Record<DocumentDateSource, string> = {
  'front-matter': '前言 date:',
  signature: '落款的成文日期',
  option: '设置的检查日期（--as-of / asOf）',
  today: '今天（文中没有日期）',
};

/** “2026-06-01（前言 date:，第 2 行）”。 */
export function describeDocumentDate(d: DocumentDate): string {
  return `${d.date}（${SOURCE_TEXT[d.source]}${d.line ? `，第 ${d.line} 行` : ''}）`;
}
