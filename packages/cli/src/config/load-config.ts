// 读一个配置文件：tifa.config.json、.tifarc.json，或 package.json 的 "tifa" 字段。
import fs from 'node:fs';
import path from 'node:path';
import { offsetToPosition } from '@tifa/core';
import { readRegularFile } from '@tifa/core/node';
import type { ConfigResult, LocatedError } from './config-types';
import { parseJsonWithPositions } from './json-with-positions';
import { validateConfig } from './validate-config';

export const CONFIG_FILE_NAMES = ['tifa.config.json', '.tifarc.json', 'package.json'] as const;

function located(file: string, text: string, offset: number, message: string): LocatedError {
  const pos = offsetToPosition(text, offset);
  return { file, line: pos.line + 1, column: pos.character + 1, message };
}

/**
 * 读配置文件。package.json 没有 "tifa" 字段时返回 undefined（不是配置）。
 */
export function loadConfigFile(file: string): ConfigResult | undefined {
  const abs = path.resolve(file);
  let text: string;
  try {
    text = readRegularFile(abs).toString('utf8');
  } catch (err) {
    return { ok: false, error: { file: abs, line: 1, column: 1, message: `无法读取配置文件：${(err as Error).message}` } };
  }
  const parsed = parseJsonWithPositions(text);
  if (!parsed.ok) return { ok: false, error: located(abs, text, parsed.offset, parsed.message) };
  const isPackageJson = path.basename(abs) === 'package.json';
  let value = parsed.value;
  if (isPackageJson) {
    if (typeof value !== 'object' || value === null || !('tifa' in value)) return undefined;
    value = (value as Record<string, unknown>).tifa;
  }
  const base = isPackageJson ? ['tifa'] : [];
  const result = validateConfig(value, base, path.dirname(abs));
  if (!result.ok) {
    const loc = parsed.locate(result.issue.path);
    const offset = loc ? (result.issue.at === 'key' ? loc.keyOffset : loc.valueOffset) : 0;
    return { ok: false, error: located(abs, text, offset, result.issue.message) };
  }
  const { termPaths, ...rest } = result.config;
  const termPositions: Record<string, { line: number; column: number }> = {};
  for (const [id, p] of Object.entries(termPaths)) {
    const pos = offsetToPosition(text, parsed.locate(p)?.keyOffset ?? 0);
    termPositions[id] = { line: pos.line + 1, column: pos.character + 1 };
  }
  return { ok: true, config: { ...rest, file: abs, termPositions } };
}

/** 目录里的配置（按 CONFIG_FILE_NAMES 顺序取第一个）；没有时返回 undefined。 */
export function loadConfigInDir(dir: string): ConfigResult | undefined {
  for (const name of CONFIG_FILE_NAMES) {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) continue;
    const result = loadConfigFile(file);
    if (result) return result;
  }
  return undefined;
}
