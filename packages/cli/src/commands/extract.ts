// tifa extract <政策文件>：候选新词条——按 jieba 词边界取片段、过停用表、减去词表已有的，
// 按新文件对已存官方原文（dictionaries/sources/）的关键度排序。
import fs from 'node:fs';
import path from 'node:path';
import { createJiebaSegmenter, segmenterError } from '@tifa/core/node';
import { CliError } from '../cli-error';
import { quoteAround } from '../extract/context-line';
import { candidatesTable } from '../extract/table';
import { rankCandidates } from '../extract/rank';
import { termId, uniqueIds } from '../extract/term-id';
import { candidatesToYaml, guessTitle } from '../extract/yaml-skeleton';
import { languageFor, readDocument } from '../files/read-document';
import { glossaryFor } from '../lint/glossary-cache';
import { colorsFor, type CommandContext } from './context';
import { EXTRACT_HELP } from './help-text';
import { reportDiagnostics } from './output';
import { parseCount, parseOptions } from './parse-options';

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  limit: { type: 'string', short: 'n' },
  'min-count': { type: 'string' },
  dict: { type: 'string', multiple: true },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** 分词与 n 元组计数随文本变长而变慢；政策文件通常只有几万字。 */
const MAX_CHARS = 500_000;

function realPath(f: string): string {
  try {
    return fs.realpathSync(f);
  } catch {
    return path.resolve(f);
  }
}

export async function extractCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions('extract', args, OPTIONS);
  if (values.help) {
    ctx.stdout.write(EXTRACT_HELP);
    return 0;
  }
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'yaml') throw new CliError(`extract 的 --format 应为 table 或 yaml，却是 ${format}`);
  if (positionals.length !== 1) throw new CliError('请给出一个政策文件，如 tifa extract 意见.md（运行 tifa extract --help 查看用法）');
  const limit = parseCount('limit', values.limit, 40);
  const minCount = Math.max(1, parseCount('min-count', values['min-count'], 2));
  const file = path.resolve(ctx.cwd, positionals[0]);
  if (!fs.existsSync(file)) throw new CliError(`找不到文件：${positionals[0]}`);
  const doc = readDocument(file, languageFor(file, {}));
  if (doc.status === 'skipped' || doc.status === 'failed') throw new CliError(`${positionals[0]}：${doc.notice}`);
  let text = doc.text;
  if (text.length > MAX_CHARS) {
    ctx.stderr.write(`tifa：文件较大，只分析前 ${MAX_CHARS} 个字符\n`);
    text = text.slice(0, MAX_CHARS);
  }

  const { glossary, diagnostics } = glossaryFor((values.dict ?? []).map((d) => path.resolve(ctx.cwd, d)));
  const errors = reportDiagnostics(diagnostics.filter((d) => d.severity === 'error'), ctx.cwd, colorsFor(ctx, ctx.stderr, values), (s) => ctx.stderr.write(s));
  if (errors) throw new CliError(`词典有 ${errors} 个错误`);

  // 用项目的分词器（nodejieba，装不上时用 TypeScript 移植），词表写法作用户词，不被切散
  const segmenter = createJiebaSegmenter(glossary);
  if (!segmenter) throw new CliError(`tifa extract 需要 jieba 分词，但 nodejieba 与随包的词典数据都不可用（${segmenterError() ?? '原因不明'}）`);
  const cut = (s: string) => segmenter.cut(s);
  // 参照文本：词表所用的已存官方原文；新文件本身就是其中一份时不算在内
  const self = realPath(file);
  const sources = [...glossary.sourceDocuments.values()].filter((d) => realPath(d.file) !== self);
  if (sources.length === 0) ctx.stderr.write('tifa：没有已存官方原文可对比，只按次数排序\n');
  const { candidates: ranked } = rankCandidates({
    text,
    cut,
    reference: sources.flatMap((d) => d.paragraphs.map((p) => p.text)),
    isKnown: (form) => glossary.byForm(form) !== undefined,
    knownForms: glossary.entries.flatMap((e) => [e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])]),
    minCount,
  });
  const candidates = ranked.slice(0, limit);

  const colors = colorsFor(ctx, ctx.stdout, values);
  if (candidates.length === 0) {
    ctx.stderr.write('tifa：没有找到词表之外、比官方原文明显更常见的候选词条\n');
    return 0;
  }
  if (format === 'table') {
    ctx.stdout.write(candidatesTable(candidates, colors, ctx.stdout.columns || 120, sources.length));
    return 0;
  }
  const ids = uniqueIds(
    candidates.map((c) => termId(c.text, cut)),
    (id) => glossary.byId(id) !== undefined,
  );
  const quotes = candidates.map((c) => quoteAround(text, c.firstOffset, c.text.length));
  const stem = path.basename(file).replace(/\.[^.]*$/, '');
  const sourceSlug = termId(stem, cut).replace(/^todo$/, 'wenjian');
  ctx.stdout.write(candidatesToYaml(candidates, quotes, { documentName: path.basename(file), sourceSlug, title: guessTitle(text), ids }));
  return 0;
}
