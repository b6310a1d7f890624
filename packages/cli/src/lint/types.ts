// 主线程与工作线程之间传递的数据：都是可结构化克隆的纯数据。
import type { DocumentDateSource, RuleId, RuleSetting, Severity } from '@tifa/core';
import type { DocumentLanguage } from '@tifa/core/node';
import type { DocumentKind } from '../files/read-document';
import type { SentenceContext } from './sentence-context';

export type LintMode = 'lint' | 'fix' | 'fix-dry-run';

export interface FileTask {
  file: string;
  displayPath: string;
  /** 文件大小（调度时估算剩余工作量）。 */
  bytes: number;
  /** 配置里按扩展名覆盖的语言。 */
  languageOverrides: Record<string, DocumentLanguage>;
  /** 用户词典（绝对路径），同一组词典共用一个词表。 */
  dictionaries: string[];
  asOf?: string;
  rules: Partial<Record<RuleId, RuleSetting>>;
  terms: Record<string, RuleSetting>;
  allow: string[];
  mode: LintMode;
  /** --stdin：要检查的文本（file 只用来定语言与配置）。 */
  stdinText?: string;
  /** --report-unused-disable-directives。 */
  reportUnusedDirectives?: boolean;
  /** stylish 需要代码框。 */
  withFrames: boolean;
  /** html 报告需要命中所在的句子。 */
  withSentences?: boolean;
}

/** 代码框：命中所在的一行（过长时截取一段），highlight 为该段内的 UTF-16 区间。 */
export interface CodeFrame {
  line: number;
  text: string;
  highlightStart: number;
  highlightEnd: number;
  cutLeft: boolean;
  cutRight: boolean;
}

export interface LintMessage {
  /** 规则 id；抑制注释本身的问题为 disable-directive。 */
  ruleId: RuleId | 'disable-directive';
  termId: string;
  severity: Severity;
  message: string;
  /** 1 起算，UTF-16 列；end 为开区间（指向命中后的第一个字符）。 */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  matched: string;
  suggestions: string[];
  /** 有可自动应用的安全修复。 */
  fixable: boolean;
  /** 安全修复的编辑（ESLint 的 fix 字段用）。 */
  fix?: { offset: number; length: number; newText: string };
  /** 可供选择的修复（含不安全的），ESLint 的 suggestions 字段用。 */
  fixes?: { desc: string; offset: number; length: number; newText: string }[];
  /** Word：第几段（1 起）与所在句子，给人在 Word 里找。 */
  paragraph?: { index: number; part: string; sentence: string };
  deprecated: boolean;
  frame?: CodeFrame;
  sentence?: SentenceContext;
}

export interface FileReport {
  file: string;
  displayPath: string;
  kind: DocumentKind;
  status: 'linted' | 'skipped' | 'failed';
  notice?: string;
  encoding?: string;
  glossaryVersion: string;
  messages: LintMessage[];
  /** 被抑制注释压下的发现。 */
  suppressed?: LintMessage[];
  /** --fix / --fix-dry-run：应用（或将应用）的修复数。 */
  fixedCount: number;
  /** --fix：是否写回了文件。 */
  written: boolean;
  /** --fix-dry-run：按文件自己的编码写成的统一 diff（字节）。 */
  diff?: Uint8Array;
  /** Word --fix：写出的带修订标记的新文件。 */
  writtenTo?: string;
  /** 检查所依据的文档日期及其出处（前言、落款、--as-of、今天）。 */
  documentDate?: { date: string; source: DocumentDateSource; line?: number; description: string };
}
