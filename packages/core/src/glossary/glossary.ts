// 合并多个词典并编译成可匹配的词表。原始词条（RawEntry）与编译结果（Glossary）分开。
// 合并规则：builtin 文件之间 id、写法都不许重复；user 文件按顺序叠加，同 id 覆盖，disable 停用。
import type { Dictionary, DictionaryDiagnostic, DocumentRef, SourcePosition } from '../types';
import { compileMatcher, type CompiledMatcher } from './compile';
import type { Entry } from './entry';
import { foldString } from '../text/fold';
import type { SourceDocument } from './source-document';
import { resolveSources } from './resolve-sources';

export interface Glossary {
  /** 各词典 name@version，用“+”连接；CI 结果据此追溯到词典版本。 */
  readonly version: string;
  readonly entries: readonly Entry[];
  byId(id: string): Entry | undefined;
  /** 按写法（term / variants / discouraged，忽略全半角、繁简、大小写）找词条。 */
  byForm(text: string): Entry | undefined;
  /** 存档原文（id → 文件）；没有加载存档时为空。 */
  readonly sourceDocuments: ReadonlyMap<string, SourceDocument>;
  /** 文件目录（书名号里的标题按它核对）。 */
  readonly documents: readonly DocumentRef[];
  /** @internal 编译好的匹配器。 */
  readonly matcher: CompiledMatcher;
  /** @internal 预先算好的写法拼音（默认词表的快照带着：补全不必载入拼音库）；没有时补全自己算。 */
  readonly pinyinKeys?: ReadonlyMap<string, PinyinKeys>;
}

/** 写法的拼音：全拼与首字母（补全按它们匹配）。 */
export interface PinyinKeys {
  initials: string;
  full: string;
}

export interface CreateGlossaryOptions {
  /** 存档原文：给了就解析 sources[].ref 并核对引语；不给则 ref 原样保留（纯解析、单元测试）。 */
  sources?: ReadonlyMap<string, SourceDocument>;
}

function entryForms(e: { term: string; variants?: string[]; discouraged?: string[] }): string[] {
  return [e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])];
}

export function createGlossary(dictionaries: readonly Dictionary[], options: CreateGlossaryOptions = {}): { glossary: Glossary; diagnostics: DictionaryDiagnostic[] } {
  const diagnostics: DictionaryDiagnostic[] = [];
  const diag = (pos: SourcePosition, code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ ...pos, code, message, severity });

  const byId = new Map<string, { entry: Entry; dict: Dictionary; index: number }>();
  // 用户词典停用的词条：默认词表里指向它们的引用静默去掉（用户改不了默认词表，不该为此收到警告）
  const disabled = new Set<string>();
  for (const dict of dictionaries) {
    for (const id of dict.disable) {
      if (byId.has(id)) disabled.add(id);
      if (!byId.delete(id)) diag(dict.locate(['disable', dict.disable.indexOf(id)]), 'unknown-disable', `disable 中的词条“${id}”在前面的词典里不存在`, 'warning');
    }
    dict.entries.forEach((raw, index) => {
      const prev = byId.get(raw.id);
      if (prev && (dict.origin === 'builtin' && prev.dict.origin === 'builtin') && prev.dict !== dict) {
        const p = prev.dict.positions.get(raw.id);
        diag(dict.locate(['entries', index, 'id']), 'duplicate-id', `词条 id“${raw.id}”与 ${prev.dict.file}:${p?.line ?? 0} 重复`);
        return;
      }
      const pos = dict.positions.get(raw.id);
      byId.delete(raw.id); // 覆盖时按新位置排序
      const { sources, problems } = resolveSources(raw.sources, options.sources);
      for (const p of problems) diag(dict.locate(['entries', index, 'sources', p.index, p.field]), p.code, p.message);
      byId.set(raw.id, { entry: { ...raw, sources, kind: raw.kind ?? 'term', file: dict.file, line: pos?.line ?? 0 }, dict, index });
    });
  }

  // 写法重复：同一折叠写法属于两个词条
  const formOwner = new Map<string, { id: string; dict: Dictionary }>();
  for (const { entry, dict, index } of byId.values()) {
    const forms = entryForms(entry);
    forms.forEach((form, k) => {
      const key = foldString(form);
      const owner = formOwner.get(key);
      if (owner && owner.id !== entry.id) {
        const bothBuiltin = owner.dict.origin === 'builtin' && dict.origin === 'builtin';
        const path = k === 0 ? ['term'] : k <= (entry.variants?.length ?? 0) ? ['variants', k - 1] : ['discouraged', k - 1 - (entry.variants?.length ?? 0)];
        diag(
          dict.locate(['entries', index, ...path]),
          'duplicate-form',
          `写法“${form}”已属于词条“${owner.id}”${bothBuiltin ? '' : '，后面的词条生效'}`,
          bothBuiltin ? 'error' : 'warning',
        );
        if (!bothBuiltin) formOwner.set(key, { id: entry.id, dict });
      } else formOwner.set(key, { id: entry.id, dict });
    });
  }

  // 引用检查
  for (const { entry, dict, index } of byId.values()) {
    if (dict.origin === 'builtin') {
      if (entry.replacement?.id && disabled.has(entry.replacement.id)) entry.replacement = { terms: entry.replacement.terms };
      if (entry.related?.some((r) => disabled.has(r))) entry.related = entry.related.filter((r) => !disabled.has(r));
    }
    const rid = entry.replacement?.id;
    if (rid && !byId.has(rid)) diag(dict.locate(['entries', index, 'replacement', 'id']), 'unknown-replacement', `replacement.id“${rid}”不存在`);
    if (rid && byId.get(rid)?.entry.status === 'outdated')
      diag(dict.locate(['entries', index, 'replacement', 'id']), 'replacement-outdated', `replacement.id“${rid}”指向的也是过时词条`);
    (entry.related ?? []).forEach((r, k) => {
      if (!byId.has(r)) diag(dict.locate(['entries', index, 'related', k]), 'unknown-related', `related 中的词条“${r}”不存在`, 'warning');
    });
  }

  const entries = [...byId.values()].map((v) => v.entry);
  const builtin = dictionaries.filter((d) => d.origin === 'builtin').map((d) => d.meta.version).sort();
  const version =
    [...(builtin.length ? [`default@${builtin[builtin.length - 1]}`] : []), ...dictionaries.filter((d) => d.origin === 'user').map((d) => `${d.meta.name}@${d.meta.version}`)].join('+') ||
    'empty';
  // 文件目录：同 id 后者覆盖前者（用户词典可以补充或更正）
  const docs = new Map<string, DocumentRef>();
  for (const dict of dictionaries) for (const d of dict.documents ?? []) docs.set(d.id, d);
  const glossary = assembleGlossary({ version, entries, documents: [...docs.values()], sourceDocuments: options.sources ?? new Map() });
  return { glossary, diagnostics };
}

