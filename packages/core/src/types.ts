// 公共数据类型：原始词条（YAML 里写的）与编译后的词表分开；发现（Finding）只用 UTF-16 偏移。

export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** 规则或词条的开关/级别设置；'warn' 是 'warning' 的别名。 */
export type RuleSetting = 'off' | Severity | 'warn';
export type RuleId = 'outdated-term' | 'variant' | 'misquote' | 'first-mention' | 'wrong-years' | 'document-date' | 'document-number' | 'ended-plan';
export const RULE_IDS: readonly RuleId[] = ['outdated-term', 'variant', 'misquote', 'first-mention', 'wrong-years', 'document-date', 'document-number', 'ended-plan'];

export type EntryStatus = 'current' | 'outdated' | 'historical';
export type EntryKind = 'term' | 'formulation';

export type SourceKind = 'law' | 'central-document' | 'ministry-document' | 'speech' | 'news-report' | 'local-document';

/** YAML 里写的来源：写了 ref（存档原文的 id）时，标题、机关、日期、链接取自存档文件。 */
export interface RawSource {
  ref?: string;
  title?: string;
  issuer?: string;
  date?: string;
  quote: string;
  url?: string;
  location?: string;
}

/** 补齐后的来源（词表里的形状）：ref 已解析成存档文件的元数据。 */
export interface Source {
  ref?: string;
  title: string;
  issuer: string;
  date: string;
  quote: string;
  /** 官方发布网站上的链接（只有存档里写明时才有）。 */
  url?: string;
  location?: string;
  /** 发文字号。 */
  number?: string;
  kind?: SourceKind;
}

export interface ExampleCase {
  text: string;
  /** 该例句按哪一天的文档来检查（YYYY-MM-DD）；缺省为检查当天。 */
  asOf?: string;
}

/** YAML 中的原始词条（schema.json 描述的形状）。 */
export interface RawEntry {
  id: string;
  kind?: EntryKind;
  term: string;
  variants?: string[];
  discouraged?: string[];
  definition: string;
  category: string;
  status: EntryStatus;
  replacement?: { terms: string[]; id?: string };
  reason?: string;
  confidence?: 'high' | 'medium' | 'low';
  since?: string;
  until?: string;
  /** national（缺省）依据国家文件；local 是学校或地方自己的规定，sources 可以为空。 */
  origin?: 'national' | 'local';
  sources: RawSource[];
  /** 语境：require/exclude 写语境词组名（见 rules/cues.ts）；用户词典也可写字面词或 /正则/。 */
  context?: { require?: string[]; requireAll?: string[]; exclude?: string[]; scope?: 'clause' | 'sentence' | 'paragraph' };
  /** 有起止期的时期、项目、计划：文档日期晚于 end、且分句把它说成当前或将来时才算过时；写错的起止年份是错误。 */
  /** approximate：起止期是按统计口径推定的，没有官方文件写定起止年份（不据它改写文中的年份）。 */
  period?: { start?: string; end: string; approximate?: boolean };
  severity?: Severity;
  boundary?: 'auto' | 'strict' | 'none';
  firstMention?: { full: string; short: string };
  /** 固定提法：'claimed' 时近似写法只在自称引用（引号里、指出/强调……之后）时报，不署名的化用不报。 */
  quotation?: 'claimed';
  related?: string[];
  note?: string;
  examples?: { flag?: (string | ExampleCase)[]; pass?: (string | ExampleCase)[] };
}

export interface DictionaryMeta {
  name: string;
  version: string;
  description?: string;
}

/** 文件目录里的一份文件（书名号里的标题按它核对）。 */
export interface DocumentRef {
  id: string;
  title: string;
  issuer?: string;
  date?: string;
  /** 早先版本的日期（首次颁布、此前的修订）；date 是现行版本的。 */
  earlier?: string[];
  /** 发文字号（〔〕写法）。 */
  number?: string;
  url?: string;
  ref?: string;
  note?: string;
  /** 出自哪个词典文件（加载时补上）。 */
  file?: string;
}

/** 一个词典文件解析后的结果。origin 决定合并规则：同为 builtin 的文件之间不许重复，user 可覆盖前面的词条。 */
export interface Dictionary {
  file: string;
  origin: 'builtin' | 'user';
  meta: DictionaryMeta;
  entries: RawEntry[];
  /** 文件目录（可为空）。 */
  documents: DocumentRef[];
  /** 要停用的前序词条 id。 */
  disable: string[];
  /** 词条 id → 在文件中的位置（用于报错定位）。 */
  positions: Map<string, SourcePosition>;
  /** 按 YAML 路径（如 ['entries', 3, 'replacement', 'id']）找位置；找不到时返回词条或文件开头。 */
  locate(path: readonly (string | number)[]): SourcePosition;
}

export interface SourcePosition {
  file: string;
  line: number; // 1-based
  column: number; // 1-based, UTF-16
  offset: number;
  length: number;
}

/** 词典加载/编译时的问题：带文件、行、列，消息为中文。 */
export interface DictionaryDiagnostic extends SourcePosition {
  severity: 'error' | 'warning';
  code: string;
  message: string;
}

/** 替换编辑：在原文 [offset, offset+length) 处换成 newText。 */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** 能否在无人确认时自动应用（--fix / fixAll）。跨越 Markdown 标记的替换不安全。 */
  safe: boolean;
}

export interface Finding {
  ruleId: RuleId;
  termId: string;
  severity: Severity;
  message: string;
  /** 原文中的 UTF-16 偏移与长度。 */
  offset: number;
  length: number;
  /** 原文片段（text.slice(offset, offset + length)）。 */
  matched: string;
  /** 建议的规范写法（可能多个）。 */
  suggestions: string[];
  fixes: Fix[];
  /** 过时提法：编辑器可据此加删除线。 */
  deprecated: boolean;
}

/** 文中识别到的词表项（现行、过时或固定提法），供悬停、首次出现规则等使用。 */
export interface TermOccurrence {
  entryId: string;
  offset: number;
  length: number;
  matched: string;
  /** 命中的是哪种写法。 */
  form: 'term' | 'variant' | 'discouraged' | 'full' | 'short';
}

export interface Segmenter {
  /** 把一个句子切成词；返回的词按顺序拼接应等于输入。 */
  cut(sentence: string): string[];
}

export interface LintOptions {
  /** 'markdown'（默认）或 'plaintext'。 */
  language?: 'markdown' | 'plaintext';
  /** 文档日期 YYYY-MM-DD；Markdown 前言里的 date: 优先；缺省为今天。 */
  asOf?: string;
  /** 规则级别覆盖：{'outdated-term': 'error', misquote: 'off'}。 */
  rules?: Partial<Record<RuleId, RuleSetting>>;
  /** 词条级别覆盖：{'gaozhi-gaozhuan': 'off'}。 */
  terms?: Record<string, RuleSetting>;
  /** 忽略的写法或词条 id（工作区白名单）。 */
  allow?: string[];
  /** 分词器；缺省不做词边界判断（降级）。 */
  segmenter?: Segmenter | null;
  /** 按块缓存（createLintCache()）：编辑器里同一文档反复检查时，只重算改动的块。 */
  cache?: import('./lint').LintCache;
  /** 不按抑制注释过滤（调用方自己区分被抑制的发现、报告没用上的注释；CLI 的 suppressedMessages 用）。 */
  keepSuppressed?: boolean;
}
