// 由编译好的匹配器推出、检查时反复要用的表（锚点分工、短名称候选、模式用途）：每个匹配器算一次，随匹配器回收。
import type { CompiledMatcher } from './glossary/compile';

export function perMatcher<T>(build: (matcher: CompiledMatcher) => T): (matcher: CompiledMatcher) => T {
  const cache = new WeakMap<CompiledMatcher, T>();
  return (matcher) => {
    let value = cache.get(matcher);
    if (value === undefined) cache.set(matcher, (value = build(matcher)));
    return value;
  };
}
