// tifa dict check|test|export：词典校验、例句自测、导出 prh。
import fs from 'node:fs';
import path from 'node:path';
import { runExamples, traceabilityReport, type Entry, type ExampleFailure, type Glossary } from '@tifa/core';
import { createJiebaSegmenter, defaultDictionaryDir, loadGlossary } from '@tifa/core/node';
import { CliError } from '../cli-error';
import { didYouMean } from '../config/did-you-mean';
import { entryYaml, newDictionaryYaml, newEntry } from '../dict/new-entry';
import { prhYaml } from '../dict/prh-export';
import { dictStats } from '../dict/stats';
import { termId } from '../extract/term-id';
import { TIFA_VERSION } from '../version';
import { colorsFor, type CommandContext } from './context';
import { DICT_HELP } from './help-text';
import { displayPath, reportDiagnostics } from './output';
import { parseOptions } from './parse-options';

const OPTIONS = {
  dict: { type: 'string', multiple: true },
  'no-builtin': { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  term: { type: 'string' },
  id: { type: 'string' },
  status: { type: 'string' },
  replacement: { type: 'string' },
  national: { type: 'boolean' },
  append: { type: 'string' },
} as const;

const SUBCOMMANDS = ['check', 'test', 'export', 'new', 'stats'];

export async function dictCommand(args: string[], ctx: CommandContext): Promise<number> {
  const [sub, ...rest] = args;
  if (!sub || sub === '-h' || sub === '--help' || sub === 'help') {
    ctx.stdout.write(DICT_HELP);
    return sub ? 0 : 2;
  }
  if (!SUBCOMMANDS.includes(sub)) {
    const hint = didYouMean(sub, SUBCOMMANDS);
    throw new CliError(`未知子命令 dict ${sub}${hint ? `，是否想写 dict ${hint}？` : ''}（可用：${SUBCOMMANDS.join('、')}）`);
  }
  const { values, positionals } = parseOptions(`dict ${sub}`, rest, OPTIONS);
  if (values.help) {
    ctx.stdout.write(DICT_HELP);
    return 0;
  }
  if (sub === 'new') return dictNew(values, ctx);
  const files = [...positionals, ...(values.dict ?? [])].map((f) => path.resolve(ctx.cwd, f));
  for (const f of files) if (!fs.existsSync(f)) throw new CliError(`找不到词典文件：${displayPath(f, ctx.cwd)}`);
  const out = colorsFor(ctx, ctx.stdout, values);
  const err = colorsFor(ctx, ctx.stderr, values);
  const { glossary, diagnostics: loaded, dictionaries } = loadGlossary({ dictionaries: files, builtin: !values['no-builtin'] });

  if (sub === 'check') {
    // 只在 check 里做可追溯性检查：每条来源有存档原文、high 把握有权威来源
    // 给了词典文件时只查这些文件（默认词表的可追溯性由 tifa dict check 本身负责）
    const checked = files.length ? dictionaries.filter((d) => files.includes(path.resolve(d.file))) : dictionaries;
    const diagnostics = [...loaded, ...traceabilityReport(glossary, checked)];
    const errors = reportDiagnostics(diagnostics, ctx.cwd, out, (s) => ctx.stdout.write(s));
    const warnings = diagnostics.length - errors;
    if (errors) {
      ctx.stdout.write(out.red(`✖ ${errors} 个错误，${warnings} 个警告`) + '\n');
      return 2;
    }
    ctx.stdout.write(out.green(`✔ 词典无错误：${glossary.entries.length} 个词条，词表版本 ${glossary.version}${warnings ? `（${warnings} 个警告）` : ''}`) + '\n');
    return 0;
  }

  // test 与 export 需要一份没有错误的词表
  const errors = reportDiagnostics(loaded.filter((d) => d.severity === 'error'), ctx.cwd, err, (s) => ctx.stderr.write(s));
  if (errors) throw new CliError(`词典有 ${errors} 个错误，请先运行 tifa dict check`);

  if (sub === 'test') return dictTest(glossary, files, ctx, out);
  if (sub === 'stats') {
    ctx.stdout.write(dictStats(glossary, dictionaries, values['no-builtin'] ? undefined : defaultDictionaryDir()));
    return 0;
  }

  const format = values.format ?? 'prh';
  if (format !== 'prh') throw new CliError(`dict export 目前只支持 --format prh，却是 ${format}`);
  const yaml = prhYaml(glossary, TIFA_VERSION);
  if (values.output) {
    try {
      fs.writeFileSync(path.resolve(ctx.cwd, values.output), yaml);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? '目录不存在' : code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? '没有写权限' : code === 'EISDIR' ? '这是一个目录' : (e as Error).message;
      throw new CliError(`无法写入 ${values.output}：${why}`);
    }
    ctx.stderr.write(`已写入 ${values.output}\n`);
  } else {
    ctx.stdout.write(yaml);
  }
  return 0;
}

function exampleCount(entry: Entry): number {
  return (entry.examples?.flag?.length ?? 0) + (entry.examples?.pass?.length ?? 0);
}

function dictTest(glossary: Glossary, files: string[], ctx: CommandContext, c: ReturnType<typeof colorsFor>): number {
  // 给了词典文件时只测这些文件里的词条
  const only = files.length ? new Set(files) : undefined;
  const selected = (e: Entry) => !only || only.has(path.resolve(e.file));
  const { failures } = runExamples(glossary, { segmenter: createJiebaSegmenter(glossary) }, selected);
  const byEntry = new Map<string, ExampleFailure[]>();
  for (const f of failures) byEntry.set(f.entryId, [...(byEntry.get(f.entryId) ?? []), f]);
  let passed = 0;
  let failed = 0;
  for (const entry of glossary.entries.filter(selected)) {
    const count = exampleCount(entry);
    if (count === 0) continue;
    const fails = byEntry.get(entry.id) ?? [];
    failed += fails.length;
    passed += count - fails.length;
    if (fails.length === 0) {
      ctx.stdout.write(`${c.green('✓')} ${entry.id} ${c.gray(`${entry.term}（${count} 例）`)}\n`);
      continue;
    }
    ctx.stdout.write(`${c.red('✗')} ${entry.id} ${c.gray(`${entry.term}（${fails.length}/${count} 例失败）`)}\n`);
    for (const f of fails) {
      ctx.stdout.write(`    ${c.gray(`${displayPath(f.file, ctx.cwd)}:${f.line}`)} ${f.kind === 'flag' ? '应报' : '不应报'}：${f.text}\n`);
      ctx.stdout.write(`    ${c.red(f.message)}\n`);
    }
  }
  const summary = `${passed} passed, ${failed} failed`;
  ctx.stdout.write('\n' + (failed ? c.red(summary) : c.green(summary)) + '\n');
  return failed ? 1 : 0;
}

function dictNew(
  values: { term?: string; id?: string; status?: string; replacement?: string; national?: boolean; append?: string },
  ctx: CommandContext,
): number {
  const term = values.term?.trim();
  if (!term) throw new CliError('dict new 需要 --term <写法>（运行 tifa dict --help 查看用法）');
  const status = values.status ?? 'current';
  if (status !== 'current' && status !== 'outdated') throw new CliError(`--status 应为 current 或 outdated，却是 ${status}`);
  const id = values.id ?? termId(term);
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new CliError(`--id 格式不对：应为小写拼音或英文，用连字符分隔，却是 ${id}`);
  const text = entryYaml(newEntry({ id, term, status, replacement: values.replacement, national: values.national === true }));
  if (!values.append) {
    ctx.stdout.write(text);
    return 0;
  }
  const file = path.resolve(ctx.cwd, values.append);
  let current: string | undefined;
  try {
    current = fs.readFileSync(file, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === undefined) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, newDictionaryYaml(path.basename(file).replace(/\.ya?ml$/i, ''), text));
  } else {
    if (!/^entries:\s*$/m.test(current)) throw new CliError(`${displayPath(file, ctx.cwd)} 里没有顶层的 entries:（或写成了 entries: []），无法追加`);
    fs.writeFileSync(file, `${current}${current.endsWith('\n') ? '' : '\n'}${text}`);
  }
  ctx.stderr.write(`已把词条 ${id} 加到 ${displayPath(file, ctx.cwd)}，请把 TODO 换成实际内容后运行 tifa dict check\n`);
  return 0;
}
