// 短名称同音错字的扫描表：每个模式（短名称的头两字或末两字）一段扁平的类型化数组，扫描时逐个命中先做两字的快速排除。
// 片段与短名称恰好差一个字时，头两字命中的，第 3、4 字里至少有一个与名称相同；末两字命中的，倒数第 3、4 字里至少有一个相同。
// 大多数命中（“教育”“职业”后面跟着别的词）在这两次比较里就排除了，不必逐字比整段。
import type { CompiledMatcher } from './glossary/compile';

export interface ShortPlan {
  /** 模式 p 的候选：下标 [start[p], start[p+1])。 */
  start: Int32Array;
  /** 短名称下标。 */
  name: Int32Array;
  /** 片段起点相对命中终点的偏移（负数）：头两字命中为 −2，末两字命中为 −名称长度。 */
  back: Int32Array;
  /** 快速排除用的两个位置（相对片段起点）及名称在那里的字。 */
  posA: Int32Array;
  charA: Int32Array;
  posB: Int32Array;
  charB: Int32Array;
}

const plans = new WeakMap<CompiledMatcher, ShortPlan>();

export function shortPlan(matcher: CompiledMatcher): ShortPlan {
  let plan = plans.get(matcher);
  if (!plan) plans.set(matcher, (plan = buildPlan(matcher)));
  return plan;
}

function buildPlan(matcher: CompiledMatcher): ShortPlan {
  const { shortAnchors, shortNames } = matcher;
  const start = new Int32Array(shortAnchors.length + 1);
  shortAnchors.forEach((list, p) => (start[p + 1] = start[p] + list.length));
  const n = start[shortAnchors.length];
  const plan: ShortPlan = { start, name: new Int32Array(n), back: new Int32Array(n), posA: new Int32Array(n), charA: new Int32Array(n), posB: new Int32Array(n), charB: new Int32Array(n) };
  shortAnchors.forEach((list, p) =>
    list.forEach((code, k) => {
      const j = start[p] + k;
      const form = shortNames[code >> 1].form;
      const suffix = (code & 1) === 1;
      const [a, b] = suffix ? [form.length - 3, form.length - 4] : [2, 3];
      plan.name[j] = code >> 1;
      plan.back[j] = suffix ? -form.length : -2;
      plan.posA[j] = a;
      plan.charA[j] = form.charCodeAt(a);
      plan.posB[j] = b;
      plan.charB[j] = form.charCodeAt(b);
    }),
  );
  return plan;
}
