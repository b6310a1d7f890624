// 年份：2026年、2026—2030、2026-2030、2026～2030（全角已折叠）、二〇二六年、二零二六年。
// 返回规范化文本里的位置，年份一律换成数字。

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, Ｏ: 0, O: 0, o: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN = '〇零一二三四五六七八九';

export interface YearHit {
  /** 年份数字在文本中的区间（不含“年”）。 */
  s: number;
  e: number;
  year: number;
  /** 写法：阿拉伯数字或汉字数字。 */
  form: 'arabic' | 'chinese';
  /** 后面紧跟“年”。 */
  withNian: boolean;
}

export interface YearRange {
  from: YearHit;
  to: YearHit;
  /** 两个年份之间的连接符原样。 */
  sep: string;
}

// 四位数字年份（前后不是数字），或四个汉字数字（首两位一九/二〇/二零）
const YEAR_RE = new RegExp(`(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])|(?<![${CN}])(?:一九|二[〇零])[${CN}]{2}(?![${CN}])`, 'g');
const RANGE_SEP = /^\s*(?:年\s*)?([—–\-－~～至到]{1,2})\s*$/;

function toNumber(text: string): { year: number; form: YearHit['form'] } {
  if (/^[0-9]+$/.test(text)) return { year: Number(text), form: 'arabic' };
  let y = 0;
  for (const ch of text) y = y * 10 + (CN_DIGIT[ch] ?? 0);
  return { year: y, form: 'chinese' };
}

/** text 里的所有年份；中文数字年份只有后跟“年”或处在年份区间里才算（避免“二〇二六”之外的数字串）。 */
export function findYears(text: string, base = 0): YearHit[] {
  const out: YearHit[] = [];
  for (const m of text.matchAll(YEAR_RE)) {
    const { year, form } = toNumber(m[0]);
    const end = m.index! + m[0].length;
    out.push({ s: base + m.index!, e: base + end, year, form, withNian: text[end] === '年' });
  }
  return out;
}

/** 年份区间（2021—2025年、2021年至2025年、二〇二一—二〇二五年）。 */
export function findYearRanges(text: string, base = 0): YearRange[] {
  const ys = findYears(text, base);
  const out: YearRange[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    const between = text.slice(ys[i].e - base, ys[i + 1].s - base);
    const m = RANGE_SEP.exec(between);
    if (m) out.push({ from: ys[i], to: ys[i + 1], sep: between });
  }
  return out;
}

/** 按原写法（阿拉伯或汉字数字）写出年份。 */
export function formatYear(year: number, form: YearHit['form']): string {
  if (form === 'arabic') return String(year);
  return [...String(year)].map((d) => '〇一二三四五六七八九'[Number(d)]).join('');
}

const DASH = '—–-－~～至到';

/** 作为年份写出的年份：后跟“年”，或在年份区间里（2019—2023年）。光秃秃的四位数（列表序号 2019.）不算。 */
/**
 * 叙述的时间：findDatedYears 去掉书名号里的年份。《现代职业教育体系建设规划（2014—2020年）》里的年份是名称的一部分，
 * 不说明这句话讲的是哪一年（“2014年6月，……农业部……印发《……（2014—2020年）》”是 2014 年的事）。
 */
export function narratedYears(text: string): YearHit[] {
  return findDatedYears(text).filter((y) => !insideBookTitle(text, y.s));
}

function insideBookTitle(text: string, i: number): boolean {
  const open = text.lastIndexOf('《', i);
  return open >= 0 && text.lastIndexOf('》', i) < open && text.indexOf('》', i) >= 0;
}

export function findDatedYears(text: string, base = 0): YearHit[] {
  return findYears(text, base).filter((y) => {
    if (y.withNian) return true;
    const after = text.slice(y.e - base).replace(/^\s+/, '');
    const before = text.slice(0, y.s - base).replace(/\s+$/, '');
    return (DASH.includes(after[0] ?? 'x') && /^[—–\-－~～至到]\s*(?:19|20|一九|二[〇零])/.test(after)) || (DASH.includes(before[before.length - 1] ?? 'x') && /(?:19|20)[0-9]{2}\s*[—–\-－~～至到]$|[〇零一二三四五六七八九]{4}\s*[—–\-－~～至到]$/.test(before));
  });
}
