// Word（.docx）只读：解压 word/document.xml，按 w:p 取段落、按 w:t 取文字。
// 段落按出现顺序编号（文本框里嵌套的段落也单独算一段），mc:Fallback 里的重复内容跳过。
import { strFromU8, unzipSync } from 'fflate';

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-z]+);/g, (m, name: string) => {
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? m;
  });
}

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** document.xml → 段落文字（不含换行）。 */
export function paragraphsFromDocumentXml(xml: string): string[] {
  const paragraphs: string[] = [];
  const open: number[] = []; // 正在读的段落下标（嵌套时为栈）
  let fallbackDepth = 0;
  let inText = false;
  let tabStopsDepth = 0; // w:tabs 里的 w:tab 是制表位定义，不是文字
  const tag = /<(\/?)([\w:]+)([^>]*?)(\/?)>|([^<]+)/g;
  let m: RegExpExecArray | null;
  while ((m = tag.exec(xml))) {
    if (m[5] !== undefined) {
      if (inText && fallbackDepth === 0 && open.length) paragraphs[open[open.length - 1]] += decodeXml(m[5]);
      continue;
    }
    const closing = m[1] === '/';
    const name = m[2];
    const selfClosing = m[4] === '/';
    if (name === 'mc:Fallback') {
      if (!selfClosing) fallbackDepth += closing ? -1 : 1;
      continue;
    }
    if (fallbackDepth > 0) continue;
    if (name === 'w:p') {
      if (closing) open.pop();
      else {
        paragraphs.push('');
        if (!selfClosing) open.push(paragraphs.length - 1);
      }
    } else if (name === 'w:t') {
      inText = !closing && !selfClosing;
    } else if (name === 'w:tabs') {
      if (!selfClosing) tabStopsDepth += closing ? -1 : 1;
    } else if (name === 'w:tab' && !closing && tabStopsDepth === 0 && open.length) {
      paragraphs[open[open.length - 1]] += '\t';
    }
  }
  return paragraphs;
}

/** 读 .docx 的段落；不是合法的 Word 文档时抛出带中文说明的错误。 */
export function readDocxParagraphs(buf: Uint8Array): string[] {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(buf, { filter: (f) => f.name === 'word/document.xml' });
  } catch (err) {
    throw new Error(`不是有效的 .docx 文件（无法解压：${(err as Error).message}）`);
  }
  const xml = files['word/document.xml'];
  if (!xml) throw new Error('不是有效的 .docx 文件（缺少 word/document.xml）');
  return paragraphsFromDocumentXml(strFromU8(xml));
}
