// 由编译好的匹配器推出、检查时反复要用的表（锚点分工、短名称候选、模式用途）：每个匹配器算一次，随匹配器回收。
// 默认词表的编译快照把这些表也存着（node/compiled-glossary.ts），读快照时用 seed 直接放进缓存：新进程第一次检查不必现算。
import type { CompiledMatcher } from './glossary/compile';

export interface PerMatcher<T> {
  (matcher: CompiledMatcher): T;
  seed(matcher: CompiledMatcher, value: T): void;
}

export function perMatcher<T>(build: (matcher: CompiledMatcher) => T): PerMatcher<T> {
  const cache = new WeakMap<CompiledMatcher, T>();
  const get = ((matcher: CompiledMatcher) => {
    let value = cache.get(matcher);
    if (value === undefined) cache.set(matcher, (value = build(matcher)));
    return value;
  }) as PerMatcher<T>;
  get.seed = (matcher, value) => cache.set(matcher, value);
  return get;
}
