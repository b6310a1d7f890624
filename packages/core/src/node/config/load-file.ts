// 读一个配置文件（tifa.config.json、.tifarc.json，或 package.json 的 "tifa" 字段）连同它的 extends，
// 把词典写法（相对路径或 npm 包名）解析成绝对路径。
import path from 'node:path';
import { offsetToPosition } from '../../text/positions';
import { decodeBuffer } from '../encoding';
import { parseJsonc, type JsonPath } from './jsonc';
import { mergeLayers } from './merge';
import { findPackageDir, isPackageSpec } from './packages';
import { isRegularFile, readSmallFile } from './read-small-file';
import type { ConfigLayer, ConfigOverride, ConfigSettings, LocatedError, Result } from './types';
import { schemaIssue } from './schema';
import { validateConfig, type CheckedSettings } from './validate';

export const CONFIG_FILE_NAMES = ['tifa.config.json', '.tifarc.json', 'package.json'] as const;
const MAX_EXTENDS_DEPTH = 16;

class ConfigError extends Error {
  constructor(readonly error: LocatedError) {
    super(error.message);
  }
}

interface Source {
  file: string;
  text: string;
  locate(path: JsonPath): { keyOffset: number; valueOffset: number } | undefined;
}

function at(src: Source, p: JsonPath | undefined, message: string, where: 'key' | 'value' = 'value'): LocatedError {
  const loc = p ? src.locate(p) : undefined;
  const offset = loc ? (where === 'key' ? loc.keyOffset : loc.valueOffset) : 0;
  const pos = offsetToPosition(src.text, offset);
  return { file: src.file, line: pos.line + 1, column: pos.character + 1, message };
}

/** 读配置文件。package.json 没有 "tifa" 字段时返回 undefined（不是配置）。 */
export function loadConfigFile(file: string): Result<ConfigLayer> | undefined {
  try {
    return loadLayer(path.resolve(file), []);
  } catch (err) {
    if (err instanceof ConfigError) return { ok: false, error: err.error };
    throw err;
  }
}

function loadLayer(abs: string, chain: string[]): Result<ConfigLayer> | undefined {
  const read = readSmallFile(abs);
  if (!read.ok) return { ok: false, error: { file: abs, line: 1, column: 1, message: `无法读取配置文件：${read.message}` } };
  const text = decodeBuffer(read.bytes).text;
  const parsed = parseJsonc(text);
  if (!parsed.ok) {
    const pos = offsetToPosition(text, parsed.offset);
    return { ok: false, error: { file: abs, line: pos.line + 1, column: pos.character + 1, message: parsed.message } };
  }
  const src: Source = { file: abs, text, locate: parsed.locate };
  const isPackageJson = path.basename(abs) === 'package.json';
  let value = parsed.value;
  if (isPackageJson) {
    if (typeof value !== 'object' || value === null || !('tifa' in value)) return undefined;
    value = (value as Record<string, unknown>).tifa;
  }
  const checked = validateConfig(value, isPackageJson ? ['tifa'] : []);
  if (!checked.ok) return { ok: false, error: at(src, checked.issue.path, checked.issue.message, checked.issue.at) };
  const issue = schemaIssue(value);
  if (issue) return { ok: false, error: at(src, [...(isPackageJson ? ['tifa'] : []), ...issue.path], issue.message) };
  const c = checked.config;
  const dir = path.dirname(abs);
  const nextChain = [...chain, abs];

  const settings = (s: CheckedSettings): ConfigSettings => {
    const out: ConfigSettings = {};
    if (s.dictionaries) out.dictionaries = s.dictionaries.flatMap((d) => resolveDictionary(d.spec, dir, src, d.path, nextChain));
    if (s.rules) out.rules = s.rules;
    if (s.terms) out.terms = s.terms;
    if (s.termPaths) {
      out.termPositions = {};
      for (const [id, p] of Object.entries(s.termPaths)) out.termPositions[id] = at(src, p, '', 'key');
    }
    if (s.asOf !== undefined) out.asOf = s.asOf;
    if (s.allow) out.allow = s.allow;
    return out;
  };

  const own: ConfigLayer = {
    ...settings(c),
    file: abs,
    dir,
    root: c.root,
    files: [abs],
    ignore: c.ignore.length ? [{ base: dir, patterns: c.ignore }] : [],
    language: c.language,
    overrides: c.overrides.map((o): ConfigOverride => ({ files: o.files, dir, settings: settings(o) })),
  };
  let base: ConfigLayer | undefined;
  for (const e of c.extends) {
    const parent = loadExtended(e.spec, dir, src, e.path, nextChain);
    base = base ? mergeLayers(base, parent) : parent;
  }
  return { ok: true, config: base ? { ...mergeLayers(base, own), root: own.root } : own };
}

function fail(error: LocatedError): never {
  throw new ConfigError(error);
}

function loadExtended(spec: string, dir: string, src: Source, p: JsonPath, chain: string[]): ConfigLayer {
  if (chain.length > MAX_EXTENDS_DEPTH) fail(at(src, p, `extends 层数超过 ${MAX_EXTENDS_DEPTH}`));
  let file: string;
  if (isPackageSpec(spec)) {
    const pkg = findPackageDir(spec, dir) ?? fail(at(src, p, `extends：找不到 npm 包 ${spec}（请先 npm install ${spec}）`));
    file = isRegularFile(path.join(pkg, 'tifa.config.json')) ? path.join(pkg, 'tifa.config.json') : path.join(pkg, 'package.json');
  } else {
    file = path.resolve(dir, spec);
  }
  if (chain.includes(file)) fail(at(src, p, `extends 循环引用：${file}`));
  const result = loadLayer(file, chain);
  if (!result) fail(at(src, p, `extends：${file} 中没有 "tifa" 配置字段`));
  if (!result.ok) throw new ConfigError(result.error);
  return result.config;
}

/** 词典写法 → YAML 文件的绝对路径。npm 包展开为它在 package.json "tifa".dictionaries 里声明的文件。 */
function resolveDictionary(spec: string, dir: string, src: Source, p: JsonPath, chain: string[]): string[] {
  if (!isPackageSpec(spec)) return [path.resolve(dir, spec)];
  const pkg = findPackageDir(spec, dir) ?? fail(at(src, p, `找不到词典包 ${spec}（请先 npm install ${spec}；本地文件请写成 ./ 开头的路径）`));
  const file = path.join(pkg, 'package.json');
  if (chain.includes(file)) fail(at(src, p, `词典包循环引用：${spec}`));
  const result = loadLayer(file, chain);
  if (result && !result.ok) throw new ConfigError(result.error);
  const dicts = result?.config.dictionaries ?? [];
  if (dicts.length === 0) fail(at(src, p, `词典包 ${spec} 的 package.json 没有声明 "tifa": {"dictionaries": [...]}`));
  return dicts;
}
