// 关键度：候选在新文件里比在已存官方原文里常见多少。
// 排序用平滑的对数比（Hardie 2014 的 Log Ratio，两边次数各加 0.5）：log2(新文件相对频率 ÷ 官方原文相对频率)，
// 每多 1 表示相对频率高一倍，不像对数似然比那样偏向高频词。
// 显著性用对数似然比 G²（Dunning 1993）：G² ≥ 3.84 相当于 p < 0.05（自由度 1），不显著的（次数太少、或官方原文里同样常见的套话）不列出。

export const SIGNIFICANT = 3.84;

/** a：在新文件里的次数，n1：新文件总词数；b：在参照文本里的次数，n2：参照文本总词数。 */
export function logRatio(a: number, n1: number, b: number, n2: number): number {
  return Math.log2((a + 0.5) / n1 / ((b + 0.5) / n2));
}

/** 对数似然比 G²；新文件里的相对频率不高于参照文本时取负值。 */
export function logLikelihood(a: number, n1: number, b: number, n2: number): number {
  if (a <= 0 || n1 <= 0 || n2 <= 0) return 0;
  const e1 = (n1 * (a + b)) / (n1 + n2);
  const e2 = (n2 * (a + b)) / (n1 + n2);
  const g2 = 2 * (a * Math.log(a / e1) + (b > 0 ? b * Math.log(b / e2) : 0));
  return a / n1 >= b / n2 ? g2 : -g2;
}
