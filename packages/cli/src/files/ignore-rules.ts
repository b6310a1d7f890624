// 忽略规则：各级 .gitignore（从 git 根目录往下）、.git/info/exclude 与 core.excludesFile（同 git，相对仓库根目录）、
// 配置里的 ignore（相对写它的配置文件目录），以及总是跳过的目录。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRegularFile } from '@tifa/core/node';
import ignore, { type Ignore } from 'ignore';
import type { ConfigResolver } from '@tifa/core/node';

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
  private readonly excludeCache = new Map<string, Matcher[]>();

  constructor(private readonly configs: ConfigResolver) {}

  isAlwaysSkipped(name: string): boolean {
    return ALWAYS_SKIPPED.has(name);
  }

  /** abs 是否被忽略；isDir 为 true 时按目录匹配（"build/" 这类规则）。 */
  isIgnored(abs: string, isDir: boolean): boolean {
    const dir = path.dirname(abs);
    for (const m of this.gitignoresFor(dir)) if (matches(m, abs, isDir)) return true;
    const cfg = this.configs.forDir(dir);
    if (!cfg.ok) return false;
    for (const rule of cfg.config.ignore) {
      const key = `${rule.base}\0${rule.patterns.join('\0')}`;
      let m = this.configMatchers.get(key);
      if (!m) {
        m = { base: rule.base, ig: ignore().add(rule.patterns) };
        this.configMatchers.set(key, m);
      }
      if (matches(m, abs, isDir)) return true;
    }
    return false;
  }

  /** 仓库级的排除文件：.git/info/exclude 与 core.excludesFile（缺省 $XDG_CONFIG_HOME/git/ignore）。 */
  private repoExcludes(root: string): Matcher[] {
    const cached = this.excludeCache.get(root);
    if (cached) return cached;
    const files = [path.join(root, '.git', 'info', 'exclude'), excludesFile(root)];
    const out: Matcher[] = [];
    for (const file of files) {
      if (!file) continue;
      try {
        out.push({ base: root, ig: ignore().add(readRegularFile(file).toString('utf8')) });
      } catch {
        // 没有这个文件
      }
    }
    this.excludeCache.set(root, out);
    return out;
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
    const inherited = dir === root ? this.repoExcludes(dir) : parent === dir ? [] : this.gitignoresFor(parent);
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

/** git config core.excludesFile（git 不可用时看 XDG 缺省位置）。 */
function excludesFile(root: string): string | undefined {
  try {
    // 用到时才载入 child_process（启动时少载入几个模块）
    const { execFileSync } = require('node:child_process') as typeof import('node:child_process');
    const out = execFileSync('git', ['config', '--path', '--get', 'core.excludesFile'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
    if (out) return path.resolve(root, out.replace(/^~(?=\/|$)/, os.homedir()));
  } catch {
    // 没有设置，或没有 git
  }
  const xdg = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(xdg, 'git', 'ignore');
}