export interface GlossaryParts {
  version: string;
  entries: Entry[];
  documents: DocumentRef[];
  sourceDocuments: ReadonlyMap<string, SourceDocument>;
  /** 已编译的匹配器（来自快照）；不给则第一次用到时编译。 */
  matcher?: CompiledMatcher;
  pinyinKeys?: ReadonlyMap<string, PinyinKeys>;
  /** 折叠好的写法与词条下标（formIndex 的结果，来自快照）；不给则第一次查写法时现算。 */
  formKeys?: { keys: readonly string[]; entries: readonly number[] };
}

/** 写法 → 词条：各词条的 term、variants、discouraged 折叠后作键，先出现的词条优先。 */
export function formIndex(entries: readonly Entry[]): Map<string, Entry> {
  const map = new Map<string, Entry>();
  for (const e of entries) {
    for (const f of entryForms(e)) {
      const key = foldString(f);
      if (!map.has(key)) map.set(key, e);
    }
  }
  return map;
}

/** 由已合并、已核对的词条组装词表对象（createGlossary 与默认词表的快照共用）。 */
export function assembleGlossary(parts: GlossaryParts): Glossary {
  const { version, entries, documents, sourceDocuments } = parts;
  let idMap: Map<string, Entry> | undefined;
  // 写法 → 词条：只在第一次查写法时建（要把上千个词条的每个写法折叠一遍；快照里存着折叠好的键时直接装进来）
  let formMap: Map<string, Entry> | undefined;
  const forms = (): Map<string, Entry> => {
    if (!formMap) {
      const pre = parts.formKeys;
      formMap = pre ? new Map(pre.keys.map((k, i) => [k, entries[pre.entries[i]!]!])) : formIndex(entries);
    }
    return formMap;
  };
  // 快照给了折叠好的键时，头几次查询直接在键表里找：一行文件的检查只查一两个写法（建议里的替换写法），
  // 为此把几千个键装进 Map（算每个键的哈希）要好几毫秒；查得多了再建 Map
  let scans = 0;
  const byForm = (text: string): Entry | undefined => {
    const key = foldString(text.trim());
    const pre = parts.formKeys;
    if (!formMap && pre && scans++ < 32) {
      const i = pre.keys.indexOf(key);
      return i < 0 ? undefined : entries[pre.entries[i]!];
    }
    return forms().get(key);
  };
  let matcher = parts.matcher;
  return {
    version,
    entries,
    documents,
    byId: (id) => (idMap ??= new Map(entries.map((e) => [e.id, e]))).get(id),
    byForm,
    sourceDocuments,
    ...(parts.pinyinKeys ? { pinyinKeys: parts.pinyinKeys } : {}),
    get matcher() {
      return (matcher ??= compileMatcher(entries));
    },
  };
}
