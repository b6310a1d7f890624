// 候选词 → 词典词条骨架（YAML）。除 TODO 占位外符合 dictionaries/schema.json，维护者补全后粘贴进词典。
import YAML from 'yaml';
import type { Candidate } from './rank';

export const TODO = 'TODO';

export interface SkeletonOptions {
  /** 来源文件名（写进注释）。 */
  documentName: string;
  /** 文件标题（猜不到时为 TODO）。 */
  title?: string;
  ids: string[];
}

const SOURCE_NAMES = { keyword: '关键词', ngram: '重复片段', quoted: '引号短语' } as const;

export function skeletonEntries(candidates: readonly Candidate[], options: SkeletonOptions) {
  return candidates.map((c, i) => ({
    id: options.ids[i],
    term: c.text,
    definition: `${TODO} 用自己的话写释义`,
    category: TODO,
    status: 'current' as const,
    sources: [{ title: options.title ?? TODO, issuer: TODO, date: TODO, quote: c.context.slice(0, 120) }],
  }));
}

export function candidatesToYaml(candidates: readonly Candidate[], options: SkeletonOptions): string {
  const header = [
    `# tifa extract：从 ${options.documentName} 提取的 ${candidates.length} 个候选词条。`,
    '# 删掉不需要的条目，把 TODO 换成实际内容（释义用自己的话，来源写发文机关与日期），',
    '# 再粘贴到 dictionaries/ 下相应文件的 entries: 中，运行 tifa dict check 与 tifa dict test。',
  ];
  const entries = skeletonEntries(candidates, options);
  const body = entries.map((entry, i) => {
    const c = candidates[i];
    const note = `# 出现 ${c.count} 次；来自${c.sources.map((s) => SOURCE_NAMES[s]).join('、')}；得分 ${c.score}`;
    return `${note}\n${YAML.stringify([entry], { lineWidth: 0 })}`;
  });
  return `${header.join('\n')}\n${body.join('\n')}`;
}

/** 猜文件标题：第一行非空文字（去掉 Markdown 标题符号），像标题时才用。 */
export function guessTitle(text: string): string | undefined {
  const first = text.split(/\r?\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.length > 0);
  if (!first || first.length > 60 || /[。；！？]$/.test(first)) return undefined;
  return first.replace(/^《(.*)》$/, '$1');
}
