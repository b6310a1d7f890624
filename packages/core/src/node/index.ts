// @tifa/core/node：node 专用部分（读文件、分词）。核心其余部分不做 I/O。
export { defaultDictionaryDir, dictionaryFiles, loadDictionaryFile, loadGlossary } from './load';
export type { LoadGlossaryOptions } from './load';
export { createJiebaSegmenter, jiebaDataDir, loadJieba, segmenterEngine, segmenterError, warmUpSegmenter } from './segmenter';
export { decodeBuffer, encodeText, isBinary } from './encoding';
export type { DecodedText, TextEncoding } from './encoding';
export { loadSourceDocuments, sourceFiles } from './sources';
export { MAX_SMALL_FILE_BYTES, ReadRegularError, readRegularFile } from './read-regular';
export * from './config/index';
export { randomHex } from './digest';
