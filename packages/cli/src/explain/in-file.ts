// tifa explain <词条> --file <文件>：这个词条在某份文件里为什么报（或不报）——按哪个文档日期、它从哪里来、命中了哪些地方。
// 与 tifa lint 用同一套配置解析与同一个 processFile，结论与 lint 一致。
import fs from 'node:fs';
import type { Entry } from '@tifa/core';
import { ConfigResolver, formatLocatedError } from '@tifa/core/node';
import { CliError } from '../cli-error';
import { processFile } from '../lint/process-file';
import type { FileReport } from '../lint/types';
import type { Colors } from '../terminal/colors';

export interface InFileOptions {
  file: string;
  displayPath: string;
  cliDicts: string[];
  asOf?: string;
  configFile?: string;
}

export function reportInFile(opts: InFileOptions): FileReport {
  if (!fs.existsSync(opts.file)) throw new CliError(`找不到文件：${opts.displayPath}`);
  const configs = new ConfigResolver({ configFile: opts.configFile });
  const resolved = configs.forFile(opts.file);
  if (!resolved.ok) throw new CliError(formatLocatedError(resolved.error));
  const config = resolved.config;
  return processFile({
    file: opts.file,
    displayPath: opts.displayPath,
    bytes: fs.statSync(opts.file).size,
    languageOverrides: config.language,
    dictionaries: [...config.dictionaries, ...opts.cliDicts],
    asOf: opts.asOf ?? config.asOf,
    rules: config.rules,
    terms: config.terms,
    allow: config.allow,
    mode: 'lint',
    withFrames: false,
  });
}

/** 在期限内外：过时词条看 until，有期限的词条看 period。 */
function verdictAt(entry: Entry, date: string): string | undefined {
  const raw = entry.period?.end;
  // 只写年份（或年月）的期末按该年（该月）最后一天算
  const end = raw && (raw.length === 4 ? `${raw}-12-31` : raw.length === 7 ? `${raw}-31` : raw);
  if (end) return date > end ? `文档日期在 ${end} 之后：写成当前或将来的事按过时处理，回顾性的叙述不报` : `文档日期在 ${end} 之前：仍在期限内`;
  if (entry.status === 'outdated' && entry.until) return date >= entry.until ? `文档日期不早于 ${entry.until}：这一写法已过时` : `文档日期早于 ${entry.until}：当时的写法，不报`;
  if (entry.status === 'current' && entry.since && date < entry.since) return `文档日期早于 ${entry.since}：当时还没有这一写法，不建议改成它`;
  return undefined;
}

export function renderInFile(report: FileReport, entries: readonly Entry[], colors: Colors): string {
  const ids = new Set(entries.map((e) => e.id));
  const lines = [colors.bold(`在 ${report.displayPath} 中`)];
  if (report.status !== 'linted') return [...lines, `  ${report.notice ?? '无法检查该文件'}`].join('\n');
  if (report.documentDate) {
    lines.push(`  文档日期：${report.documentDate.description}`);
    const verdict = verdictAt(entries[0], report.documentDate.date);
    if (verdict) lines.push(`  ${verdict}`);
  }
  const hits = report.messages.filter((m) => ids.has(m.termId));
  if (!hits.length) lines.push('  没有与该词条有关的发现');
  for (const m of hits) lines.push(`  ${report.displayPath}:${m.line}:${m.column}  ${m.severity}  ${m.message}  ${colors.gray(m.ruleId)}`);
  return lines.join('\n');
}
