// 服务器自定义的命令（workspace/executeCommand）及其参数、结果形状。客户端（扩展、其他编辑器）按这里调用。
export const COMMANDS = {
  /** 检查工作区里所有 .md/.markdown/.txt 文件并发布诊断。参数：无。结果：LintWorkspaceResult。 */
  lintWorkspace: 'tifa.lintWorkspace',
  /** 搜索词表（给选择器用）。参数：[query: string]。结果：GlossarySearchItem[]。 */
  searchGlossary: 'tifa.searchGlossary',
  /** 解释一个词条。参数：[idOrTerm: string]。结果：ExplainResult | null。 */
  explain: 'tifa.explain',
  /** 把词条加入工作区白名单并重新检查。参数：[IgnoreTermArgs]。结果：IgnoreTermResult。 */
  ignoreTerm: 'tifa.ignoreTerm',
  /** 词表信息。参数：无或 [uri]。结果：GlossaryInfo。 */
  glossaryInfo: 'tifa.glossaryInfo',
} as const;

export const COMMAND_IDS: readonly string[] = Object.values(COMMANDS);

export interface LintWorkspaceResult {
  files: number;
  problems: number;
  /** 因打开在编辑器里而按编辑器内容检查的文件数（已包含在 files 里）。 */
  open: number;
  cancelled: boolean;
  /** 未检查的文件数：超过文件数上限、太大、二进制或读不了。 */
  skipped: number;
  /** 跳过的文件及原因（最多列 100 个）。 */
  skippedFiles: { file: string; reason: string }[];
}

export interface GlossarySearchItem {
  id: string;
  term: string;
  category: string;
  status: string;
  definition: string;
  /** 词条的拼音（全拼，空格分隔），没有时为空串。 */
  pinyin: string;
}

export interface ExplainResult {
  id: string;
  term: string;
  markdown: string;
}

export interface IgnoreTermArgs {
  uri: string;
  termId: string;
  matched?: string;
}

export interface IgnoreTermResult {
  file: string | null;
  added: boolean;
}

export interface GlossaryInfo {
  version: string;
  entries: number;
  segmenter: boolean;
  dictionaries: string[];
  problems: number;
}
