// 从文件所在目录向上找最近的配置（就近一个，不合并上层）；--config 指定时所有文件都用它。结果按目录缓存。
import path from 'node:path';
import type { ConfigResult, TifaConfig } from './config-types';
import { loadConfigFile, loadConfigInDir } from './load-config';

export class ConfigResolver {
  private readonly cache = new Map<string, ConfigResult | undefined>();
  private readonly fixed: ConfigResult | undefined;

  constructor(configFile?: string) {
    if (configFile) {
      this.fixed =
        loadConfigFile(configFile) ??
        { ok: false, error: { file: path.resolve(configFile), line: 1, column: 1, message: 'package.json 中没有 "tifa" 配置字段' } };
    }
  }

  /** 目录的配置：undefined 表示没有配置（用缺省值）。 */
  forDir(dir: string): ConfigResult | undefined {
    if (this.fixed) return this.fixed;
    const abs = path.resolve(dir);
    if (this.cache.has(abs)) return this.cache.get(abs);
    let result = loadConfigInDir(abs);
    if (!result) {
      const parent = path.dirname(abs);
      result = parent === abs ? undefined : this.forDir(parent);
    }
    this.cache.set(abs, result);
    return result;
  }

  forFile(file: string): ConfigResult | undefined {
    return this.forDir(path.dirname(path.resolve(file)));
  }
}

export function emptyConfig(dir: string): TifaConfig {
  return { file: '', dir, dictionaries: [], rules: {}, terms: {}, termPositions: {}, ignore: [], allow: [], language: {} };
}
