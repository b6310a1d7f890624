// 构建时生成随包的预编译产物（prebuilt.ts）：scripts/build.mjs 用与程序相同的构建号把本文件打包后运行。
// 词表有任何诊断时不生成（与每用户缓存的规则一样：只存干净的编译结果），程序照常现场编译。
import fs from 'node:fs';
import path from 'node:path';
import { compiledBody, PREBUILT_GLOSSARY, prebuiltGlossaryKey } from './compiled-glossary';
import { dictionaryFiles, loadGlossary } from './load';
import { PREBUILT_DIR, writePrebuilt } from './prebuilt';
import { PREBUILT_TRIE, prebuiltTrieKey, trieSnapshot } from './segmenter';

/** 在 dictDir/.compiled/ 写编译好的词表快照与（有 jieba 数据时）精简词典的字典树；返回写了什么或为什么没写。 */
export function writePrebuiltArtifacts(dictDir: string, jiebaDir: string | undefined): string {
  fs.rmSync(path.join(dictDir, PREBUILT_DIR), { recursive: true, force: true });
  const { glossary, diagnostics } = loadGlossary({ builtinDir: dictDir });
  if (diagnostics.length) return `默认词表有 ${diagnostics.length} 条诊断，不生成预编译快照（运行 tifa dict check 查看）`;
  const key = prebuiltGlossaryKey(dictDir, dictionaryFiles(dictDir));
  if (!key) return '没有构建号，不生成预编译快照';
  writePrebuilt(dictDir, PREBUILT_GLOSSARY, key, compiledBody(dictDir, '', glossary, ''));
  const written = [PREBUILT_GLOSSARY];
  const trieKey = jiebaDir ? prebuiltTrieKey(jiebaDir, glossary) : undefined;
  if (jiebaDir && trieKey) {
    writePrebuilt(dictDir, PREBUILT_TRIE, trieKey, trieSnapshot(jiebaDir, glossary));
    written.push(PREBUILT_TRIE);
  }
  return `预编译快照：${written.map((n) => path.join(PREBUILT_DIR, n)).join('、')}（${glossary.entries.length} 个词条）`;
}
