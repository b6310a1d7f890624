// 工作区白名单文件：每行一个写法或词条 id，# 之后是注释。读过就缓存，文件变化或写入后失效。
import path from 'node:path';
import { parseAllowList } from '@tifa/core/node';
import type { RuntimeFileSystem } from './runtime';

export interface AllowListStore {
  get(file: string | undefined): readonly string[];
  /** 追加一项（已有则不动）；返回是否写入了，写不了时带上原因（中文）。 */
  add(file: string, item: string, comment?: string): { added: boolean; error?: string };
  invalidate(file: string): boolean;
  files(): string[];
}

// 解析与 CLI 共用 @tifa/core/node 的 parseAllowList；这里只管缓存与追加写入
export { parseAllowList };

const HEADER = '# tifa 工作区白名单：每行一个写法或词条 id，这些写法不再报告。\n';

export function createAllowListStore(
  fs: RuntimeFileSystem,
  onNewFile: (file: string) => void = () => {},
  warn: (message: string) => void = () => {},
): AllowListStore {
  const cache = new Map<string, readonly string[]>();
  // 读过的白名单文件都要监视（失效后缓存里暂时没有，监视集合不能跟着抖动）。
  const seen = new Set<string>();
  return {
    get(file) {
      if (!file) return [];
      let items = cache.get(file);
      if (!items) {
        const text = fs.readFile(file);
        items = text === undefined ? [] : parseAllowList(text);
        const problem = text === undefined ? fs.checkFile(file) : undefined;
        if (problem) warn(`工作区白名单 ${file} 没有读取：${problem}。`);
        cache.set(file, items);
        if (!seen.has(file)) {
          seen.add(file);
          onNewFile(file);
        }
      }
      return items;
    },
    add(file, item, comment) {
      const text = fs.readFile(file);
      if (text !== undefined && parseAllowList(text).includes(item)) return { added: false };
      // 注释里的换行、# 与其他控制字符换成空格：一次只加一行。
      const note = comment?.replace(/[\p{Cc}\p{Zl}\p{Zp}#]/gu, ' ').trim();
      const result = fs.appendLines(file, [note ? `${item}  # ${note}` : item], HEADER);
      cache.delete(file);
      return result.ok ? { added: true } : { added: false, error: result.reason };
    },
    invalidate(file) {
      return cache.delete(path.normalize(file));
    },
    files() {
      return [...seen];
    },
  };
}
