// XML 部件的字节 ↔ 字符串（UTF-8 或 UTF-16，按 BOM 或开头的零字节判断），以及字符实体的解码与转义。
export type XmlEncoding = 'utf8' | 'utf16le' | 'utf16be';

export function decodeXmlBytes(bytes: Uint8Array): { text: string; encoding: XmlEncoding } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  let encoding: XmlEncoding = 'utf8';
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0x3c && b1 === 0x00)) encoding = 'utf16le';
  else if ((b0 === 0xfe && b1 === 0xff) || (b0 === 0x00 && b1 === 0x3c)) encoding = 'utf16be';
  const label = encoding === 'utf8' ? 'utf-8' : encoding === 'utf16le' ? 'utf-16le' : 'utf-16be';
  // TextDecoder 默认去掉 BOM；写回时按原样补上
  return { text: new TextDecoder(label).decode(bytes), encoding };
}

export function encodeXmlText(text: string, encoding: XmlEncoding, original: Uint8Array): Uint8Array {
  if (encoding === 'utf8') {
    const bom = original[0] === 0xef && original[1] === 0xbb && original[2] === 0xbf;
    return Buffer.from((bom ? '\ufeff' : '') + text, 'utf8');
  }
  const bom = (original[0] === 0xff && original[1] === 0xfe) || (original[0] === 0xfe && original[1] === 0xff);
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  return encoding === 'utf16le' ? le : le.swap16();
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** 解码实体；无效的字符引用（超出 Unicode 范围、代理项、0）变成 U+FFFD，不让整个文件失败。 */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, name: string) => {
    if (name[0] !== '#') return ENTITIES[name] ?? m;
    const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    const valid = Number.isFinite(code) && code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return valid ? String.fromCodePoint(code) : '\ufffd';
  });
}

export function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
