// 读一个待检查的文件：识别 Word、二进制与文本编码，给出要检查的文本。
import path from 'node:path';
import { decodeBuffer, isBinary, ReadRegularError, readRegularFile, type TextEncoding } from '@tifa/core/node';
import type { DocumentLanguage } from '@tifa/core/node';
import { DocxError, isZip, readDocx, type DocxDocument } from './docx/index';

export type DocumentKind = DocumentLanguage | 'docx';

export type ReadDocument =
  | { status: 'text'; kind: DocumentLanguage; text: string; encoding: TextEncoding; bom: boolean; bytes: Buffer }
  /** Word：各部件的段落以 \n 连接，正文在前（第 N 行就是正文第 N 段）。 */
  | { status: 'docx'; kind: 'docx'; text: string; bytes: Buffer; docx: DocxDocument }
  | { status: 'skipped'; kind: DocumentKind; notice: string }
  | { status: 'failed'; kind: DocumentKind; notice: string };

/** 一个文本文件的上限：再大就跳过（解码后的字符串会接近 JS 字符串的上限）。 */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024;

export function languageFor(file: string, overrides: Record<string, DocumentLanguage>): DocumentKind {
  const ext = path.extname(file).toLowerCase();
  if (ext in overrides) return overrides[ext];
  if (ext === '.docx') return 'docx';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  return 'plaintext';
}

export function readDocument(file: string, kind: DocumentKind): ReadDocument {
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, MAX_DOCUMENT_BYTES);
  } catch (err) {
    // 过大的文件与设备、FIFO 像二进制文件一样跳过，不中断整个运行
    if (err instanceof ReadRegularError && err.code === 'too-large') return { status: 'skipped', kind, notice: `跳过过大的文件：${err.message}` };
    if (err instanceof ReadRegularError && err.code === 'not-regular') return { status: 'skipped', kind, notice: `跳过：${err.message}` };
    return { status: 'failed', kind, notice: `无法读取：${(err as Error).message}` };
  }
  if (kind === 'docx') {
    if (!isZip(bytes)) return { status: 'failed', kind, notice: '不是有效的 .docx 文件（不是 zip 格式）' };
    try {
      const docx = readDocx(bytes);
      return { status: 'docx', kind, text: docx.text, bytes, docx };
    } catch (err) {
      if (err instanceof DocxError) return { status: 'failed', kind, notice: err.message };
      throw err;
    }
  }
  if (isBinary(bytes)) return { status: 'skipped', kind, notice: '跳过二进制文件' };
  const decoded = decodeBuffer(bytes);
  return { status: 'text', kind, ...decoded, bytes };
}
