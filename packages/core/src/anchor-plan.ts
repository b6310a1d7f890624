// 固定提法锚点的分工：哪些锚点命中时立即记到提法上（eager），哪些等句末再查（lazy）。
// “推进”“教育”这类常用两字词是几十条提法的锚点，一句里出现一次就要给几十条提法记位、句末逐条判断；
// 而一条提法至少要命中 anchorsNeeded 个锚点才值得比对。把每条提法最常用的 anchorsNeeded − 1 个锚点改为句末再查：
// 只命中这些锚点的提法不可能够数，不必记；由其余锚点记上的提法，句末再看这几个锚点在本句出现过没有。
// 结果（哪些句子、哪些提法进入比对）与全部立即记位完全相同，只是少做了绝大多数记位与判断。
import type { CompiledMatcher } from './glossary/compile';
import { perMatcher, type PerMatcher } from './per-matcher';

export interface AnchorPlan {
  /** 模式 p 立即记位的锚点：eagerFormulation/eagerBit[eagerStart[p] .. eagerStart[p+1])。 */
  eagerStart: Int32Array;
  eagerFormulation: Int32Array;
  eagerBit: Int32Array;
  /** 提法 f 句末再查的锚点：lazyPattern/lazyBit[lazyStart[f] .. lazyStart[f+1])。 */
  lazyStart: Int32Array;
  lazyPattern: Int32Array;
  lazyBit: Int32Array;
  /** 提法 f 需要命中的锚点数。 */
  need: Int32Array;
}

/** 被至少这么多条提法共用的锚点才算常用、才改为句末再查。 */
const SHARED = 3;

export const anchorPlan: PerMatcher<AnchorPlan> = perMatcher(buildPlan);

function buildPlan(matcher: CompiledMatcher): AnchorPlan {
  const { anchorStart, anchorFormulation, anchorBit, formulations } = matcher;
  const patterns = anchorStart.length - 1;
  const shared = (p: number) => anchorStart[p + 1] - anchorStart[p];
  // 每条提法的锚点（下标 k），按共用程度由高到低
  const byFormulation: number[][] = formulations.map(() => []);
  const patternOf = new Int32Array(anchorFormulation.length);
  for (let p = 0; p < patterns; p++) {
    for (let k = anchorStart[p]; k < anchorStart[p + 1]; k++) {
      patternOf[k] = p;
      byFormulation[anchorFormulation[k]].push(k);
    }
  }
  const lazy = new Uint8Array(anchorFormulation.length);
  const need = new Int32Array(formulations.length);
  formulations.forEach((f, fi) => {
    need[fi] = f.anchorsNeeded;
    const ks = byFormulation[fi].filter((k) => shared(patternOf[k]) >= SHARED).sort((a, b) => shared(patternOf[b]) - shared(patternOf[a]) || a - b);
    for (const k of ks.slice(0, Math.max(0, f.anchorsNeeded - 1))) lazy[k] = 1;
  });
  const eagerStart = new Int32Array(patterns + 1);
  for (let p = 0; p < patterns; p++) {
    let n = 0;
    for (let k = anchorStart[p]; k < anchorStart[p + 1]; k++) if (!lazy[k]) n++;
    eagerStart[p + 1] = eagerStart[p] + n;
  }
  const eagerFormulation = new Int32Array(eagerStart[patterns]);
  const eagerBit = new Int32Array(eagerStart[patterns]);
  for (let p = 0, j = 0; p < patterns; p++) {
    for (let k = anchorStart[p]; k < anchorStart[p + 1]; k++) {
      if (lazy[k]) continue;
      eagerFormulation[j] = anchorFormulation[k];
      eagerBit[j++] = anchorBit[k];
    }
  }
  const lazyStart = new Int32Array(formulations.length + 1);
  byFormulation.forEach((ks, fi) => (lazyStart[fi + 1] = lazyStart[fi] + ks.filter((k) => lazy[k]).length));
  const lazyPattern = new Int32Array(lazyStart[formulations.length]);
  const lazyBit = new Int32Array(lazyStart[formulations.length]);
  byFormulation.forEach((ks, fi) => {
    let j = lazyStart[fi];
    for (const k of ks) {
      if (!lazy[k]) continue;
      lazyPattern[j] = patternOf[k];
      lazyBit[j++] = anchorBit[k];
    }
  });
  return { eagerStart, eagerFormulation, eagerBit, lazyStart, lazyPattern, lazyBit, need };
}
