// tifa dict new：词条骨架（YAML）。缺省是学校自己的规定（origin: local，不要求国家文件来源）；
// --national 时带一条待填的 sources。只有释义、分类等占位要改，格式本身符合 dictionaries/schema.json。
import YAML from 'yaml';

export interface NewEntryOptions {
  id: string;
  term: string;
  status: 'current' | 'outdated';
  replacement?: string;
  national: boolean;
}

export function newEntry(o: NewEntryOptions): Record<string, unknown> {
  const entry: Record<string, unknown> = { id: o.id, term: o.term };
  if (!o.national) entry.origin = 'local';
  entry.definition = 'TODO 用自己的话写释义';
  entry.category = '校内规定';
  entry.status = o.status;
  if (o.status === 'outdated') {
    entry.replacement = { terms: [o.replacement ?? 'TODO 现行写法'] };
    entry.reason = 'TODO 为什么不再这样写';
  }
  if (o.national) entry.sources = [{ title: 'TODO 文件标题', issuer: 'TODO 发文机关', date: 'TODO', quote: 'TODO 原文引文' }];
  return entry;
}

/** 词条的 YAML（列表项，缩进两格，可直接放在 entries: 下）。 */
export function entryYaml(entry: Record<string, unknown>): string {
  return YAML.stringify([entry], { lineWidth: 0 })
    .split('\n')
    .map((line) => (line ? `  ${line}` : line))
    .join('\n');
}

/** 新词典文件：meta + entries。 */
export function newDictionaryYaml(name: string, entryText: string): string {
  return `# 用户词典（tifa）：格式见 dictionaries/README.md\nmeta:\n  name: ${name}\n  version: 0.1.0\nentries:\n${entryText}`;
}
