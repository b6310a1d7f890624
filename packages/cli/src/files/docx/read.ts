// 读 .docx：正文、页眉、页脚、脚注、尾注、批注，各部件的段落依次以 \n 相连（正文在前，第 N 行就是正文第 N 段）。
import { DocxError, unzipDocx } from './zip';
import { parsePart, type ParsedPart } from './parse-part';
import { decodeXmlBytes, type XmlEncoding } from './xml-text';

export interface DocxPart {
  name: string;
  /** 给人看的部件名：正文、页眉 1、脚注 … */
  label: string;
  xml: string;
  encoding: XmlEncoding;
  bytes: Uint8Array;
  parsed: ParsedPart;
  /** 该部件第一段在全文里的行号（0 起）。 */
  firstLine: number;
}

export interface DocxDocument {
  text: string;
  parts: DocxPart[];
  /** 每段（全文的每一行）在全文中的起始偏移。 */
  lineStarts: number[];
  /** 每行属于哪个部件、是该部件的第几段（1 起）。 */
  lines: { part: number; paragraph: number }[];
}

const PART_KINDS: [RegExp, string][] = [
  [/^word\/document\.xml$/, '正文'],
  [/^word\/header(\d*)\.xml$/, '页眉'],
  [/^word\/footer(\d*)\.xml$/, '页脚'],
  [/^word\/footnotes\.xml$/, '脚注'],
  [/^word\/endnotes\.xml$/, '尾注'],
  [/^word\/comments\.xml$/, '批注'],
];

function kindOf(name: string): { order: number; label: string; n: number } | undefined {
  for (const [i, [re, label]] of PART_KINDS.entries()) {
    const m = re.exec(name);
    if (m) return { order: i, label: m[1] ? `${label} ${m[1]}` : label, n: Number(m[1] || 0) };
  }
  return undefined;
}

export function isTextPart(name: string): boolean {
  return kindOf(name) !== undefined;
}

/** 读 .docx；不是合法的 Word 文档时抛出带中文说明的 DocxError。 */
export function readDocx(buf: Uint8Array): DocxDocument {
  const files = unzipDocx(buf, isTextPart);
  if (!files['word/document.xml']) throw new DocxError('不是有效的 .docx 文件（缺少 word/document.xml）');
  const names = Object.keys(files).sort((a, b) => {
    const ka = kindOf(a)!;
    const kb = kindOf(b)!;
    return ka.order - kb.order || ka.n - kb.n;
  });
  const parts: DocxPart[] = [];
  const lines: { part: number; paragraph: number }[] = [];
  const texts: string[] = [];
  for (const name of names) {
    const { text: xml, encoding } = decodeXmlBytes(files[name]);
    const parsed = parsePart(xml);
    parts.push({ name, label: kindOf(name)!.label, xml, encoding, bytes: files[name], parsed, firstLine: lines.length });
    parsed.paragraphs.forEach((p, i) => {
      lines.push({ part: parts.length - 1, paragraph: i + 1 });
      texts.push(p.text);
    });
  }
  const lineStarts: number[] = [];
  let pos = 0;
  for (const t of texts) {
    lineStarts.push(pos);
    pos += t.length + 1;
  }
  return { text: texts.join('\n'), parts, lineStarts, lines };
}

/** 句子：命中所在的一句（到句末标点），过长时截取命中附近。 */
export function sentenceAround(paragraph: string, offset: number, length: number): string {
  const isEnd = (c: string) => /[。！？；!?;]/.test(c);
  let s = offset;
  while (s > 0 && !isEnd(paragraph[s - 1])) s--;
  let e = offset + length;
  while (e < paragraph.length && !isEnd(paragraph[e])) e++;
  if (e < paragraph.length) e++;
  let sentence = paragraph.slice(s, e).trim();
  if (sentence.length > 80) {
    const from = Math.max(s, offset - 30);
    sentence = `${from > s ? '…' : ''}${paragraph.slice(from, Math.min(e, offset + length + 30))}…`;
  }
  return sentence;
}
