// 把词条编译成一个 Aho-Corasick 自动机：所有写法（term/variants/discouraged）按折叠后的字符串入机；
// 固定提法另外拆出“锚点”（各项及其两字片段），同一句里锚点够多时才做近似比对。
import { AhoCorasick } from '../match/aho-corasick';
import { foldKeepCase, foldString } from '../text/fold';
import { splitItems } from '../text/separators';
import type { Entry } from './entry';

export type FormKind = 'term' | 'variant' | 'discouraged';

export interface FormRef {
  entry: Entry;
  kind: FormKind;
  /** 原写法（保留大小写，宽度与繁简已折叠），用来区分 1+X 与 1+x。 */
  exact: string;
}

export interface Formulation {
  entry: Entry;
  /** 折叠后的完整写法（term 与各 variants）。 */
  texts: string[];
  /** 折叠后的各项（按 term 拆分）。 */
  items: string[];
  /** 不同锚点的个数。 */
  anchorCount: number;
  /** 同一句至少命中多少个不同锚点才做近似比对。 */
  anchorsNeeded: number;
  /** 各字（不含分隔）出现次数，用于粗筛。 */
  charCounts: Map<string, number>;
  /** 逐项比对、逐字比对各自最多能容忍多少个字对不上（粗筛的门槛）。 */
  slackItems: number;
  slackChars: number;
}

export interface CompiledMatcher {
  ac: AhoCorasick;
  /** 模式下标 → 写法引用（为空表示这是纯锚点）。 */
  forms: FormRef[][];
  /**
   * 模式下标 p 是哪些固定提法的锚点：anchorFormulation/anchorBit[anchorStart[p] .. anchorStart[p+1])
   * （固定提法下标，及该锚点在其位掩码里的位）。扁平的类型化数组：每个锚点命中都要走一遍，是扫描的热路径。
   */
  anchorStart: Int32Array;
  anchorFormulation: Int32Array;
  anchorBit: Int32Array;
  formulations: Formulation[];
  /** 模式下标 → 长名称下标（以该模式为前三字的长名称）。 */
  nameAnchors: number[][];
  /** 可做近似匹配的长名称（现行术语 ≥ 7 字的写法）。 */
  names: { entry: Entry; form: string }[];
  /** 模式下标 → 以它开头（下标 × 2）或结尾（下标 × 2 + 1）的短名称。 */
  shortAnchors: number[][];
  /** 查同音错字的短名称（现行术语 4–6 字的纯汉字写法）。 */
  shortNames: { entry: Entry; form: string }[];
}

/** 多长的名称才做近似匹配（太短的名称，差一两个字就是另一个词）。 */
export const NAME_MIN_LENGTH = 7;
/** 短名称（查同音错字）的最短长度；更短的词换一个同音字多半就是另一个常用词。 */
export const SHORT_NAME_MIN_LENGTH = 4;


/** 一项拆成两字片段（最后一片可与前一片重叠），作为锚点。 */
function pieces(item: string): string[] {
  if (item.length <= 2) return [item];
  const out: string[] = [];
  for (let i = 0; i + 2 <= item.length; i += 2) out.push(item.slice(i, i + 2));
  if (item.length % 2 === 1) out.push(item.slice(item.length - 2));
  return out;
}

/**
 * 近似比对的容差上限（按字数）：逐项比对时一项差一半、其余每项差约四分之一，≥4 项时可漏整整一项；
 * 逐字比对时差约 20%。作为粗筛门槛，须与 rules/misquote.ts 的判定保持一致。
 */
function misquoteSlack(items: string[]): { slackItems: number; slackChars: number } {
  const lens = items.map((i) => i.length).sort((a, b) => b - a);
  const total = lens.reduce((a, b) => a + b, 0);
  const itemLevel = lens.length < 2 ? 0 : Math.floor(lens[0] / 2) + lens.slice(1).reduce((a, l) => a + Math.max(1, Math.floor(l / 4)), 0);
  const missing = lens.length >= 4 ? lens[0] : 0;
  return { slackItems: Math.max(itemLevel, missing), slackChars: Math.max(1, Math.floor(total * 0.2)) };
}

