// 一次扫描：规范化 → 自动机 → 写法命中（最长优先、互不重叠）与固定提法锚点（按句分组）。
import type { CompiledMatcher, FormRef } from './glossary/compile';
import type { Glossary } from './glossary/glossary';
import { foldKeepCase } from './text/fold';
import { prepare, type Prepared } from './text/normalize';
import { Sentences } from './text/sentences';

export interface FormMatch {
  /** norm 中的区间。 */
  s: number;
  e: number;
  ref: FormRef;
  /** 写法与词表只差大小写（如 1+x 对 1+X）。 */
  caseDiffers: boolean;
}

export interface Scan {
  p: Prepared;
  sentences: Sentences;
  matcher: CompiledMatcher;
  forms: FormMatch[];
  /** 句子序号 → 固定提法下标 → 命中的锚点集合（位掩码不够用时用 Set）。 */
  anchorHits: Map<number, Map<number, Set<number>>>;
}

export function scan(text: string, glossary: Glossary, language: 'markdown' | 'plaintext'): Scan {
  const p = prepare(text, language);
  const sentences = new Sentences(p.norm);
  const matcher = glossary.matcher;
  const raw: { s: number; e: number; pattern: number }[] = [];
  const anchorHits = new Map<number, Map<number, Set<number>>>();
  matcher.ac.scan(p.norm, (pattern, end) => {
    const len = matcher.ac.lengths[pattern];
    if (matcher.forms[pattern].length) raw.push({ s: end - len, e: end, pattern });
    const anchors = matcher.anchors[pattern];
    if (anchors.length) {
      const sent = sentences.sentenceAt(end - len).index;
      let byF = anchorHits.get(sent);
      if (!byF) anchorHits.set(sent, (byF = new Map()));
      for (const [fi, ai] of anchors) {
        let set = byF.get(fi);
        if (!set) byF.set(fi, (set = new Set()));
        set.add(ai);
      }
    }
  });
  // 最左最长、互不重叠
  raw.sort((a, b) => a.s - b.s || b.e - a.e);
  const forms: FormMatch[] = [];
  let lastEnd = 0;
  for (const m of raw) {
    if (m.s < lastEnd) continue;
    lastEnd = m.e;
    forms.push(pickRef(p, m.s, m.e, matcher.forms[m.pattern]));
  }
  return { p, sentences, matcher, forms, anchorHits };
}

/** 同一折叠写法可能对应多种原写法（1+X 与 1+x）：按原文大小写挑出确切的那个。 */
function pickRef(p: Prepared, s: number, e: number, refs: FormRef[]): FormMatch {
  if (refs.length === 1 && !/[a-z]/i.test(refs[0].exact)) return { s, e, ref: refs[0], caseDiffers: false };
  let written = '';
  for (let k = s; k < e; k++) written += p.text[p.map[k]];
  const exactText = foldKeepCase(written);
  const exact = refs.find((r) => r.exact === exactText);
  if (exact) return { s, e, ref: exact, caseDiffers: false };
  const term = refs.find((r) => r.kind === 'term') ?? refs[0];
  return { s, e, ref: term, caseDiffers: true };
}
