// 配置的数据形状：一个文件读出的“层”，以及按文件合并、套用 overrides 之后的结果。
import type { RuleId, RuleSetting } from '../../types';

export type DocumentLanguage = 'markdown' | 'plaintext';

/** 带位置的错误（行列从 1 开始）。 */
export interface LocatedError {
  file: string;
  line: number;
  column: number;
  message: string;
}

export function formatLocatedError(e: LocatedError): string {
  return `${e.file}:${e.line}:${e.column}: ${e.message}`;
}

/** 可以出现在顶层，也可以出现在 overrides 里的设置（路径已是绝对路径）。 */
export interface ConfigSettings {
  dictionaries?: string[];
  rules?: Partial<Record<RuleId, RuleSetting>>;
  terms?: Record<string, RuleSetting>;
  /** 词条 id → 写在哪里（配置里引用了不存在的词条时报到这里）。 */
  termPositions?: Record<string, LocatedError>;
  asOf?: string;
  allow?: string[];
}

export interface ConfigOverride {
  /** glob，相对于写它的配置文件所在目录。 */
  files: string[];
  dir: string;
  settings: ConfigSettings;
}

/** 一个配置文件（连同它 extends 的配置）读出的内容。 */
export interface ConfigLayer extends ConfigSettings {
  file: string;
  dir: string;
  root: boolean;
  /** 读到的所有配置文件（含 extends 链），用于监视与 --print-config。 */
  files: string[];
  ignore: { base: string; patterns: string[] }[];
  language: Record<string, DocumentLanguage>;
  overrides: ConfigOverride[];
}

/** 对某一个文件生效的配置。 */
export interface ResolvedConfig {
  /** 参与合并的配置文件（从外到内）；没有配置时为空。 */
  files: string[];
  /** 最近的配置文件（没有时为空串）。 */
  file: string;
  dictionaries: string[];
  rules: Partial<Record<RuleId, RuleSetting>>;
  terms: Record<string, RuleSetting>;
  termPositions: Record<string, LocatedError>;
  asOf?: string;
  allow: string[];
  /** 读到的白名单文件（.tifa/allow.txt），其中的写法已并入 allow。 */
  allowFiles: string[];
  ignore: { base: string; patterns: string[] }[];
  language: Record<string, DocumentLanguage>;
}

export type Result<T> = { ok: true; config: T } | { ok: false; error: LocatedError };
