// 修复不收敛：替换写法本身又会被修复（增长词→增长词增长词、增长→再增长、A↔B 互换），--fix 就会无限改下去。
// 判断方法只有一个：把替换写法单独检查一遍，看有没有可自动修复的问题。加载词典与 --fix 都用它。
import type { Entry } from './entry';
import type { Glossary } from './glossary';
import { lint } from '../lint';
import type { Finding, LintOptions } from '../types';

/** newText 单独检查时的第一个可自动修复的问题（没有则 undefined）。 */
export function reMatchingFix(glossary: Glossary, newText: string, options: LintOptions = {}): Finding | undefined {
  const { cache: _cache, ...rest } = options;
  return lint(newText, glossary, { ...rest, language: 'plaintext' }).find((f) => f.fixes.some((x) => x.safe));
}

export interface FixLoop {
  entry: Entry;
  /** 出问题的替换写法在词条里的路径（['replacement','terms',k] 或 ['term']）。 */
  path: (string | number)[];
  target: string;
  again: Finding;
}

/** 词表里修复后还会被再次修复的替换写法。only 给出时只看这些词条。 */
export function fixLoops(glossary: Glossary, only?: (entry: Entry) => boolean, options: LintOptions = {}): FixLoop[] {
  const out: FixLoop[] = [];
  for (const entry of glossary.entries) {
    if (only && !only(entry)) continue;
    const targets: [string, (string | number)[]][] =
      entry.status === 'outdated'
        ? (entry.replacement?.terms ?? []).map((t, k) => [t, ['replacement', 'terms', k]])
        : entry.discouraged?.length
          ? [[entry.term, ['term']]]
          : [];
    for (const [target, path] of targets) {
      const again = reMatchingFix(glossary, target, options);
      if (again) out.push({ entry, path, target, again });
    }
  }
  return out;
}
