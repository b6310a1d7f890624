// 文件 URI ↔ 路径，以及工作区文件夹（多根）的归属判断。
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return path.normalize(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

export interface WorkspaceFolders {
  /** 当前的工作区文件夹（绝对路径）。 */
  list(): readonly string[];
  set(folders: readonly string[]): void;
  add(folder: string): void;
  remove(folder: string): void;
  /** 包含该文件的最内层工作区文件夹；不在任何文件夹内时为 undefined。 */
  folderOf(file: string | undefined): string | undefined;
}

export function createWorkspaceFolders(initial: readonly string[]): WorkspaceFolders {
  let folders = [...new Set(initial)];
  return {
    list: () => folders,
    set(next) {
      folders = [...new Set(next)];
    },
    add(folder) {
      if (!folders.includes(folder)) folders = [...folders, folder];
    },
    remove(folder) {
      folders = folders.filter((f) => f !== folder);
    },
    folderOf(file) {
      if (!file) return undefined;
      let best: string | undefined;
      for (const folder of folders) {
        const rel = path.relative(folder, file);
        const inside = rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
        if (inside && (!best || folder.length > best.length)) best = folder;
      }
      return best;
    },
  };
}

/** 设置里的路径：绝对路径原样，~ 开头按家目录，其余相对工作区文件夹（没有文件夹时相对文档所在目录）。 */
export function resolveSettingPath(setting: string, folder: string | undefined, fallbackDir: string | undefined, home: string): string | undefined {
  const trimmed = setting.trim();
  if (trimmed === '') return undefined;
  if (trimmed === '~' || trimmed.startsWith('~/')) return path.join(home, trimmed.slice(1));
  if (path.isAbsolute(trimmed)) return path.normalize(trimmed);
  const base = folder ?? fallbackDir;
  return base ? path.resolve(base, trimmed) : undefined;
}

/**
 * 工作区里的文件（白名单）：只接受相对工作区文件夹、解析后仍在文件夹内的路径。
 * 绝对路径、~ 和跑到文件夹外的 ../ 都拒绝：“忽略本词”会往这个文件里写。
 */
export function resolveWorkspaceFile(setting: string, folder: string | undefined): { file?: string; error?: string } {
  const trimmed = setting.trim();
  if (trimmed === '' || !folder) return {};
  if (trimmed === '~' || trimmed.startsWith('~/') || trimmed.startsWith('~\\') || path.isAbsolute(trimmed) || path.win32.isAbsolute(trimmed)) {
    return { error: `设置 tifa.allowListFile（${trimmed}）必须是相对工作区文件夹的路径，已忽略。` };
  }
  const file = path.resolve(folder, trimmed);
  if (!isInside(folder, file) || !isInside(realPath(folder), realPath(file))) {
    return { error: `设置 tifa.allowListFile（${trimmed}）指向工作区文件夹之外（或经符号链接出去），已忽略。` };
  }
  return { file };
}

function isInside(folder: string, file: string): boolean {
  const rel = path.relative(folder, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

/** 真实路径：文件还不存在时取最近的已存在的上级目录的真实路径再接上余下部分（符号链接不能把写入带出工作区）。 */
function realPath(file: string): string {
  let rest = '';
  for (let dir = file; ; ) {
    try {
      return path.join(fs.realpathSync.native(dir), rest);
    } catch {
      const parent = path.dirname(dir);
      if (parent === dir) return file;
      rest = path.join(path.basename(dir), rest);
      dir = parent;
    }
  }
}
