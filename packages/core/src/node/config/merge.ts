// 合并：后面的（更近的、或 extends 它的）覆盖前面的；数组（词典、白名单、忽略）相接，对象（规则、词条级别）逐键合并。
import type { ConfigLayer, ConfigSettings } from './types';

function concat<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): T[] | undefined {
  if (!a && !b) return undefined;
  const out = [...(a ?? [])];
  for (const item of b ?? []) if (!out.includes(item)) out.push(item);
  return out;
}

export function mergeSettings<T extends ConfigSettings>(base: T, over: ConfigSettings): T {
  const out: T = { ...base };
  if (over.dictionaries) out.dictionaries = concat(base.dictionaries, over.dictionaries);
  if (over.allow) out.allow = concat(base.allow, over.allow);
  if (over.rules) out.rules = { ...base.rules, ...over.rules };
  if (over.terms) out.terms = { ...base.terms, ...over.terms };
  if (over.termPositions) out.termPositions = { ...base.termPositions, ...over.termPositions };
  if (over.asOf !== undefined) out.asOf = over.asOf;
  return out;
}

/** over 合并到 base 之上；file/dir/root 取 over 的。 */
export function mergeLayers(base: ConfigLayer, over: ConfigLayer): ConfigLayer {
  return {
    ...mergeSettings(base, over),
    file: over.file,
    dir: over.dir,
    root: over.root,
    files: concat(base.files, over.files) ?? [],
    ignore: [...base.ignore, ...over.ignore],
    language: { ...base.language, ...over.language },
    overrides: [...base.overrides, ...over.overrides],
  };
}
