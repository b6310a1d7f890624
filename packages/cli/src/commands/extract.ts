// tifa extract <政策文件>：候选新词条（jieba 关键词 + 重复片段 + 引号短语，减去词表已有的）。
import fs from 'node:fs';
import path from 'node:path';
import { loadJieba } from '@tifa/core/node';
import { CliError } from '../cli-error';
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

/** 关键词提取与 n 元组计数对超长文本很慢；政策文件通常只有几万字。 */
const MAX_CHARS = 500_000;
const KEYWORDS = 60;

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

  const jieba = loadJieba();
  if (!jieba) ctx.stderr.write('tifa：无法加载 nodejieba，只用重复片段与引号短语提取\n');
  const candidates = rankCandidates({
    text,
    keywords: jieba ? jieba.extract(text, KEYWORDS) : [],
    isKnown: (form) => glossary.byForm(form) !== undefined,
    knownForms: glossary.entries.flatMap((e) => [e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])]),
    ngram: { minCount },
  }).slice(0, limit);

  const colors = colorsFor(ctx, ctx.stdout, values);
  if (candidates.length === 0) {
    ctx.stderr.write('tifa：没有找到词表之外的候选词条\n');
    return 0;
  }
  if (format === 'table') {
    ctx.stdout.write(candidatesTable(candidates, colors, ctx.stdout.columns || 120));
    return 0;
  }
  const cut = jieba ? (s: string) => jieba.cut(s, true) : undefined;
  const ids = uniqueIds(
    candidates.map((c) => termId(c.text, cut)),
    (id) => glossary.byId(id) !== undefined,
  );
  ctx.stdout.write(candidatesToYaml(candidates, { documentName: path.basename(file), title: guessTitle(text), ids }));
  return 0;
}
