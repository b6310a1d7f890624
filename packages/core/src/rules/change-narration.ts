// 叙述更名、升级、撤并本身的分句（“由X升级为Y”“X更名为Y”“不再保留X”）提到旧名是历史叙述，不是在用旧名。
// 官方文件宣布变化时正是这样写的。只看术语紧前、紧后的几个字，工作量有界。

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
