// wrong-years：有起止期的时期、项目后面（或前面）紧跟的起止年份与事实不符（“‘十三五’规划（2021—2025年）”），报错并给出正确年份。
// 年份的各种写法见 text/years.ts；替换时保留原来的数字写法与连接符。
import type { Finding } from '../types';
import type { FormMatch } from '../scan';
import { findYearRanges, formatYear, type YearRange } from '../text/years';
import { makeFinding } from './finding';
import { severityFor } from './severity';
import type { RuleEnv } from './term-rules';

// 术语与年份之间允许的字：引号、“规划/时期/计划/建设/期间”这类后缀，以及左括号
const AFTER = /^[”"’']?(?:规划纲要|规划|时期|期间|计划|建设|行动计划|实施方案|方案)?[”"’']?\s*[(（]?\s*$/;
const BEFORE = /^\s*年?[的是为即]?[“"‘']?$/;
const GAP = 12;

function rangeAfter(norm: string, e: number, limit: number): YearRange | undefined {
  const text = norm.slice(e, Math.min(limit, e + GAP + 24));
  const r = findYearRanges(text, e)[0];
  return r && AFTER.test(norm.slice(e, r.from.s)) ? r : undefined;
}

function rangeBefore(norm: string, s: number, limit: number): YearRange | undefined {
  const from = Math.max(limit, s - 24);
  const ranges = findYearRanges(norm.slice(from, s), from);
  const r = ranges[ranges.length - 1];
  return r && BEFORE.test(norm.slice(r.to.e, s)) ? r : undefined;
}

export function periodYearsRule(env: RuleEnv): Finding[] {
  const { scan, options } = env;
  const norm = scan.p.norm;
  const out: Finding[] = [];
  for (const m of scan.forms as FormMatch[]) {
    const period = m.ref.entry.period;
    // 推定的起止期（没有官方文件写定年份）不能用来纠正文中的年份
    if (!period?.start || period.approximate) continue;
    const severity = severityFor('wrong-years', m.ref.entry, options);
    if (!severity) continue;
    const sent = scan.sentences.sentenceAt(m.s);
    const r = rangeAfter(norm, m.e, sent.end) ?? rangeBefore(norm, m.s, sent.start);
    if (!r) continue;
    const start = Number(period.start.slice(0, 4));
    const end = Number(period.end.slice(0, 4));
    if (r.from.year === start && r.to.year === end) continue;
    if (!env.allowed(m.ref.entry.id, norm.slice(m.s, m.e))) continue;
    const { text, map } = scan.p;
    // 连接符与数字宽度照原文（～、全角数字不改成半角）
    const wide = (i: number) => text.charCodeAt(map[i]) >= 0xff10 && text.charCodeAt(map[i]) <= 0xff19;
    const year = (y: number, hit: YearRange['from']) => {
      const t = formatYear(y, hit.form);
      return wide(hit.s) ? t.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : t;
    };
    const right = year(start, r.from) + text.slice(map[r.from.e - 1] + 1, map[r.to.s]) + year(end, r.to);
    const written = text.slice(map[r.from.s], map[r.to.e - 1] + 1);
    const message = `“${m.ref.entry.term}”的起止年份是 ${start}—${end} 年，这里写成了“${written}”`;
    const f = makeFinding(scan, r.from.s, r.to.e, 'wrong-years', m.ref.entry, severity, message, [right]);
    out.push({ ...f, deprecated: false });
  }
  return out;
}
