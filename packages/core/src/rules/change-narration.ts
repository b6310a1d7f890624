// 叙述更名、升级、撤并本身的分句（“由X升级为Y”“X更名为Y”“不再保留X”）提到旧名是历史叙述，不是在用旧名。
// 官方文件宣布变化时正是这样写的。describesChange 只看术语紧前、紧后的几个字；同一句里写出接替的名称时，
// namedWithSuccessor / renamedInSentence 看这一句（工作量都有界，只在过时词条的命中上做）。

/** 术语后紧跟（可隔一个收引号）：X升级为、X更名为、X已正式改称、X已统一更名…… */
const CHANGE_AFTER = /^[”"’』」》）)]?(?:已经?|正式|已正式|于\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?)?(?:统一|全部|均|陆续|先后|分别|逐步)?(?:更名|改名|改称|升级|升格|调整|合并|整合|并入|转设|变更|改版|改建|重组|改组|撤销|撤并)/;
/** 术语前紧挨着（可隔一个开引号）：不再保留X、撤销X、由X、取代X…… */
const CHANGE_BEFORE = /(?:不再保留|撤销|取代|替代|代替|接替|原称|旧称|曾用名|原名|曾名)[“"‘『「《（(]?$/;
/** “由X……为/成Y”：由 紧挨术语，且后面几个字里有“为/成” */
const FROM_BEFORE = /由[“"‘『「《（(]?$/;
const FROM_AFTER = /^[^，。；：,;:]{0,12}?(?:升级|更名|改名|调整|整合|转设|升格|改版|改建|变更|发展|改)(?:为|成)/;

export function describesChange(norm: string, clauseStart: number, clauseEnd: number, s: number, e: number): boolean {
  const before = norm.slice(Math.max(clauseStart, s - 8), s);
  const after = norm.slice(e, Math.min(clauseEnd, e + 16));
  if (CHANGE_AFTER.test(after) || CHANGE_BEFORE.test(before)) return true;
  return FROM_BEFORE.test(before) && FROM_AFTER.test(after);
}

/**
 * 旧名与接替它的名称并列写出（“中央全面深化改革领导小组和中央全面深化改革委员会会议”）：说的是前后两个时期，
 * 作者知道改名，旧名指的是改名以前。
 */
export function namedWithSuccessor(norm: string, e: number, clauseEnd: number, successors: readonly string[] | undefined): boolean {
  if (!successors?.length) return false;
  const after = norm.slice(e, Math.min(clauseEnd, e + 40));
  const m = /^[”"’']?(?:和|与|及|以及|、)/.exec(after);
  return !!m && successors.some((t) => after.startsWith(t, m[0].length) || after.startsWith(`“${t}`, m[0].length));
}

// 句中说到改名、换牌或承接：改用、改为、更名、改称、现称、“（现……）”、挂牌、摘下牌子、“在……基础上”
const RENAMED = /改用|改为|改成|更名|改名|改称|现称|现名|[（(]现|挂牌|摘下|摘牌|基础上/;

/**
 * 同一句里既有旧名、又有接替它的名称，并说到改名或换牌（“……称为顶岗实习；修订后，学院统一改用岗位实习的提法”
 * “国家乡村振兴局挂牌成立，‘国务院扶贫开发领导小组办公室’的牌子此前已经摘下”）：作者在叙述改名，旧名指的是改名以前。
 */
export function renamedInSentence(norm: string, sent: { start: number; end: number }, paragraphEnd: number, successors: readonly string[] | undefined): boolean {
  if (!successors?.length) return false;
  // 分号分开的下半句（“……称为顶岗实习；修订后，改用岗位实习”）也算：往后看到段落内的几十个字
  const semicolon = /[;；]/.test(norm[sent.end - 1] ?? '') || /[;；]/.test(norm[sent.end] ?? '');
  const text = norm.slice(sent.start, semicolon ? Math.min(paragraphEnd, sent.end + 40) : sent.end);
  return RENAMED.test(text) && successors.some((t) => text.includes(t));
}
