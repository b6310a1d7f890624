// 候选词的终端表格：序号、候选、本文次数、官方原文次数、对数比、上下文（按显示宽度对齐，上下文截到终端宽度）。
import type { Colors } from '../terminal/colors';
import { displayWidth, padEndDisplay, truncateDisplay } from '../terminal/width';
import type { Candidate } from './rank';

export function candidatesTable(candidates: readonly Candidate[], c: Colors, width = 120, sourceCount = 0): string {
  const header = ['#', '候选', '本文', '官方', '对数比', '上下文'];
  const rows = candidates.map((x, i) => [String(i + 1), x.quoted ? `“${x.text}”` : x.text, String(x.count), String(x.officialCount), x.score.toFixed(1), x.context]);
  const cols = header.length - 1;
  const widths = header.slice(0, cols).map((h, col) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[col]))));
  const used = widths.reduce((a, b) => a + b + 2, 0);
  const contextWidth = Math.max(20, width - used);
  // 数字列右对齐
  const pad = (cell: string, col: number) => (col >= 2 ? ' '.repeat(Math.max(0, widths[col] - displayWidth(cell))) + cell : padEndDisplay(cell, widths[col]));
  const line = (cells: string[], paint: (s: string) => string = (s) => s) =>
    cells
      .slice(0, cols)
      .map((cell, i) => paint(pad(cell, i)))
      .join('  ') + '  ' + truncateDisplay(cells[cols], contextWidth);
  const out = [line(header, c.bold), ...rows.map((r) => line(r))];
  out.push(
    '',
    c.gray(`本文、官方：在这份文件与已存官方原文（dictionaries/sources/，${sourceCount} 份）里出现的次数，按 jieba 词边界计。`),
    c.gray('对数比：log2（本文相对频率 ÷ 官方原文相对频率，次数各加 0.5），每多 1 表示多一倍；只列对数似然比显著的（G² ≥ 3.84）。'),
    c.gray('已是词表写法的、停用表里的套话不列出。用 --format yaml 生成词条骨架。'),
  );
  return out.join('\n') + '\n';
}
