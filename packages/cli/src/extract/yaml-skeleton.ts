// 候选词 → 词典词条骨架（YAML 列表，粘贴到词典的 entries: 下）。把 TODO 换成实际内容、把来源段落存进
// dictionaries/sources/ 后，符合 dictionaries/schema.json 并能通过 tifa dict check。
import YAML, { type YAMLMap } from 'yaml';
import type { Candidate } from './rank';

export const TODO = 'TODO';

export interface SkeletonOptions {
  /** 来源文件名（写进注释）。 */
  documentName: string;
  /** 建议的存档原文 id（不含日期）：ref 写成 TODO-<它>，维护者存好原文后改成真实文件名。 */
  sourceSlug: string;
  /** 文件标题（猜得到时写进注释）。 */
  title?: string;
  ids: string[];
}

export function skeletonEntry(c: Candidate, id: string, options: SkeletonOptions, quote: string) {
  return {
    id,
    term: c.text,
    definition: `${TODO} 用自己的话写释义`,
    category: `${TODO} 分类（与词典里相近词条的 category 一致）`,
    status: 'current' as const,
    sources: [{ ref: `${TODO}-${options.sourceSlug}`, quote }],
    examples: {
      flag: [`${TODO} 一句应报出问题的句子（用了本词条的不规范写法）；本词条没有不规范写法时删去 flag`],
      pass: [`${TODO} 一句正确使用“${c.text}”的句子（不应有任何发现）`],
    },
  };
}

export function candidatesToYaml(candidates: readonly Candidate[], quotes: readonly string[], options: SkeletonOptions): string {
  const header = [
    `# tifa extract：从 ${options.documentName} 提取的 ${candidates.length} 个候选词条（按关键度排序）。`,
    '# 删掉不需要的条目，把 TODO 换成实际内容（释义用自己的话），',
    '# 再粘贴到 dictionaries/ 下相应文件的 entries: 中，运行 tifa dict check 与 tifa dict test。',
  ];
  const title = options.title ? `（标题可能是《${options.title}》）` : '';
  const storeNote = [
    ` ${TODO}：把 ${options.documentName}${title}中含下面引语的段落逐字存为 dictionaries/sources/<日期>-${options.sourceSlug}.md`,
    ' （前言写 title、issuer、date、kind，见 dictionaries/README.md），再把 ref 改成这个文件名（不含 .md）',
  ].join('\n');
  const body = candidates.map((c, i) => {
    const doc = new YAML.Document([skeletonEntry(c, options.ids[i], options, quotes[i])]);
    const source = doc.getIn([0, 'sources', 0], true) as YAMLMap;
    source.commentBefore = storeNote;
    const note = `# 本文 ${c.count} 次，官方原文 ${c.officialCount} 次，对数比 ${c.score}，G² ${c.g2}${c.quoted ? '；引号短语' : ''}`;
    return `${note}\n${doc.toString({ lineWidth: 0 })}`;
  });
  return `${header.join('\n')}\n${body.join('\n')}`;
}

/** 猜文件标题：第一行非空文字（去掉 Markdown 标题符号），像标题时才用。 */
export function guessTitle(text: string): string | undefined {
  const first = text.split(/\r?\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.length > 0);
  if (!first || first.length > 60 || /[。；！？]$/.test(first)) return undefined;
  return first.replace(/^《(.*)》$/, '$1');
}
