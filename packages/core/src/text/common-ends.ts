// 两段文字的公共前缀与公共后缀的长度（后缀不与前缀重叠）：判断两种写法“只在中间一段不同”时共用
// （误引的插入、另起分句、中心语加词，名称里插入整词）。
export function commonEnds(a: string, b: string): { prefix: number; suffix: number } {
  const n = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < n - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}
