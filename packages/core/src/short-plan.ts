// 短名称错字（同音、近音、形近）的扫描表。片段与短名称恰好差一个字时：
// - 头两字命中（片段起点 = 命中终点 − 2）：第 3、4 字（命中终点处与其后一字）至少有一个与名称相同；
// - 末两字命中（片段终点 = 命中终点）：倒数第 3、4 字（命中终点前 3、4 字）至少有一个与名称相同。
// 所以每个模式、每一侧把候选按这两个位置上的字排好序，命中时取文中那两个字二分查找，只细比字对得上的候选。
// “教育”“职业”这类头两字有二三十个候选，而绝大多数命中后面跟着的是别的词，一个候选也不用细比。
import type { CompiledMatcher } from './glossary/compile';
import { perMatcher, type PerMatcher } from './per-matcher';

/** 一侧的候选：按 key 排好序；name 为短名称下标。 */
export interface ShortSide {
  /** 模式 p 的候选区间 [start[p], start[p+1])。 */
  start: Int32Array;
  keyA: Int32Array;
  nameA: Int32Array;
  keyB: Int32Array;
  nameB: Int32Array;
}

export interface ShortPlan {
  /** 头两字命中：比对位置相对命中终点为 0、+1。 */
  prefix: ShortSide;
  /** 末两字命中：比对位置相对命中终点为 −3、−4。 */
  suffix: ShortSide;
}

export const shortPlan: PerMatcher<ShortPlan> = perMatcher((matcher) => ({ prefix: buildSide(matcher, 0), suffix: buildSide(matcher, 1) }));

function buildSide(matcher: CompiledMatcher, side: 0 | 1): ShortSide {
  const { shortAnchors, shortNames } = matcher;
  // 一万多个模式里只有几百个是短名称的头两字或末两字：先数、再只给这些排序（不为每个模式建临时数组，启动时省十几毫秒）
  const start = new Int32Array(shortAnchors.length + 1);
  for (let p = 0; p < shortAnchors.length; p++) {
    let n = 0;
    for (const c of shortAnchors[p]) if ((c & 1) === side) n++;
    start[p + 1] = start[p] + n;
  }
  const n = start[shortAnchors.length];
  const out: ShortSide = { start, keyA: new Int32Array(n), nameA: new Int32Array(n), keyB: new Int32Array(n), nameB: new Int32Array(n) };
  // 比对的两个位置（在名称里）：头两字命中看第 3、4 字，末两字命中看倒数第 3、4 字
  const charAt = (form: string, which: 0 | 1) => form.charCodeAt(side === 0 ? 2 + which : form.length - 3 - which);
  for (let p = 0; p < shortAnchors.length; p++) {
    if (start[p] === start[p + 1]) continue;
    const names = shortAnchors[p].filter((c) => (c & 1) === side).map((c) => c >> 1);
    const byA = [...names].sort((x, y) => charAt(shortNames[x].form, 0) - charAt(shortNames[y].form, 0) || x - y);
    const byB = names.sort((x, y) => charAt(shortNames[x].form, 1) - charAt(shortNames[y].form, 1) || x - y);
    byA.forEach((name, k) => {
      out.keyA[start[p] + k] = charAt(shortNames[name].form, 0);
      out.nameA[start[p] + k] = name;
    });
    byB.forEach((name, k) => {
      out.keyB[start[p] + k] = charAt(shortNames[name].form, 1);
      out.nameB[start[p] + k] = name;
    });
  }
  return out;
}

/** keys[lo, hi) 里第一个 ≥ key 的下标。 */
export function lowerBound(keys: Int32Array, lo: number, hi: number, key: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
