// 文本文件的编码识别与写回：UTF-8（带或不带 BOM）、带 BOM 的 UTF-16 LE/BE、GBK/GB18030。
// CLI 与语言服务器共用，保证“读进来什么编码，写回去还是什么编码”。
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** 解码后的文本，不含 BOM。 */
  text: string;
  encoding: TextEncoding;
  /** 原文件是否以 BOM 开头（写回时照样加上）。 */
  bom: boolean;
}

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const UTF16LE_BOM = Buffer.from([0xff, 0xfe]);
const UTF16BE_BOM = Buffer.from([0xfe, 0xff]);

/** 判断二进制只看开头这么多字节（与 git 的做法一致）。 */
const SNIFF_BYTES = 8000;
/** 控制字符占比超过它就当作二进制。 */
const CONTROL_RATIO = 0.1;

function startsWith(buf: Uint8Array, prefix: Buffer): boolean {
  if (buf.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (buf[i] !== prefix[i]) return false;
  return true;
}

/** 带 BOM 的 UTF-16 不算二进制；否则出现 NUL 字节、或控制字符过多，就是二进制。 */
export function isBinary(buf: Uint8Array): boolean {
  if (startsWith(buf, UTF16LE_BOM) || startsWith(buf, UTF16BE_BOM)) return false;
  const n = Math.min(buf.length, SNIFF_BYTES);
  if (n === 0) return false;
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i];
    if (b === 0) return true;
    // \t \n \v \f \r 与 ESC（终端着色）是文本里常见的控制字符
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0b && b !== 0x0c && b !== 0x0d && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return control / n > CONTROL_RATIO;
}

function swapBytes16(buf: Uint8Array): Buffer {
  const out = Buffer.alloc(buf.length - (buf.length % 2));
  for (let i = 0; i + 1 < buf.length; i += 2) {
    out[i] = buf[i + 1];
    out[i + 1] = buf[i];
  }
  return out;
}

/**
 * 识别编码并解码。顺序：BOM → 合法 UTF-8 → GB18030（GBK 的超集）。
 * 既不是合法 UTF-8、按 GB18030 解码又出现替换字符时，按 UTF-8 宽松解码（写回前调用方应检查能否无损往返）。
 */
export function decodeBuffer(input: Uint8Array): DecodedText {
  const buf = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (startsWith(buf, UTF8_BOM)) {
    return { text: buf.toString('utf8', 3), encoding: 'utf-8', bom: true };
  }
  if (startsWith(buf, UTF16LE_BOM)) {
    return { text: buf.subarray(2, buf.length - (buf.length % 2)).toString('utf16le'), encoding: 'utf-16le', bom: true };
  }
  if (startsWith(buf, UTF16BE_BOM)) {
    return { text: swapBytes16(buf.subarray(2)).toString('utf16le'), encoding: 'utf-16be', bom: true };
  }
  if (isUtf8(buf)) {
    return { text: buf.toString('utf8'), encoding: 'utf-8', bom: false };
  }
  const gb = iconv.decode(buf, 'gb18030');
  if (!gb.includes('\ufffd')) return { text: gb, encoding: 'gb18030', bom: false };
  return { text: buf.toString('utf8'), encoding: 'utf-8', bom: false };
}

/** 按原编码写回；bom 为 true 时加上相应的 BOM（GB18030 没有 BOM）。 */
export function encodeText(text: string, encoding: TextEncoding, bom: boolean): Buffer {
  switch (encoding) {
    case 'utf-8': {
      const body = Buffer.from(text, 'utf8');
      return bom ? Buffer.concat([UTF8_BOM, body]) : body;
    }
    case 'utf-16le': {
      const body = Buffer.from(text, 'utf16le');
      return bom ? Buffer.concat([UTF16LE_BOM, body]) : body;
    }
    case 'utf-16be': {
      const body = swapBytes16(Buffer.from(text, 'utf16le'));
      return bom ? Buffer.concat([UTF16BE_BOM, body]) : body;
    }
    case 'gb18030':
      return iconv.encode(text, 'gb18030');
  }
}
