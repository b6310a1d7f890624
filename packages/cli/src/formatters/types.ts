// 格式化器的输入：一次检查的全部结果，加上版本信息与词条说明（SARIF 规则帮助用）。
import type { Colors } from '../terminal/colors';
import type { FileReport } from '../lint/types';

export interface TermDescription {
  /** 词条规范写法（或过时写法）作为规则名。 */
  name: string;
  shortDescription: string;
  fullDescription: string;
  helpText: string;
  helpMarkdown: string;
  /** 词条的领域（category）、现行写法与来源（HTML 报告用）。 */
  category?: string;
  currentWording?: string[];
  sources?: { title: string; issuer: string; date: string; url?: string; number?: string }[];
}

export interface FormatInput {
  reports: FileReport[];
  cwd: string;
  tifaVersion: string;
  /** 本次用到的词表版本（多份配置、多组词典时可能不止一个）。 */
  glossaryVersions: string[];
  describeTerm(termId: string): TermDescription | undefined;
  colors: Colors;
}

/** 按小段产出（流式写出：输出可以比 JS 字符串的上限还大）。 */
/** `& object`：不许直接返回字符串（字符串也可迭代，会被逐字写出）。 */
export type Formatter = (input: FormatInput) => Iterable<string> & object;
