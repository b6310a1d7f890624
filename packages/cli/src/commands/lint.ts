// tifa lint：收集文件 → 按文件解析配置 → 校验词典 → 检查（必要时多线程）→ 格式化输出 → 退出码。
import fs from 'node:fs';
import path from 'node:path';
import type { Glossary } from '@tifa/core';
import { ConfigResolver, didYouMean, formatLocatedError, isValidDate, type LocatedError, type ResolvedConfig } from '@tifa/core/node';
import { CliError } from '../cli-error';
import { collectFiles } from '../files/collect-files';
import { removeStaleTemps } from '../files/write-atomic';
import { countAll } from '../formatters/counts';
import { FORMAT_NAMES, FORMATTERS } from '../formatters/index';
import { writeChunks } from '../formatters/json-stream';
import { termDescriber } from '../formatters/describe-term';
import { glossaryFor } from '../lint/glossary-cache';
import { forcedWorkersFromEnv, runTasks } from '../lint/run-tasks';
import type { FileReport, FileTask, LintMode } from '../lint/types';
import { createProgress } from '../terminal/progress';
import { forTerminal } from '../terminal/sanitize';
import { TIFA_VERSION } from '../version';
import { colorsFor, type CommandContext } from './context';
import { LINT_HELP } from './help-text';
import { displayPath, reportDiagnostics } from './output';
import { parseMaxWarnings, parseRuleOptions } from './lint-options';
import { parseOptions } from './parse-options';
import { printConfig } from './print-config';
import { readStdin, writeOutputFile } from './stdio';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'as-of': { type: 'string' },
  dict: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  rule: { type: 'string', multiple: true },
  quiet: { type: 'boolean', short: 'q' },
  'max-warnings': { type: 'string' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  'print-config': { type: 'string' },
  stdin: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'output-file': { type: 'string', short: 'o' },
  'no-error-on-unmatched-pattern': { type: 'boolean' },
  'report-unused-disable-directives': { type: 'boolean' },
} as const;

