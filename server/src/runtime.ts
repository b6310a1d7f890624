// 服务器用到的外部能力（文件系统、词表加载、分词器）由入口注入，server.ts 只依赖这个接口。
import type { DictionaryDiagnostic, Entry, Glossary, Segmenter } from '@tifa/core';

export interface Disposable {
  dispose(): void;
}

export interface RuntimeFileSystem {
  readFile(file: string): string | undefined;
  writeFile(file: string, text: string): void;
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
