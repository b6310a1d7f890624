import type { EntryKind, RawEntry } from '../types';

/** 编译后的词条：补齐缺省值，记住出处文件与行号。 */
export interface Entry extends RawEntry {
  kind: EntryKind;
  file: string;
  line: number;
}
