// 编译好的匹配器 ⇄ 可存盘的形状：词条换成在 glossary.entries 里的下标，Map 换成数组，类型化数组原样交出。
// 默认词表的快照（node/compiled-glossary.ts）用它跳过每次启动时的自动机编译。
import { AhoCorasick, type AhoCorasickParts } from '../match/aho-corasick';
import type { CompiledMatcher, FormKind } from './compile';
import type { Entry } from './entry';

export interface MatcherParts {
  ac: AhoCorasickParts;
  forms: [entry: number, kind: FormKind, exact: string][][];
  anchorStart: Int32Array;
  anchorFormulation: Int32Array;
  anchorBit: Int32Array;
  formulations: {
    entry: number;
    texts: string[];
    items: string[];
    anchorCount: number;
    anchorsNeeded: number;
    charCounts: [string, number][];
    slackItems: number;
    slackChars: number;
  }[];
  nameAnchors: number[][];
  names: [entry: number, form: string][];
  shortAnchors: number[][];
  shortNames: [entry: number, form: string][];
}

export function matcherParts(m: CompiledMatcher, entries: readonly Entry[]): MatcherParts {
  const index = new Map(entries.map((e, i) => [e, i]));
  const at = (e: Entry): number => {
    const i = index.get(e);
    if (i === undefined) throw new Error(`匹配器里的词条 ${e.id} 不在词表里`);
    return i;
  };
  return {
    ac: m.ac.parts(),
    forms: m.forms.map((refs) => refs.map((r) => [at(r.entry), r.kind, r.exact])),
    anchorStart: m.anchorStart,
    anchorFormulation: m.anchorFormulation,
    anchorBit: m.anchorBit,
    formulations: m.formulations.map((f) => ({
      entry: at(f.entry),
      texts: f.texts,
      items: f.items,
      anchorCount: f.anchorCount,
      anchorsNeeded: f.anchorsNeeded,
      charCounts: [...f.charCounts],
      slackItems: f.slackItems,
      slackChars: f.slackChars,
    })),
    nameAnchors: m.nameAnchors,
    names: m.names.map((n) => [at(n.entry), n.form]),
    shortAnchors: m.shortAnchors,
    shortNames: m.shortNames.map((n) => [at(n.entry), n.form]),
  };
}

/**
 * 固定提法的详细形状（原文、各项、字数表）只有句中锚点够数、要逐句比对时才用到：第一次读 formulations 时才从 p 取出并展开
 * （p.formulations 也可以是读快照时才解析的 getter）。扫描只用锚点数组与 anchor-plan，一行文件的检查多半用不到它。
 */
export function matcherFromParts(p: MatcherParts, entries: readonly Entry[]): CompiledMatcher {
  let formulations: CompiledMatcher['formulations'] | undefined;
  return {
    ac: AhoCorasick.fromParts(p.ac),
    forms: p.forms.map((refs) => refs.map(([e, kind, exact]) => ({ entry: entries[e], kind, exact }))),
    anchorStart: p.anchorStart,
    anchorFormulation: p.anchorFormulation,
    anchorBit: p.anchorBit,
    get formulations() {
      return (formulations ??= p.formulations.map((f) => ({ ...f, entry: entries[f.entry]!, charCounts: new Map(f.charCounts) })));
    },
    nameAnchors: p.nameAnchors,
    names: p.names.map(([e, form]) => ({ entry: entries[e], form })),
    shortAnchors: p.shortAnchors,
    shortNames: p.shortNames.map(([e, form]) => ({ entry: entries[e], form })),
  };
}
