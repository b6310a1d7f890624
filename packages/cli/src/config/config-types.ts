import type { RuleId, RuleSetting } from '@tifa/core';

export type DocumentLanguage = 'markdown' | 'plaintext';

/** 校验后的配置：路径都已换成绝对路径。 */
export interface TifaConfig {
  /** 配置所在文件（"tifa" 写在 package.json 里时是 package.json）。 */
  file: string;
  /** 配置文件所在目录：dictionaries 与 ignore 相对于它。 */
  dir: string;
  dictionaries: string[];
  rules: Partial<Record<RuleId, RuleSetting>>;
  terms: Record<string, RuleSetting>;
  /** terms 里每个 id 的位置，词表加载后检查 id 是否存在时用来报错。 */
  termPositions: Record<string, { line: number; column: number }>;
  asOf?: string;
  ignore: string[];
  allow: string[];
  /** 扩展名（带点，小写）→ 语言；也让这些扩展名的文件参与检查。 */
  language: Record<string, DocumentLanguage>;
}

/** 带位置的错误（行列从 1 开始）。 */
export interface LocatedError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export type ConfigResult = { ok: true; config: TifaConfig } | { ok: false; error: LocatedError };

export function formatLocatedError(e: LocatedError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}
