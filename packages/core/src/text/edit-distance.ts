// 编辑距离（Levenshtein，按 UTF-16 码元）：误引比对、名称近似与拼写建议共用。
// 热路径（误引比对每个候选句要算上百次）：一行复用的缓冲区、按码元比较，不为每次调用分配数组。

let row = new Int32Array(64);

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = b.length;
  if (row.length < m + 1) row = new Int32Array(2 * (m + 1));
  const dp = row;
  for (let j = 0; j <= m; j++) dp[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ca = a.charCodeAt(i - 1);
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= m; j++) {
      const tmp = dp[j];
      const sub = prev + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const del = dp[j] + 1;
      const ins = dp[j - 1] + 1;
      dp[j] = sub < del ? (sub < ins ? sub : ins) : del < ins ? del : ins;
      prev = tmp;
    }
  }
  return dp[m];
}
