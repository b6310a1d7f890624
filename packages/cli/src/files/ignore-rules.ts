// 忽略规则：各级 .gitignore（从 git 根目录往下）、配置里的 ignore（相对配置文件目录），以及总是跳过的目录。
import fs from 'node:fs';
import path from 'node:path';
import { readRegularFile } from '@tifa/core/node';
import ignore, { type Ignore } from 'ignore';
import type { ConfigResolver } from '../config/config-resolver';

const ALWAYS_SKIPPED = new Set(['node_modules', '.git', '.hg', '.svn']);

interface Matcher {
  base: string;
  ig: Ignore;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

function matches(m: Matcher, abs: string, isDir: boolean): boolean {
  const rel = path.relative(m.base, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return false;
  return m.ig.ignores(toPosix(rel) + (isDir ? '/' : ''));
}

export class IgnoreRules {
  private readonly gitignoreCache = new Map<string, Matcher[]>();
  private readonly configMatchers = new Map<string, Matcher>();
  private readonly gitRootCache = new Map<string, string | null>();

  constructor(private readonly configs: ConfigResolver) {}

  isAlwaysSkipped(name: string): boolean {
    return ALWAYS_SKIPPED.has(name);
  }

  /** abs 是否被忽略；isDir 为 true 时按目录匹配（"build/" 这类规则）。 */
  isIgnored(abs: string, isDir: boolean): boolean {
    const dir = path.dirname(abs);
    for (const m of this.gitignoresFor(dir)) if (matches(m, abs, isDir)) return true;
    const cfg = this.configs.forDir(dir);
    if (cfg?.ok && cfg.config.ignore.length > 0) {
      let m = this.configMatchers.get(cfg.config.file);
      if (!m) {
        m = { base: cfg.config.dir, ig: ignore().add(cfg.config.ignore) };
        this.configMatchers.set(cfg.config.file, m);
      }
      if (matches(m, abs, isDir)) return true;
    }
    return false;
  }

  private gitRoot(dir: string): string | null {
    if (this.gitRootCache.has(dir)) return this.gitRootCache.get(dir)!;
    let root: string | null;
    if (fs.existsSync(path.join(dir, '.git'))) root = dir;
    else {
      const parent = path.dirname(dir);
      root = parent === dir ? null : this.gitRoot(parent);
    }
    this.gitRootCache.set(dir, root);
    return root;
  }

  /** dir 及其上级（到 git 根目录为止；不在 git 仓库里时到文件系统根）的 .gitignore。 */
  private gitignoresFor(dir: string): Matcher[] {
    const cached = this.gitignoreCache.get(dir);
    if (cached) return cached;
    const root = this.gitRoot(dir);
    const parent = path.dirname(dir);
    const inherited = dir === root || parent === dir ? [] : this.gitignoresFor(parent);
    let own: Matcher[] = [];
    const file = path.join(dir, '.gitignore');
    try {
      own = [{ base: dir, ig: ignore().add(readRegularFile(file).toString('utf8')) }];
    } catch {
      // 没有 .gitignore
    }
    const result = own.length ? [...inherited, ...own] : inherited;
    this.gitignoreCache.set(dir, result);
    return result;
  }
}
