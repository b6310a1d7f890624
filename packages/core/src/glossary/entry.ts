import type { EntryKind, RawEntry, Source } from '../types';

/** 编译后的词条：补齐缺省值，记住出处文件与行号；来源已按存档原文补齐。 */
export interface Entry extends Omit<RawEntry, 'sources'> {
  kind: EntryKind;
  file: string;
  line: number;
  sources: Source[];
}
