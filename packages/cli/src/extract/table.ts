// 候选词的终端表格：序号、候选、次数、来源、上下文（按显示宽度对齐，上下文截到终端宽度）。
import type { Colors } from '../terminal/colors';
import { displayWidth, padEndDisplay, truncateDisplay } from '../terminal/width';
import type { Candidate } from './rank';

const SOURCE_SHORT = { keyword: '词', ngram: '重', quoted: '引' } as const;

export function candidatesTable(candidates: readonly Candidate[], c: Colors, width = 120): string {
  const header = ['#', '候选', '次数', '来源', '上下文'];
  const rows = candidates.map((x, i) => [String(i + 1), x.text, String(x.count), x.sources.map((s) => SOURCE_SHORT[s]).join(''), x.context]);
  const widths = [0, 1, 2, 3].map((col) => Math.max(displayWidth(header[col]), ...rows.map((r) => displayWidth(r[col]))));
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const contextWidth = Math.max(20, width - used);
  const line = (cells: string[], paint: (s: string) => string = (s) => s) =>
    cells
      .slice(0, 4)
      .map((cell, i) => paint(padEndDisplay(cell, widths[i])))
      .join('  ') + '  ' + truncateDisplay(cells[4], contextWidth);
  const out = [line(header, c.bold), ...rows.map((r) => line(r))];
  out.push('', c.gray('来源：词 = jieba 关键词，重 = 重复片段，引 = 引号短语。用 --format yaml 生成词条骨架。'));
  return out.join('\n') + '\n';
}
