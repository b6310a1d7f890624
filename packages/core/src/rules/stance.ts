// 时态判断（有起止期的词条共用）：分句把这个时期/项目说成当前、正在进行或将来（current），还是回顾（retrospective）。
// 只有文档日期晚于终止日期、且分句是 current 时才算过时用法；回顾性叙述是正确写法。
// 做法：紧跟术语的“以来、末、收官、结束”直接定为回顾；其余按分句里的线索加权，多者胜，持平为 neutral（不报）。
import type { Clause } from './clause';
import { narratedYears } from '../text/years';

export type Stance = 'current' | 'retrospective' | 'neutral';

export interface StanceResult {
  stance: Stance;
  /** 起决定作用的线索（用于说明）。 */
  cue?: string;
}

// 紧跟术语（可隔一个引号）：回顾
const RETRO_NEXT = /^[”"’']?(?:(?:实施|启动|建设|开展|推进|执行)?以来|收官(?!之年|年|阶段|冲刺)|结束|完成|验收|建设成效|实施成效|的成效|的成就|取得的|(?:期间|时期|内|中)?[^,;:。的]{0,6}(?:形成|建成|取得|积累|出台|行之有效|探索|打下|奠定|获得|完成|实现|培育|创造|总结)的)/;
// 术语前紧挨着的“将”（可隔引号或“首轮”）
const DISPOSAL_JIANG = /将[“"‘']?(?:首轮)?[“"‘']?$/;
// 紧挨术语之前：回顾
const RETRO_PREV = /(?:回顾|总结|完成了|收官的|结束了?|实施了|落实了|参与了|经过|历经|在过去的?)[“"‘']?$/;

// 评估、总结类动作的对象是过去的时期（“总结‘十四五’经验”“对照‘十四五’目标查漏补缺”）：术语本身的分句里出现即为回顾
const EVALUATION = /总结|回顾|盘点|复盘|评估|查漏补缺|检视|验收|考核|终期|收尾|对比|比较|梳理|绩效评价/;
// 别的规划期、项目轮次：分句里的线索属于离它更近的那个时期
const OTHER_PERIOD = /十[一二三四五六七八九]五|第[一二三四五六七八九十]+轮|第[一二三四五六七八九十]+期|新一轮|首轮/g;

interface Cue {
  re: RegExp;
  w: number;
}

const CURRENT: Cue[] = [
  { re: /当前|目前|现阶段|正处于|正在|正值|当下|眼下/, w: 3 },
  { re: /是[^,;:。]{0,14}(?:之年|一年|关键期|攻坚期|起步期|冲刺期|重要时期|关键时期)/, w: 3 },
  { re: /今年|本年度|明年|新的一年|下一步|下一阶段|接下来|未来|即将|今后/, w: 3 },
  // “开局之年、收官之年”本身只是指那一年：“今年是……收官之年”由上一条（是……之年）认作当前，
  // “在‘十四五’收官之年，学院各项指标全面完成”在 2026 年说的是 2025 年
  { re: /关键一年|决胜|冲刺|(?<!脱贫)攻坚|后半程|进入[^,;:。]{0,6}(?:阶段|时期|期)/, w: 3 },
  { re: /(?<![即必])将(?![近来军士领])|(?<![主重需纪摘概只想不纲提简首必紧次扼])要(?![求素点闻义旨害领务件])|(?<![虚模])拟|力争|争取|确保|务必|必须|着力|努力|(?<=[校院们门将还正])计划/, w: 4 },
  { re: /以[^,;:。\u0000]{0,6}\u0000[^,;:。]{0,8}为(?:引领|指导|指引|抓手|统领|主线|目标|导向|遵循|依据|契机|重点)/, w: 3 },
  { re: /继续|持续|深入推进|全力推进|加快推进|扎实推进|稳步推进|推进|深入实施|全面实施|实施|落实|贯彻|服务|对接|围绕|聚焦|对标|对照|按照|依据|根据|执行|遵照|遵循|助力|启动|谋划|编制|抓好|做好|立足|紧扣|瞄准|迎接|奋力|全面推动|推动/, w: 2 },
];

const RETRO: Cue[] = [
  // 以这个时期为句子的时间框架（“‘十四五’期间，学院持续推进……”）：文档日期已过了这个时期，说的是那几年里做过的事，
  // 延续类动词（持续、深入实施）不足以把它说成当前；“将、要、力争”等明确的将来线索权重更大，照样报
  { re: /\u0000[”"’']?(?:期间|时期)/, w: 3 },
  { re: /(?:^|\u0000[”"’']?)(?:期末|末)|(?:实施|建设|执行)期(?:间|内)|以来|(?:[一二两三四五六七八九十几多数近]|\d)年来|累计|共计|先后|历时|圆满|(?:胜利|全面|顺利)完成|期间[^,;:。]{0,8}(?:共|累计)|已经|(?<![而])已(?!成为)|曾经?|过去|回顾|总结|收官(?!之年|年|阶段)|验收|绩效评价|结束后?|期满/, w: 3 },
  // 完成体“了”（承接了、参照了、梳理了……）：说的是做过的事。“为了、除了、了解”里的“了”不算
  { re: /[\u4e00-\u9fa5](?<![为除])了(?![解却结])/, w: 3 },
  { re: /成效|成果|成绩|成就|经验|历程|显著|明显|大幅|硕果|丰硕|收获|一批/, w: 1 },
];

function score(cues: Cue[], text: string): { w: number; cue?: string } {
  let w = 0;
  let cue: string | undefined;
  for (const c of cues) {
    const m = c.re.exec(text);
    if (m) {
      w += c.w;
      // 术语的位置在分句文本里是 \u0000：说明里写成“以……为指导”
      cue ??= m[0].replace(/\u0000/g, '……');
    }
  }
  return { w, cue };
}

/**
 * 分句的时态。endYear：该时期的末年（用来判断句中年份是否属于回顾）；asOfYear：文档年份。
 * 术语本身不参与判断（双高“计划”、行动“计划”里的字不算线索）。
 */
/** 紧跟术语的回顾说法（“……以来”“……时期形成的”）：没有起止期的过时词条也用它认出回顾。 */
export function narratedAfter(after: string): boolean {
  return RETRO_NEXT.test(after);
}

export function stanceOf(norm: string, s: number, e: number, clause: Clause, endYear: number | undefined, asOfYear: number): StanceResult {
  const term = norm.slice(s, e);
  let before = norm.slice(clause.start, s);
  let after = norm.slice(e, clause.end);
  // 只取术语与别的时期名称之间的部分（“‘十五五’开局之年，要对照‘十四五’……”里的“开局之年”属于“十五五”）
  let lastOther = -1;
  for (const m of before.matchAll(OTHER_PERIOD)) if (!term.includes(m[0])) lastOther = m.index! + m[0].length;
  if (lastOther >= 0) before = before.slice(lastOther);
  for (const m of after.matchAll(OTHER_PERIOD)) {
    if (term.includes(m[0])) continue;
    after = after.slice(0, m.index!);
    break;
  }
  const own = norm.slice(Math.max(clause.own.start, s - 16), s) + '\u0000' + norm.slice(e, Math.min(clause.own.end, e + 16));
  const ev = EVALUATION.exec(own);
  if (ev) return { stance: 'retrospective', cue: ev[0] };
  let lead = clause.lead ? norm.slice(clause.lead.start, clause.lead.end) : '';
  if (OTHER_PERIOD.test(lead)) lead = '';
  OTHER_PERIOD.lastIndex = 0;
  // 紧挨术语的“将”是处置介词（= 把）：“规划将‘十四五’规划设置的32项指标精简为24项”，不是将来时
  if (DISPOSAL_JIANG.test(before)) before = before.replace(DISPOSAL_JIANG, '把');
  const text = `${lead},${before}\u0000${after}`;
  const next = RETRO_NEXT.exec(after);
  if (next) return { stance: 'retrospective', cue: next[0].replace(/^[”"’']/, '') };
  const prev = RETRO_PREV.exec(before);
  if (prev) return { stance: 'retrospective', cue: prev[0].replace(/[“"‘']$/, '') };
  const c = score(CURRENT, text);
  const r = score(RETRO, text);
  // 句中年份：文档当年或以后的，是当前/将来；只有早于文档年份（且不晚于该时期末年次年）的年份时，是回顾
  let past: string | undefined;
  let present = false;
  for (const y of narratedYears(text)) {
    if (y.year >= asOfYear) {
      present = true;
      c.w += 3;
      c.cue ??= `${y.year}年`;
    } else if (endYear === undefined || y.year <= endYear + 1) past ??= `${y.year}年`;
  }
  if (past && !present) return { stance: 'retrospective', cue: past };
  if (c.w > r.w) return { stance: 'current', cue: c.cue };
  if (r.w > c.w) return { stance: 'retrospective', cue: r.cue };
  return { stance: 'neutral' };
}
