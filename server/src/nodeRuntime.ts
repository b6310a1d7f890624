// Node 上的运行环境：真实文件系统、@tifa/core/node 的词表加载与 jieba 分词器。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJiebaSegmenter, decodeBuffer, isBinary, loadGlossary } from '@tifa/core/node';
import { pinyin } from 'pinyin-pro';
import type { RuntimeEnvironment, RuntimeFileSystem } from './runtime';
import { appendLines, readRegularFile } from './textFile';

const fileSystem: RuntimeFileSystem = {
  readFile(file, maxBytes) {
    // 只读普通文件、有大小上限；与 CLI 同样识别编码（UTF-8/BOM、UTF-16、GB18030）；二进制文件当作读不了。
    const read = readRegularFile(file, maxBytes);
    if (!read.ok) return undefined;
    return isBinary(read.buffer) ? undefined : decodeBuffer(read.buffer).text;
  },
  checkFile(file, maxBytes) {
    const read = readRegularFile(file, maxBytes);
    return read.ok || read.missing ? undefined : read.reason;
  },
  size(file) {
    try {
      const stat = fs.statSync(file);
      return stat.isFile() ? stat.size : undefined;
    } catch {
      return undefined;
    }
  },
  appendLines,
  exists(file) {
    return fs.existsSync(file);
  },
  readDir(dir) {
    try {
      return fs.readdirSync(dir, { withFileTypes: true }).map((d) => ({ name: d.name, isDirectory: d.isDirectory(), isFile: d.isFile() }));
    } catch {
      return [];
    }
  },
  watchDir(dir, onChange) {
    try {
      const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
        if (name) onChange(name.toString());
      });
      watcher.on('error', () => watcher.close());
      return { dispose: () => watcher.close() };
    } catch {
      return undefined;
    }
  },
};

export function createNodeRuntime(): RuntimeEnvironment {
  return {
    fs: fileSystem,
    loadGlossary: (dictionaries) => loadGlossary({ dictionaries, builtin: true }),
    createSegmenter: (glossary) => createJiebaSegmenter(glossary),
    pinyinOf: (entry) => pinyin(entry.term, { toneType: 'none', nonZh: 'consecutive' }),
    homeDir: os.homedir(),
  };
}
