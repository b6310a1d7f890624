// HTML 报告的转义：文档里来的一切（路径、句子、消息、词表文字）都经这里，才能放进元素内容或属性值。

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** 元素内容与带引号的属性值都安全。 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** 只接受 http(s) 链接；其他协议（javascript: 等）返回 undefined，报告里只显示文字。 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** 内联 <script> 里的 JSON：再转义 < 与行分隔符，数据里的 </script> 不会提前结束脚本。 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
