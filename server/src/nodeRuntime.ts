// Node 上的运行环境：真实文件系统、@tifa/core/node 的词表加载与 jieba 分词器。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createJiebaSegmenter, decodeBuffer, isBinary, loadGlossary } from '@tifa/core/node';
import { pinyin } from 'pinyin-pro';
import type { RuntimeEnvironment, RuntimeFileSystem } from './runtime';

const fileSystem: RuntimeFileSystem = {
  readFile(file) {
    try {
      // 与 CLI 同样识别编码（UTF-8/BOM、UTF-16、GB18030）；二进制文件当作读不了。
      const buf = fs.readFileSync(file);
      return isBinary(buf) ? undefined : decodeBuffer(buf).text;
    } catch {
      return undefined;
    }
  },
  writeFile(file, text) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, 'utf8');
  },
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
