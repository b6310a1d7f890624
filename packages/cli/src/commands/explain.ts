// tifa explain <词条>：按 id 或任一写法查词条，在终端里排版显示。
import path from 'node:path';
import { complete, explain } from '@tifa/core';
import { isValidDate } from '@tifa/core/node';
import { CliError } from '../cli-error';
import { renderEntry } from '../explain/render-entry';
import { renderInFile, reportInFile } from '../explain/in-file';
import { glossaryFor } from '../lint/glossary-cache';
import { colorsFor, type CommandContext } from './context';
import { EXPLAIN_HELP } from './help-text';
import { displayPath, reportDiagnostics } from './output';
import { parseOptions } from './parse-options';

const OPTIONS = {
  dict: { type: 'string', multiple: true },
  file: { type: 'string' },
  'as-of': { type: 'string' },
  config: { type: 'string', short: 'c' },
  json: { type: 'boolean' },
  'no-color': { type: 'boolean' },
  color: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function explainCommand(args: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseOptions('explain', args, OPTIONS);
  if (values.help) {
    ctx.stdout.write(EXPLAIN_HELP);
    return 0;
  }
  const query = positionals.join(' ').trim();
  if (!query) throw new CliError('请给出要查询的词条，如 tifa explain 职业本科（运行 tifa explain --help 查看用法）');
  const asOf = values['as-of'];
  if (asOf !== undefined && !isValidDate(asOf)) throw new CliError(`--as-of 应为 YYYY-MM-DD 格式的日期，却是 ${JSON.stringify(asOf)}`);
  const colors = colorsFor(ctx, ctx.stdout, values);
  const { glossary, diagnostics } = glossaryFor((values.dict ?? []).map((d) => path.resolve(ctx.cwd, d)));
  const errors = reportDiagnostics(
    diagnostics.filter((d) => d.severity === 'error'),
    ctx.cwd,
    colorsFor(ctx, ctx.stderr, values),
    (s) => ctx.stderr.write(s),
  );
  if (errors) throw new CliError(`词典有 ${errors} 个错误`);

  const found = explain(query, glossary);
  if (!found) {
    const candidates = complete(query, glossary, {}).slice(0, 5);
    const hint = candidates.length ? `是否想查：${candidates.map((c) => `${c.label}（${c.entryId}）`).join('、')}` : '可以用 tifa extract 从政策文件中找候选词条';
    ctx.stderr.write(`词表中没有“${query}”。${hint}\n`);
    return 1;
  }
  const inFile = values.file
    ? reportInFile({
        file: path.resolve(ctx.cwd, values.file),
        displayPath: displayPath(path.resolve(ctx.cwd, values.file), ctx.cwd),
        cliDicts: (values.dict ?? []).map((d) => path.resolve(ctx.cwd, d)),
        asOf,
        configFile: values.config ? path.resolve(ctx.cwd, values.config) : undefined,
      })
    : undefined;
  const related = [found.entry, ...(found.replacement && found.replacement.id !== found.entry.id ? [found.replacement] : [])];
  if (values.json) {
    const file = inFile && { path: inFile.file, status: inFile.status, documentDate: inFile.documentDate, messages: inFile.messages.filter((m) => related.some((e) => e.id === m.termId)) };
    ctx.stdout.write(JSON.stringify(file ? { ...found, file } : found, null, 2) + '\n');
    return 0;
  }
  const location = (file: string, line: number) => `${displayPath(file, ctx.cwd)}:${line}`;
  const blocks = [renderEntry(found.entry, glossary, { colors, location })];
  if (found.replacement && found.replacement.id !== found.entry.id) {
    blocks.push(`${colors.bold('现行词条')}\n${renderEntry(found.replacement, glossary, { colors, examples: false, location })}`);
  }
  if (inFile) blocks.push(renderInFile(inFile, related, colors));
  ctx.stdout.write(blocks.join('\n\n') + '\n');
  return 0;
}
