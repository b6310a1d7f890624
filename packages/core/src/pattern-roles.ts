// 自动机每个模式的用途，一个字节一格：写法（及是否唯一、不分大小写）、长名称开头、短名称头两字/末两字、固定提法锚点。
// 真实政策文本里每兆字节有十万多个命中，九成只是常用词作锚点；命中时读一个类型化数组的字节，
// 比逐个去看 forms[p]、nameAnchors[p] 这些数组（每个都是堆上的一个对象）省下大半的缓存未命中。
import type { CompiledMatcher } from './glossary/compile';
import { perMatcher, type PerMatcher } from './per-matcher';
import { shortPlan } from './short-plan';

export const ROLE_FORM = 1;
export const ROLE_NAME = 2;
export const ROLE_SHORT_PREFIX = 4;
export const ROLE_SHORT_SUFFIX = 8;
export const ROLE_ANCHOR = 16;
/** 写法只对应一个词条写法、又不含拉丁字母：命中就是它，不必按原文大小写挑。 */
export const ROLE_SOLE_FORM = 32;

export interface PatternRoles {
  roles: Uint8Array;
  /** 模式的长度（UTF-16 码元）。 */
  lengths: Int32Array;
}

export const patternRoles: PerMatcher<PatternRoles> = perMatcher(build);

function build(matcher: CompiledMatcher): PatternRoles {
  const n = matcher.forms.length;
  const roles = new Uint8Array(n);
  const lengths = new Int32Array(matcher.ac.lengths);
  const short = shortPlan(matcher);
  for (let p = 0; p < n; p++) {
    let r = 0;
    const forms = matcher.forms[p];
    if (forms.length) r |= ROLE_FORM;
    if (forms.length === 1 && !/[a-z]/i.test(forms[0].exact)) r |= ROLE_SOLE_FORM;
    if (matcher.nameAnchors[p].length) r |= ROLE_NAME;
    if (short.prefix.start[p] !== short.prefix.start[p + 1]) r |= ROLE_SHORT_PREFIX;
    if (short.suffix.start[p] !== short.suffix.start[p + 1]) r |= ROLE_SHORT_SUFFIX;
    if (matcher.anchorStart[p] !== matcher.anchorStart[p + 1]) r |= ROLE_ANCHOR;
    roles[p] = r;
  }
  return { roles, lengths };
}
