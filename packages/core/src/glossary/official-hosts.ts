// 官方发布网站：存档原文的 url 只能指向这些网站（转载页写在 seen_at）。
// 各级政府网站（*.gov.cn）、全国人大、中央与部委的官方媒体与党刊（stdaily.com：科技部主管的科技日报）。
const OFFICIAL_SUFFIXES = [
  'gov.cn',
  'xinhuanet.com',
  'news.cn',
  'people.com.cn',
  'qstheory.cn',
  'cctv.com',
  'cnr.cn',
  'gmw.cn',
  'jyb.cn',
  'china.com.cn',
  'chinanews.com.cn',
  'stdaily.com',
];

export function isOfficialUrl(url: string): boolean {
  let host: string;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return false;
    host = u.hostname.toLowerCase();
  } catch {
    return false;
  }
  return OFFICIAL_SUFFIXES.some((s) => host === s || host.endsWith(`.${s}`));
}

export const OFFICIAL_HOSTS: readonly string[] = OFFICIAL_SUFFIXES;
