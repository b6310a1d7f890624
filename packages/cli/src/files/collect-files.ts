// 把命令行上的路径、目录与 glob 展开成要检查的文件列表（去重、排序），遵守忽略规则。
import fs from 'node:fs';
import path from 'node:path';
import type { ConfigResolver } from '@tifa/core/node';
import { globBase, globToRegExp, hasGlobChars } from './glob';
import { IgnoreRules } from './ignore-rules';

export const BUILTIN_EXTENSIONS = ['.md', '.markdown', '.txt', '.docx'];

export interface CollectResult {
  files: string[];
  /** 给用户的提示（显式给出但类型不支持的文件等）。 */
  notices: string[];
  /** 没有匹配到任何文件的参数及原因（ESLint 式：默认以退出码 2 结束）。 */
  unmatched: string[];
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export function collectFiles(args: string[], cwd: string, configs: ConfigResolver): CollectResult {
  const rules = new IgnoreRules(configs);
  const found = new Set<string>();
  const notices: string[] = [];
  const unmatched: string[] = [];

  const supported = (file: string): boolean => {
    const ext = path.extname(file).toLowerCase();
    if (BUILTIN_EXTENSIONS.includes(ext)) return true;
    const cfg = configs.forFile(file);
    return cfg?.ok === true && ext in cfg.config.language;
  };

  const walk = (dir: string, accept: (file: string) => boolean) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      notices.push(`无法读取目录 ${path.relative(cwd, dir) || '.'}：${(err as Error).message}`);
      return;
    }
    for (const entry of entries) {
      // 隐藏文件与目录只在显式给出时检查
      if (entry.name.startsWith('.')) continue;
      // --fix 写出的 Word 修订稿（报告.tifa.docx）只在显式给出时检查，免得再次 --fix 时套出 .tifa.tifa.docx
      if (/\.tifa\.docx$/i.test(entry.name)) continue;
      const abs = path.join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const st = fs.statSync(abs);
          isDir = false; // 不跟随目录链接，避免环
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (rules.isAlwaysSkipped(entry.name) || rules.isIgnored(abs, true)) continue;
        walk(abs, accept);
      } else if (isFile && accept(abs) && !rules.isIgnored(abs, false)) {
        found.add(abs);
      }
    }
  };

  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    if (hasGlobChars(arg) && !fs.existsSync(abs)) {
      const pattern = toPosix(abs);
      const re = globToRegExp(pattern, arg);
      const base = globBase(pattern);
      const before = found.size;
      if (fs.existsSync(base)) walk(path.resolve(base), (file) => re.test(toPosix(file)) && supported(file));
      if (found.size === before) unmatched.push(`没有文件匹配 ${arg}（检查拼写；支持 ${BUILTIN_EXTENSIONS.join(' ')}）`);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      unmatched.push(`找不到文件或目录：${arg}`);
      continue;
    }
    const before = found.size;
    if (st.isDirectory()) {
      walk(abs, supported);
      if (found.size === before) unmatched.push(`目录 ${arg} 里没有要检查的文件（支持 ${BUILTIN_EXTENSIONS.join(' ')}，已忽略的与隐藏的不算）`);
    }
    // 设备、FIFO：读取会阻塞或读不完
    else if (!st.isFile()) notices.push(`跳过不是普通文件的 ${arg}（设备、FIFO 等）`);
    else if (supported(abs)) found.add(abs);
    else unmatched.push(`不支持的文件类型：${arg}（支持 ${BUILTIN_EXTENSIONS.join(' ')}，可在配置 language 中添加扩展名）`);
  }
  return { files: [...found].sort(), notices, unmatched };
}
