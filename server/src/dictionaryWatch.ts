// 监视用户词典与白名单文件：客户端支持动态注册时用 workspace/didChangeWatchedFiles，否则用 fs.watch（监视所在目录）。
// 变化先攒 50 ms 再一起交给 onChange：保存时编辑器常连发几次事件。
import path from 'node:path';
import {
  type Connection,
  DidChangeWatchedFilesNotification,
  type Disposable as LspDisposable,
  type FileSystemWatcher,
} from 'vscode-languageserver';
import { pathToUri, uriToPath } from './paths';
import type { Disposable, RuntimeFileSystem } from './runtime';
import { type Logger, formatError } from './runner';

const SETTLE_MS = 50;

export interface DictionaryWatch {
  /** 要监视的文件全集（绝对路径）；与上次相同时什么也不做。 */
  update(files: readonly string[]): void;
  dispose(): void;
}

export function createDictionaryWatch(deps: {
  connection: Connection;
  fs: RuntimeFileSystem;
  log: Logger;
  dynamicRegistration: boolean;
  relativePatternSupport: boolean;
  onChange(files: string[]): void;
}): DictionaryWatch {
  const { connection, log } = deps;
  let watched = new Set<string>();
  let registration: Promise<LspDisposable | undefined> = Promise.resolve(undefined);
  let dirWatchers = new Map<string, Disposable | undefined>();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;

  function changed(file: string): void {
    const normalized = path.normalize(file);
    if (!watched.has(normalized)) return;
    pending.add(normalized);
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      const files = [...pending];
      pending.clear();
      try {
        deps.onChange(files);
      } catch (err) {
        log.error(formatError(`处理文件变化 ${files.join(', ')} 失败`, err));
      }
    }, SETTLE_MS);
  }

  // 客户端即使没让我们动态注册，也可能自己发来文件事件（例如扩展的 synchronize.fileEvents）。
  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes ?? []) {
      const file = uriToPath(change.uri);
      if (file) changed(file);
    }
  });

  function watcherFor(file: string): FileSystemWatcher {
    if (deps.relativePatternSupport) {
      return { globPattern: { baseUri: pathToUri(path.dirname(file)), pattern: path.basename(file) } };
    }
    return { globPattern: file.split(path.sep).join('/') };
  }

  function registerDynamic(files: readonly string[]): void {
    registration = registration
      .then((previous) => previous?.dispose())
      .then(() =>
        files.length === 0
          ? undefined
          : connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: files.map(watcherFor) }),
      )
      .catch((err: unknown) => {
        log.error(formatError('注册文件监视失败', err));
        return undefined;
      });
  }

  function watchDirs(files: readonly string[]): void {
    const dirs = new Set(files.map((f) => path.dirname(f)));
    const next = new Map<string, Disposable | undefined>();
    for (const dir of dirs) {
      const existing = dirWatchers.get(dir);
      next.set(dir, dirWatchers.has(dir) && existing ? existing : deps.fs.watchDir(dir, (name) => changed(path.join(dir, name))));
    }
    for (const [dir, watcher] of dirWatchers) if (!next.has(dir)) watcher?.dispose();
    dirWatchers = next;
  }

  return {
    update(files) {
      const next = new Set(files.map((f) => path.normalize(f)));
      if (next.size === watched.size && [...next].every((f) => watched.has(f))) return;
      watched = next;
      if (deps.dynamicRegistration) registerDynamic([...next]);
      else watchDirs([...next]);
    },
    dispose() {
      if (timer) clearTimeout(timer);
      for (const watcher of dirWatchers.values()) watcher?.dispose();
      dirWatchers.clear();
      void registration.then((r) => r?.dispose());
    },
  };
}
