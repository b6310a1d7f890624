// ended-plan：名称里自带起止年份的计划、规划、方案（“教师教育振兴行动计划（2018—2022年）”），实施期已过，
// 句子却把它写成当前或将来的工作（“学院将深入实施……”）。不靠词表：起止期就写在名称里。
// 词表里已有的计划（自有起止期与替换写法）由 outdated-term 报，这里跳过；时态的判断与 outdated-term 共用（stance.ts）。
import type { Finding } from '../types';
import { findYearRanges } from '../text/years';
import { clauseAt } from './clause';
import { markedHistorical, titleTreatedAsCurrent } from './context';
import { makeFinding } from './finding';
import { ruleSeverity } from './severity';
import { stanceOf } from './stance';
import type { RuleEnv } from './term-rules';
import { titleAround } from './titles';

// 名称的结尾：计划类的字眼，然后是左括号（年份区间在括号里）
const NAME_END = /(?:规划纲要|规划|计划|方案|纲要|行动|工程)[”"’']?\s*[(（]\s*$/;
// 名称前面的动词：名称从它后面开始（不在书名号里时，名称与前面的动词之间没有标点）
const VERB_BEFORE = /(?:深入实施|全面实施|组织实施|继续实施|实施|贯彻落实|落实|贯彻|执行|推进|推动|按照|依据|根据|对照|对接|围绕|启动|开展|参与|承担|服务|用好|做好)$/;
const MAX_NAME = 30;

function nameChar(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || c === 0x201c || c === 0x201d || c === 0x22 || (c >= 0x30 && c <= 0x39) || c === 0x3007 || c === 0xb7 || c === 0x2b;
}

export function endedPlanRule(env: RuleEnv): Finding[] {
  const { scan, asOf, options } = env;
  const severity = ruleSeverity('ended-plan', options);
  if (!severity) return [];
  const norm = scan.p.norm;
  const asOfYear = Number(asOf.slice(0, 4));
  const out: Finding[] = [];
  for (const r of findYearRanges(norm)) {
    // 末年当年仍在实施期内
    if (r.to.year >= asOfYear || r.from.year >= r.to.year) continue;
    const back = norm.slice(Math.max(0, r.from.s - MAX_NAME - 4), r.from.s);
    const end = NAME_END.exec(back);
    const close = /^年?\s*[)）]/.exec(norm.slice(r.to.e, r.to.e + 3));
    if (!end || !close) continue;
    const sent = scan.sentences.sentenceAt(r.from.s);
    let s = r.from.s - back.length + end.index;
    const stop = Math.max(sent.start, s - MAX_NAME);
    while (s > stop && nameChar(norm.charCodeAt(s - 1)) && !VERB_BEFORE.test(norm.slice(Math.max(sent.start, s - 4), s))) s--;
    let e = r.to.e + close[0].length;
    // 至少两个字的名称加上计划类的字眼
    if (r.from.s - s < 4) continue;
    // 词表里的计划：outdated-term 按词条报
    if (scan.forms.some((f) => f.s < e && s < f.e)) continue;
    const title = titleAround(norm, sent, s, e);
    if (title) {
      if (!titleTreatedAsCurrent(norm, sent.start, title)) continue;
      s = title.start;
      e = title.end;
    }
    const name = norm.slice(s, e);
    if (!env.allowed('ended-plan', name)) continue;
    const clause = clauseAt(norm, sent, s, e);
    if (markedHistorical(norm, clause, s)) continue;
    const st = stanceOf(norm, s, e, clause, r.to.year, asOfYear);
    if (st.stance !== 'current') continue;
    const written = scan.p.text.slice(scan.p.map[s], scan.p.map[e - 1] + 1);
    const message = `“${written}”的实施期已于 ${r.to.year} 年结束，不能再写成现行的计划或项目（文档日期 ${asOf}，${st.cue ? `本句“${st.cue}”` : '本句'}把它写成了当前或将来）`;
    out.push(makeFinding(scan, s, e, 'ended-plan', { id: 'ended-plan' }, severity, message, []));
  }
  return out;
}