export function compileMatcher(entries: readonly Entry[]): CompiledMatcher {
  const patternIndex = new Map<string, number>();
  const patterns: string[] = [];
  const forms: FormRef[][] = [];
  const anchors: [number, number][][] = [];
  const nameAnchors: number[][] = [];
  const names: CompiledMatcher['names'] = [];
  const shortAnchors: number[][] = [];
  const shortNames: CompiledMatcher['shortNames'] = [];
  const indexOf = (folded: string): number => {
    let i = patternIndex.get(folded);
    if (i === undefined) {
      i = patterns.length;
      patternIndex.set(folded, i);
      patterns.push(folded);
      forms.push([]);
      anchors.push([]);
      nameAnchors.push([]);
      shortAnchors.push([]);
    }
    return i;
  };
  const formulations: Formulation[] = [];
  for (const entry of entries) {
    const add = (text: string, kind: FormKind) => forms[indexOf(foldString(text))].push({ entry, kind, exact: foldKeepCase(text) });
    add(entry.term, 'term');
    for (const v of entry.variants ?? []) add(v, 'variant');
    for (const d of entry.discouraged ?? []) add(d, 'discouraged');
    if (entry.kind === 'term' && entry.status === 'current') {
      for (const form of [entry.term, ...(entry.variants ?? [])].map(foldString)) {
        if (form.length < SHORT_NAME_MIN_LENGTH || !/^[\u4e00-\u9fff]+$/.test(form)) continue;
        if (form.length < NAME_MIN_LENGTH) {
          shortAnchors[indexOf(form.slice(0, 2))].push(shortNames.length * 2);
          shortAnchors[indexOf(form.slice(-2))].push(shortNames.length * 2 + 1);
          shortNames.push({ entry, form });
          continue;
        }
        nameAnchors[indexOf(form.slice(0, 3))].push(names.length);
        names.push({ entry, form });
      }
    }
    // 只拿现行提法做近似比对：写成新提法的句子对旧提法来说也是“近似”，但那不是误引（旧提法原样出现时由过时规则报）
    if (entry.kind === 'formulation' && entry.status === 'current') {
      const texts = [entry.term, ...(entry.variants ?? [])].map(foldString);
      const items = splitItems(texts[0]);
      const anchorSet = new Map<string, number>();
      for (const item of items) for (const p of pieces(item)) if (!anchorSet.has(p)) anchorSet.set(p, anchorSet.size);
      const fi = formulations.length;
      const anchorCount = anchorSet.size;
      const anchorsNeeded = Math.min(anchorCount, 31, Math.max(2, Math.ceil(anchorCount * 0.5)));
      const charCounts = new Map<string, number>();
      for (const item of items) for (const ch of item) charCounts.set(ch, (charCounts.get(ch) ?? 0) + 1);
      formulations.push({ entry, texts, items, anchorCount, anchorsNeeded, charCounts, ...misquoteSlack(items) });
      for (const [p, ai] of anchorSet) anchors[indexOf(p)].push([fi, ai]);
    }
  }
  const anchorStart = new Int32Array(patterns.length + 1);
  anchors.forEach((list, p) => (anchorStart[p + 1] = anchorStart[p] + list.length));
  const anchorFormulation = new Int32Array(anchorStart[patterns.length]);
  const anchorBit = new Int32Array(anchorStart[patterns.length]);
  anchors.forEach((list, p) =>
    list.forEach(([fi, ai], k) => {
      anchorFormulation[anchorStart[p] + k] = fi;
      // 锚点多于 31 个时取模：只会少算、不会多算
      anchorBit[anchorStart[p] + k] = 1 << ai % 31;
    }),
  );
  return { ac: new AhoCorasick(patterns), forms, anchorStart, anchorFormulation, anchorBit, formulations, nameAnchors, names, shortAnchors, shortNames };
}
