// 词条的终端说明（tifa explain）与纯文本帮助（SARIF 规则 help.text）共用这一份排版。
import type { Entry, ExampleCase, Glossary } from '@tifa/core';
import { createColors, type Colors } from '../terminal/colors';

const STATUS = { current: '现行', outdated: '过时', historical: '历史提法' } as const;

function exampleText(e: string | ExampleCase): string {
  return typeof e === 'string' ? e : `${e.text}${e.asOf ? `（按 ${e.asOf} 的文档检查）` : ''}`;
}

function timeRange(entry: Entry): string | undefined {
  if (entry.status === 'outdated') return entry.until ? `自 ${entry.until} 起视为过时` : undefined;
  if (entry.since && entry.until) return `${entry.since} 至 ${entry.until}`;
  if (entry.since) return `${entry.since} 起`;
  if (entry.until) return `至 ${entry.until}`;
  return undefined;
}

export interface RenderOptions {
  colors?: Colors;
  /** 是否列出例句（SARIF 帮助里不列，避免过长）。 */
  examples?: boolean;
  /** 词条定义位置的显示方式；null 表示不显示（SARIF 帮助里不写本机路径）。 */
  location?: ((file: string, line: number) => string) | null;
}

export function renderEntry(entry: Entry, glossary: Glossary, options: RenderOptions = {}): string {
  const c = options.colors ?? createColors(false);
  const status = STATUS[entry.status] ?? entry.status;
  const statusText = entry.status === 'current' ? c.green(status) : entry.status === 'outdated' ? c.yellow(status) : c.gray(status);
  const lines: string[] = [];
  lines.push(`${c.bold(entry.term)}  ${c.gray(entry.id)}  [${statusText}]  ${c.gray(`${entry.kind === 'formulation' ? '固定提法' : '术语'} · ${entry.category}`)}`);
  const field = (label: string, value: string | undefined) => {
    if (value) lines.push(`  ${c.cyan(label)}  ${value}`);
  };
  field('释义', entry.definition);
  if (entry.replacement?.terms.length) {
    const target = entry.replacement.id ? glossary.byId(entry.replacement.id) : undefined;
    field('请改用', entry.replacement.terms.join('、') + (target ? c.gray(`（${target.id}）`) : ''));
  }
  field('理由', entry.reason);
  field('把握', entry.confidence ? { high: '高', medium: '中', low: '低（仅作提示）' }[entry.confidence] : undefined);
  field('其他写法', entry.variants?.join('、'));
  field('不规范写法', entry.discouraged?.join('、'));
  if (entry.firstMention) field('首次出现', `写全称“${entry.firstMention.full}”，之后可用简称“${entry.firstMention.short}”`);
  field('适用时间', timeRange(entry));
  if (entry.context?.require?.length) field('适用语境', `同${entry.context.scope === 'paragraph' ? '段' : '句'}出现：${entry.context.require.join('、')}`);
  if (entry.context?.exclude?.length) field('排除语境', `同${entry.context.scope === 'paragraph' ? '段' : '句'}出现：${entry.context.exclude.join('、')}`);
  if (entry.sources.length) {
    lines.push(`  ${c.cyan('来源')}`);
    entry.sources.forEach((s, i) => {
      lines.push(`    ${i + 1}. 《${s.title}》${s.number ? `（${s.number}）` : ''}，${s.issuer}，${s.date}${s.location ? `，${s.location}` : ''}`);
      lines.push(`       “${s.quote}”`);
      if (s.url) lines.push(`       ${c.underline(s.url)}`);
    });
  }
  if (options.examples !== false && (entry.examples?.flag?.length || entry.examples?.pass?.length)) {
    lines.push(`  ${c.cyan('例句')}`);
    for (const e of entry.examples?.flag ?? []) lines.push(`    ${c.red('✗')} ${exampleText(e)}`);
    for (const e of entry.examples?.pass ?? []) lines.push(`    ${c.green('✓')} ${exampleText(e)}`);
  }
  if (entry.related?.length) {
    field('相关', entry.related.map((id) => {
      const r = glossary.byId(id);
      return r ? `${r.term}${c.gray(`（${id}）`)}` : id;
    }).join('、'));
  }
  field('备注', entry.note);
  if (options.location !== null) field('定义于', (options.location ?? ((f, l) => `${f}:${l}`))(entry.file, entry.line));
  return lines.join('\n');
}
