// 与 tifa 语言服务器约定的名字与数据形状（只按名字协作，不引用 server/ 的代码）。
// 服务器返回的数据先经过这里的校验函数，再交给界面代码。

export const SERVER_COMMANDS = {
  lintWorkspace: 'tifa.lintWorkspace',
  searchGlossary: 'tifa.searchGlossary',
  explain: 'tifa.explain',
  ignoreTerm: 'tifa.ignoreTerm',
  glossaryInfo: 'tifa.glossaryInfo',
} as const;

/** 服务器诊断的 source 字段。 */
export const DIAGNOSTIC_SOURCE = 'tifa';
/** 服务器提供的“全部修复”代码操作类型，也用于 editor.codeActionsOnSave。 */
export const FIX_ALL_KIND = 'source.fixAll.tifa';

export interface GlossarySearchResult {
  id: string;
  term: string;
  category: string;
  status: string;
  definition: string;
  pinyin: string;
}

export interface GlossaryInfo {
  version: string;
  entries: number;
  /** 分词器（nodejieba 或随附的 TypeScript 实现）是否可用；不可用时依赖分词的检查降级。 */
  segmenter: boolean;
  /** 在用的用户词典文件。 */
  dictionaries: string[];
  /** 词典加载时发现的问题数。 */
  problems: number;
}

export interface LintWorkspaceSummary {
  files: number;
  problems: number;
  cancelled: boolean;
  skipped: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** tifa.searchGlossary 的结果；形状不对的条目丢弃。 */
export function asSearchResults(value: unknown): GlossarySearchResult[] {
  if (!Array.isArray(value)) return [];
  const results: GlossarySearchResult[] = [];
  for (const item of value) {
    if (!isRecord(item) || typeof item.term !== 'string' || item.term === '') continue;
    results.push({
      id: text(item.id) || item.term,
      term: item.term,
      category: text(item.category),
      status: text(item.status) || 'current',
      definition: text(item.definition),
      pinyin: text(item.pinyin),
    });
  }
  return results;
}

/** tifa.glossaryInfo 的结果；不是预期形状时返回 undefined。 */
export function asGlossaryInfo(value: unknown): GlossaryInfo | undefined {
  if (!isRecord(value) || typeof value.version !== 'string') return undefined;
  return {
    version: value.version,
    entries: typeof value.entries === 'number' ? value.entries : 0,
    segmenter: value.segmenter === true,
    dictionaries: Array.isArray(value.dictionaries) ? value.dictionaries.filter((d): d is string => typeof d === 'string') : [],
    problems: typeof value.problems === 'number' ? value.problems : 0,
  };
}

/** tifa.explain 的结果 {id, term, markdown}；查不到（null）时为 undefined。 */
export function asExplanation(value: unknown): { id: string; term: string; markdown: string } | undefined {
  if (!isRecord(value) || typeof value.markdown !== 'string' || value.markdown.trim() === '') return undefined;
  const term = text(value.term);
  return { id: text(value.id) || term, term, markdown: value.markdown };
}

/** tifa.lintWorkspace 的结果；服务器没给计数时为 undefined。 */
export function asLintWorkspaceSummary(value: unknown): LintWorkspaceSummary | undefined {
  if (!isRecord(value) || typeof value.files !== 'number' || typeof value.problems !== 'number') return undefined;
  return {
    files: value.files,
    problems: value.problems,
    cancelled: value.cancelled === true,
    skipped: typeof value.skipped === 'number' ? value.skipped : 0,
  };
}