export async function lintCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions('lint', args, OPTIONS);
  if (values.help) {
    ctx.stdout.write(LINT_HELP);
    return 0;
  }
  const format = values.format ?? 'stylish';
  const formatter = FORMATTERS[format];
  if (!formatter) {
    const hint = didYouMean(format, FORMAT_NAMES);
    throw new CliError(`未知输出格式 ${format}${hint ? `，是否想写 ${hint}？` : ''}（可用：${FORMAT_NAMES.join('、')}）`);
  }
  if (values.fix && values['fix-dry-run']) throw new CliError('--fix 与 --fix-dry-run 不能同时使用');
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidDate(asOf)) throw new CliError(`--as-of 应为 YYYY-MM-DD 格式的日期，却是 ${JSON.stringify(asOf)}`);
  const cliRules = parseRuleOptions(values.rule ?? []);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const cliDicts = (values.dict ?? []).map((d) => path.resolve(ctx.cwd, d));
  const mode: LintMode = values.fix ? 'fix' : values['fix-dry-run'] ? 'fix-dry-run' : 'lint';
  const colors = colorsFor(ctx, ctx.stdout, values);
  const errColors = colorsFor(ctx, ctx.stderr, values);
  const note = (s: string) => ctx.stderr.write(`${errColors.gray('tifa：')}${forTerminal(s)}\n`);

  const configs = new ConfigResolver({ configFile: values.config ? path.resolve(ctx.cwd, values.config) : undefined });
  const fixedError = configs.fixedError();
  if (fixedError) throw new CliError(formatLocatedError(fixedError));
  if (values['print-config'] !== undefined) {
    ctx.stdout.write(printConfig(configs, path.resolve(ctx.cwd, values['print-config']), { cliRules, cliDicts, asOf }));
    return 0;
  }
  if (values['stdin-filename'] !== undefined && !values.stdin) throw new CliError('--stdin-filename 要与 --stdin 一起使用');
  if (values.stdin && values.fix) throw new CliError('--stdin 不能与 --fix 一起使用（可用 --fix-dry-run 查看修改）');
  if (values.stdin && positionals.length) throw new CliError('--stdin 时不能再给文件或目录');

  let files: string[];
  let stdinText: string | undefined;
  if (values.stdin) {
    stdinText = await readStdin(ctx);
    files = [path.resolve(ctx.cwd, values['stdin-filename'] ?? '<stdin>.md')];
  } else {
    const collected = collectFiles(positionals.length ? positionals : ['.'], ctx.cwd, configs);
    for (const n of collected.notices) note(n);
    if (collected.unmatched.length && !values['no-error-on-unmatched-pattern']) {
      throw new CliError(`${collected.unmatched.join('\n')}\n（如果这是预期的，可加 --no-error-on-unmatched-pattern）`);
    }
    files = collected.files;
  }

  // 每个文件的配置；配置错误全部列出后以 2 退出
  const configErrors = new Map<string, LocatedError>();
  const tasks: FileTask[] = [];
  const usedConfigs = new Map<string, ResolvedConfig>();
  for (const file of files) {
    const result = configs.forFile(file);
    if (!result.ok) {
      configErrors.set(formatLocatedError(result.error), result.error);
      continue;
    }
    const config = result.config;
    usedConfigs.set(JSON.stringify([config.dictionaries, config.terms]), config);
    tasks.push({
      file,
      displayPath: stdinText !== undefined ? (values['stdin-filename'] ?? '<text>') : displayPath(file, ctx.cwd),
      bytes: stdinText !== undefined ? Buffer.byteLength(stdinText) : fs.statSync(file).size,
      stdinText,
      reportUnusedDirectives: values['report-unused-disable-directives'] === true,
      languageOverrides: config.language,
      dictionaries: [...config.dictionaries, ...cliDicts],
      asOf: asOf ?? config.asOf,
      rules: { ...config.rules, ...cliRules },
      terms: config.terms,
      allow: config.allow,
      mode,
      withFrames: format === 'stylish',
      withSentences: format === 'html',
    });
  }
  if (configErrors.size) throw new CliError([...configErrors.keys()].join('\n'));

  // 词典：每组只加载一次；有错误就不检查
  const dictionarySets = new Map<string, string[]>();
  for (const t of tasks) dictionarySets.set(JSON.stringify(t.dictionaries), t.dictionaries);
  if (tasks.length === 0) dictionarySets.set(JSON.stringify(cliDicts), cliDicts);
  const glossaries: Glossary[] = [];
  let dictionaryErrors = 0;
  const loadStarted = Date.now();
  const reportedDiagnostics = new Set<string>();
  for (const dicts of dictionarySets.values()) {
    const loaded = glossaryFor(dicts);
    glossaries.push(loaded.glossary);
    const fresh = loaded.diagnostics.filter((d) => {
      const key = `${d.file}:${d.offset}:${d.code}:${d.message}`;
      if (reportedDiagnostics.has(key)) return false;
      reportedDiagnostics.add(key);
      return true;
    });
    dictionaryErrors += reportDiagnostics(fresh, ctx.cwd, errColors, (s) => ctx.stderr.write(s));
  }
  if (dictionaryErrors > 0) throw new CliError(`词典有 ${dictionaryErrors} 个错误，未进行检查`);
  // 新线程的预热：加载词表，再加载差不多同样久的 jieba
  const warmupMs = 2 * (Date.now() - loadStarted);

  // 配置里 terms 的词条 id 必须存在
  const unknownTerms: string[] = [];
  for (const config of usedConfigs.values()) {
    const glossary = glossaryFor([...config.dictionaries, ...cliDicts]).glossary;
    for (const id of Object.keys(config.terms)) {
      if (glossary.byId(id)) continue;
      const hint = didYouMean(id, glossary.entries.map((e) => e.id));
      const pos = config.termPositions[id] ?? { file: config.file, line: 1, column: 1 };
      const problem = formatLocatedError({ ...pos, message: `terms 中的词条 ${id} 不存在${hint ? `，是否想写 ${hint}？` : ''}` });
      if (!unknownTerms.includes(problem)) unknownTerms.push(problem);
    }
  }
  if (unknownTerms.length) throw new CliError(unknownTerms.join('\n'));

  if (tasks.length === 0) note('没有找到要检查的文件（支持 .md .markdown .txt .docx）');

  // 上次被强行中止的 --fix 留下的临时文件
  for (const dir of new Set(tasks.map((t) => path.dirname(t.file)))) removeStaleTemps(dir);

  const progress = createProgress(tasks.length, mode === 'lint' ? '正在检查' : '正在修复', ctx.stderr);
  let reports: FileReport[];
  try {
    reports = await runTasks(tasks, { forcedWorkers: forcedWorkersFromEnv(ctx.env), warmupMs, onProgress: (done) => progress.update(done) });
  } finally {
    progress.stop();
  }

  for (const r of reports) if (r.status === 'skipped' || (r.status === 'linted' && r.notice)) note(`${r.displayPath}：${r.notice}`);
  if (values.quiet) {
    const hidden = reports.reduce((n, r) => n + r.messages.filter((m) => m.severity !== 'error').length, 0);
    reports = reports.map((r) => ({ ...r, messages: r.messages.filter((m) => m.severity === 'error') }));
    if (hidden) note(`--quiet：已隐藏 ${hidden} 个警告与提示`);
  }

  const glossaryVersions = [...new Set(glossaries.map((g) => g.version))];
  const output = (chunks: Iterable<string | Uint8Array>) => (values['output-file'] ? writeOutputFile(path.resolve(ctx.cwd, values['output-file']), chunks) : writeChunks(ctx.stdout, chunks));
  if (mode === 'fix-dry-run') {
    // 各文件的 diff 按它自己的编码原样写出（patch 逐字节比较）
    await output(reports.map((r) => r.diff ?? ''));
    const changed = reports.filter((r) => r.diff?.length).length;
    note(changed ? `将修复 ${reports.reduce((n, r) => n + r.fixedCount, 0)} 处，涉及 ${changed} 个文件（未写入）` : '没有可自动修复的问题');
  } else {
    const plain = values['output-file'] ? colorsFor(ctx, ctx.stdout, { 'no-color': true }) : colors;
    await output(formatter({ reports, cwd: ctx.cwd, tifaVersion: TIFA_VERSION, glossaryVersions, describeTerm: termDescriber(glossaries), colors: plain }));
    for (const r of reports) if (r.writtenTo) note(`${r.displayPath}：修改以修订形式写入 ${displayPath(r.writtenTo, ctx.cwd)}（原文件未改动）`);
    if (mode === 'fix') {
      const written = reports.filter((r) => r.written);
      note(written.length ? `已修复 ${written.reduce((n, r) => n + r.fixedCount, 0)} 处，写回 ${written.length} 个文件` : '没有可自动修复的问题');
    }
  }

  const counts = countAll(reports);
  if (counts.errors > 0) return 1;
  if (maxWarnings >= 0 && counts.warnings > maxWarnings) {
    note(`警告 ${counts.warnings} 个，超过 --max-warnings ${maxWarnings}`);
    return 1;
  }
  return 0;
}
