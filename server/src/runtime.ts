// 服务器用到的外部能力（文件系统、词表加载、分词器）由入口注入，server.ts 只依赖这个接口。
import type { DictionaryDiagnostic, Entry, Glossary, Segmenter } from '@tifa/core';

export interface Disposable {
  dispose(): void;
}

export interface RuntimeFileSystem {
  /** 读普通文本文件（有大小上限）；不存在、不是普通文件、太大或是二进制时为 undefined。 */
  readFile(file: string, maxBytes?: number): string | undefined;
  /** 文件存在却不能当作文本读（FIFO、设备、目录、太大）时给出原因；能读或不存在时为 undefined。 */
  checkFile(file: string, maxBytes?: number): string | undefined;
  /** 普通文件的字节数（不读内容）；不存在或不是普通文件时为 undefined。 */
  size(file: string): number | undefined;
  /** 按文件自己的编码与换行符在末尾追加几行（不存在时以 header 开头新建）；不能无损写入时给出原因。 */
  appendLines(file: string, lines: readonly string[], header: string): { ok: true } | { ok: false; reason: string };
  exists(file: string): boolean;
  /** 列出目录：名字 + 是否目录；读不了时返回空表。 */
  readDir(dir: string): { name: string; isDirectory: boolean; isFile: boolean }[];
  /** 监视一个目录里某些文件名的变化（编辑器常整文件替换，所以监视目录而不是文件）。 */
  watchDir(dir: string, onChange: (fileName: string) => void): Disposable | undefined;
}

export interface RuntimeEnvironment {
  fs: RuntimeFileSystem;
  loadGlossary(dictionaries: string[]): { glossary: Glossary; diagnostics: DictionaryDiagnostic[] };
  createSegmenter(glossary: Glossary): Segmenter | null;
  /** 词条的全拼（给词表选择器显示与过滤）。 */
  pinyinOf(entry: Entry): string;
  homeDir: string;
}
