// Node 上的运行环境：真实文件系统、@tifa/core/node 的词表加载与 jieba 分词器。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DictionaryDiagnostic } from '@tifa/core';
import { createJiebaSegmenter, decodeBuffer, isBinary, loadDictionaryFile, loadGlossary } from '@tifa/core/node';
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
    loadGlossary: loadUserGlossary,
    createSegmenter: (glossary) => createJiebaSegmenter(glossary),
    pinyinOf: (entry) => pinyin(entry.term, { toneType: 'none', nonZh: 'consecutive' }),
    homeDir: os.homedir(),
  };
}

/** 用户词典的大小上限。 */
const MAX_DICTIONARY_BYTES = 16 * 1024 * 1024;

const problem = (file: string, code: string, message: string): DictionaryDiagnostic => ({ file, line: 1, column: 1, offset: 0, length: 0, severity: 'error', code, message });

/**
 * 默认词表 + 用户词典。用户词典先确认是普通文件、不太大（FIFO、设备会让读取卡住或读个没完）；
 * 解析器抛出异常（别名炸弹、嵌套过深……）时找出是哪个文件，报在该文件上，其余词典照常加载——
 * 一个坏文件不能让所有诊断悄悄消失。
 */
function loadUserGlossary(dictionaries: string[]): ReturnType<RuntimeEnvironment['loadGlossary']> {
  const diagnostics: DictionaryDiagnostic[] = [];
  let usable = dictionaries.filter((file) => {
    const reason = fileSystem.checkFile(file, MAX_DICTIONARY_BYTES);
    if (reason) diagnostics.push(problem(file, 'io', `无法读取词典文件：${reason}`));
    return !reason;
  });
  try {
    const loaded = loadGlossary({ dictionaries: usable, builtin: true, precompiled: true });
    return { glossary: loaded.glossary, diagnostics: [...diagnostics, ...loaded.diagnostics] };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const throwing = usable.filter((file) => {
      try {
        loadDictionaryFile(file);
        return false;
      } catch {
        return true;
      }
    });
    for (const file of throwing) diagnostics.push(problem(file, 'yaml-syntax', `词典无法解析，已跳过（可能是别名炸弹或嵌套过深）：${message}`));
    usable = usable.filter((file) => !throwing.includes(file));
    const loaded = loadGlossary({ dictionaries: usable, builtin: true, precompiled: true });
    return { glossary: loaded.glossary, diagnostics: [...diagnostics, ...loaded.diagnostics] };
  }
}
