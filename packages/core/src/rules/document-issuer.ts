// 书名号里的文件前面写了谁、哪一年印发（“2021年，中共中央、国务院印发《……》”），与文件目录不符：
// - 机关：只核对中央层面的四个发文主体（中共中央、国务院、中共中央办公厅、国务院办公厅），写出的机关里有目录没有的才报
//   （只写了联合发文的一方不报）；
// - 年份：紧挨在“（机关）印发”前面的“某年”与目录的日期（及早先版本的日期 earlier）不符才报；12 月、1 月印发的文件，
//   前后一年都算对（成文与发布可能跨年）；法律法规写的是早于现行版本的年份、目录又没记早先版本时不报（可能是首次颁布）。
import type { DocumentRef } from '../types';

const CENTRAL = /中共中央办公厅|中办|国务院办公厅|国办|中共中央(?!办公厅|组织部|宣传部|统战部|网络|政法|编办|党校)|国务院(?!办公厅|新闻办|国资委|扶贫办|侨办|港澳办|台办|发展研究中心|参事室|学位委员会)/g;
const CANONICAL: Record<string, string> = { 中办: '中共中央办公厅', 国办: '国务院办公厅' };

/** 文字里的中央发文主体（规范全称）。 */
function centralIssuers(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(CENTRAL)) out.add(CANONICAL[m[0]] ?? m[0]);
  return out;
}

// 标题前面：[某年[某月[某日]]][，][机关][近日|日前|联合]印发|发布|出台|颁布[了|的]
const BEFORE = /(?:((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?)?[,，]?)?((?:(?:中共中央办公厅|中办|国务院办公厅|国办|中共中央|国务院)[、,，\s和与]*)*)(?:近日|日前|联合|正式)?(?:印发|发布|出台|颁布)(?:了|的)?$/;

export interface IssueProblem {
  /** 有问题的那段在 norm 里的位置。 */
  s: number;
  e: number;
  message: string;
}

/** 标题 [titleStart, …) 前面写的机关或年份与目录里的文件 doc 不符吗。sentStart：本句开头。 */
export function issueProblem(norm: string, sentStart: number, titleStart: number, doc: DocumentRef): IssueProblem | null {
  const from = Math.max(sentStart, titleStart - 40);
  const before = norm.slice(from, titleStart - 1);
  const m = BEFORE.exec(before);
  if (!m) return null;
  const at = from + m.index;
  const who = m[2] ?? '';
  if (who && doc.issuer) {
    const written = centralIssuers(who);
    const listed = centralIssuers(doc.issuer);
    if (written.size && [...written].some((w) => !listed.has(w))) {
      const s = at + m[0].indexOf(who);
      const named = who.replace(/[、,，\s和与]+$/, '');
      return { s, e: s + named.length, message: `《${doc.title}》的印发机关是${doc.issuer}，这里写成了“${named}”` };
    }
  }
  const year = m[1];
  if (year && doc.date) {
    const y = Number(year);
    if ([doc.date, ...(doc.earlier ?? [])].some((d) => sameYear(y, d))) return null;
    // 法律法规常有修订，目录里的 date 是现行版本的：没写早先版本（earlier）时，早于它的年份可能是首次颁布或先前的修订
    if (!doc.earlier && y < Number(doc.date.slice(0, 4)) && REVISABLE.test(doc.title)) return null;
    const when = doc.earlier?.length ? `${[...doc.earlier, doc.date].join('、')}颁布或修订的` : `${doc.date}印发的`;
    return { s: at, e: at + year.length + 1, message: `《${doc.title}》是${when}${doc.issuer ? `（${doc.issuer}）` : ''}，这里写成了${year}年` };
  }
  return null;
}

/** 会修订的法律法规与规章（标题以法、条例、规定、办法等结尾，可带括注）。 */
const REVISABLE = /(?:法|法典|条例|规定|办法|规程|细则|章程|准则)(?:[（(][^）)]*[）)])?$/;

/** 写出的年份 y 与日期 date 的年份一致；12 月、1 月的文件前后一年都算（成文与发布可能跨年）。 */
function sameYear(y: number, date: string): boolean {
  const listed = Number(date.slice(0, 4));
  const month = date.length >= 7 ? Number(date.slice(5, 7)) : 0;
  return y === listed || (month === 12 && y === listed + 1) || (month === 1 && y === listed - 1);
}
