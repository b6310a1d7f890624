// 唯一的配置解析器（CLI 与语言服务器共用）：从文件所在目录向上，逐级读配置文件与 .tifa/allow.txt，
// 外层在下、内层在上合并，遇到 root: true 停止；最后套用与该文件匹配的 overrides。结果按目录缓存。
import path from 'node:path';
import { Minimatch } from 'minimatch';
import { ALLOW_LIST_FILE, readAllowList } from './allow-list';
import { CONFIG_FILE_NAMES, loadConfigFile } from './load-file';
import { mergeLayers, mergeSettings } from './merge';
import { isRegularFile } from './read-small-file';
import type { ConfigLayer, LocatedError, ResolvedConfig, Result } from './types';

interface DirState {
  /** 合并到此目录为止的配置；没有任何配置文件时为 undefined。 */
  layer?: ConfigLayer;
  allowFiles: string[];
  /** 此目录或上级有 root: true（不再向上）。 */
  stopped: boolean;
}

export interface ConfigResolverOptions {
  /** --config：只用这一个配置文件（连同 extends），不再向上查找配置文件。 */
  configFile?: string;
}

function toPosix(p: string): string {
  return p.split(path.sep).join('/');
}

export class ConfigResolver {
  private readonly dirs = new Map<string, Result<DirState>>();
  private readonly fixed: Result<ConfigLayer> | undefined;
  private readonly matchers = new Map<string, (p: string) => boolean>();
  /** 白名单文件的内容：编辑器里每次检查都要用，读一次缓存到 invalidate。 */
  private readonly allowCache = new Map<string, string[]>();

  constructor(options: ConfigResolverOptions = {}) {
    if (options.configFile) {
      const file = path.resolve(options.configFile);
      this.fixed = loadConfigFile(file) ?? { ok: false, error: { file, line: 1, column: 1, message: 'package.json 中没有 "tifa" 配置字段' } };
    }
  }

  /** 指定的 --config 有错时的错误。 */
  fixedError(): LocatedError | undefined {
    return this.fixed && !this.fixed.ok ? this.fixed.error : undefined;
  }

  /** 配置或白名单文件变了：下次重新读取。 */
  clear(): void {
    this.dirs.clear();
    this.allowCache.clear();
  }

  /** 某个文件变了（或新建、删除）：是白名单就只丢它的内容，否则整个重新查找。 */
  invalidate(file: string): void {
    const abs = path.resolve(file);
    if (this.allowCache.delete(abs) && !CONFIG_FILE_NAMES.includes(path.basename(abs) as (typeof CONFIG_FILE_NAMES)[number])) {
      if (isRegularFile(abs)) return;
    }
    this.clear();
  }

  /** 读过的配置与白名单文件（监视用）。 */
  files(): string[] {
    const out = new Set<string>();
    for (const r of this.dirs.values()) {
      if (!r.ok) {
        out.add(r.error.file);
        continue;
      }
      for (const f of r.config.layer?.files ?? []) out.add(f);
      for (const f of r.config.allowFiles) out.add(f);
    }
    return [...out];
  }

  /** 目录级的配置（不含 overrides），忽略规则与语言映射用它。 */
  forDir(dir: string): Result<ResolvedConfig> {
    const state = this.dirState(path.resolve(dir));
    if (!state.ok) return state;
    return { ok: true, config: this.toResolved(state.config, undefined) };
  }

  /** 对这个文件生效的配置（含 overrides 与白名单文件里的写法）。 */
  forFile(file: string): Result<ResolvedConfig> {
    const abs = path.resolve(file);
    const state = this.dirState(path.dirname(abs));
    if (!state.ok) return state;
    return { ok: true, config: this.toResolved(state.config, abs) };
  }

  private toResolved(state: DirState, file: string | undefined): ResolvedConfig {
    let layer = state.layer;
    if (layer && file) {
      for (const o of layer.overrides) {
        const rel = toPosix(path.relative(o.dir, file));
        if (rel.startsWith('../') || path.isAbsolute(rel)) continue;
        if (o.files.some((g) => this.matcher(g)(rel))) layer = mergeSettings(layer, o.settings);
      }
    }
    const allow = [...(layer?.allow ?? [])];
    for (const f of state.allowFiles) for (const item of this.allowItems(f)) if (!allow.includes(item)) allow.push(item);
    return {
      files: layer?.files ?? [],
      file: layer?.file ?? '',
      dictionaries: layer?.dictionaries ?? [],
      rules: layer?.rules ?? {},
      terms: layer?.terms ?? {},
      termPositions: layer?.termPositions ?? {},
      asOf: layer?.asOf,
      allow,
      allowFiles: state.allowFiles,
      ignore: layer?.ignore ?? [],
      language: layer?.language ?? {},
    };
  }

  private allowItems(file: string): string[] {
    let items = this.allowCache.get(file);
    if (!items) {
      items = readAllowList(file) ?? [];
      this.allowCache.set(file, items);
    }
    return items;
  }

  private matcher(glob: string): (p: string) => boolean {
    let m = this.matchers.get(glob);
    if (!m) {
      const mm = new Minimatch(glob, { dot: true, matchBase: !glob.includes('/') });
      m = (p: string) => mm.match(p);
      this.matchers.set(glob, m);
    }
    return m;
  }

  private dirState(dir: string): Result<DirState> {
    const cached = this.dirs.get(dir);
    if (cached) return cached;
    const result = this.computeDirState(dir);
    this.dirs.set(dir, result);
    return result;
  }

  private computeDirState(dir: string): Result<DirState> {
    const allowFile = path.join(dir, ALLOW_LIST_FILE);
    const ownAllow = isRegularFile(allowFile) ? [allowFile] : [];
    let own: ConfigLayer | undefined;
    if (this.fixed) {
      if (!this.fixed.ok) return this.fixed;
    } else {
      for (const name of CONFIG_FILE_NAMES) {
        const file = path.join(dir, name);
        if (!isRegularFile(file)) continue;
        const loaded = loadConfigFile(file);
        if (!loaded) continue;
        if (!loaded.ok) return loaded;
        own = loaded.config;
        break;
      }
    }
    const parentDir = path.dirname(dir);
    const atTop = parentDir === dir || own?.root === true;
    const parent: Result<DirState> = atTop ? { ok: true, config: { allowFiles: [], stopped: true } } : this.dirState(parentDir);
    if (!parent.ok) return parent;
    let layer = parent.config.layer;
    if (this.fixed?.ok) layer = this.fixed.config;
    else if (own) layer = layer ? { ...mergeLayers(layer, own), root: own.root } : own;
    return { ok: true, config: { layer, allowFiles: [...parent.config.allowFiles, ...ownAllow], stopped: atTop } };
  }
}
