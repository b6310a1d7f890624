// 把修复写成 Word 修订（w:del 删除 + w:ins 插入，作者 tifa），写到新文件；原文件不动。
// 受影响的 run 按子元素拆开（每段文字一个 run，沿用原 w:rPr 格式），删掉的字放进 w:del/w:delText，
// 新字放进紧随其后的 w:ins。跨段、落在文本框 run 里、不在 run 里或在批注里的修复跳过。
import { fflate } from './fflate';
import { offsetToPosition, type TextEdit } from '@tifa/core';
import type { DocxDocument, DocxPart } from './read';
import { encodeXmlText, escapeXml } from './xml-text';
import { unzipDocx } from './zip';

export const TRACK_AUTHOR = 'tifa';

interface LocalEdit {
  start: number;
  end: number;
  newText: string;
}

/** 输出文件名：报告.docx → 报告.tifa.docx。 */
export function trackedFileName(file: string): string {
  return file.replace(/(\.docx)?$/i, (ext) => `.tifa${ext || '.docx'}`);
}

export function writeTrackedChanges(buf: Uint8Array, doc: DocxDocument, edits: readonly TextEdit[], now = new Date()): { bytes: Uint8Array; applied: number } {
  let nextId = maxRevisionId(doc) + 1;
  const date = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const attrs = () => `w:id="${nextId++}" w:author="${TRACK_AUTHOR}" w:date="${date}"`;

  // 按部件、段落分组（段内偏移）
  const byPart = new Map<number, Map<number, LocalEdit[]>>();
  for (const e of edits) {
    if (e.length === 0) continue;
    const line = offsetToPosition(doc.lineStarts, e.offset).line;
    const start = e.offset - doc.lineStarts[line];
    const { part, paragraph } = doc.lines[line];
    // 批注是审阅者的话，不改（只报告）
    if (doc.parts[part].name === 'word/comments.xml') continue;
    const para = doc.parts[part].parsed.paragraphs[paragraph - 1];
    if (start + e.length > para.text.length) continue; // 跨段
    const paras = byPart.get(part) ?? new Map<number, LocalEdit[]>();
    byPart.set(part, paras);
    const list = paras.get(paragraph - 1) ?? [];
    paras.set(paragraph - 1, list);
    list.push({ start, end: start + e.length, newText: e.newText });
  }

  let applied = 0;
  const changed = new Map<string, Uint8Array>();
  for (const [partIndex, paras] of byPart) {
    const part = doc.parts[partIndex];
    const replacements: { start: number; end: number; xml: string }[] = [];
    for (const [p, list] of paras) {
      const result = rewriteParagraph(part, p, list, attrs);
      applied += result.applied;
      replacements.push(...result.replacements);
    }
    if (replacements.length === 0) continue;
    replacements.sort((a, b) => b.start - a.start);
    let xml = part.xml;
    for (const r of replacements) xml = xml.slice(0, r.start) + r.xml + xml.slice(r.end);
    changed.set(part.name, encodeXmlText(xml, part.encoding, part.bytes));
  }
  const files = unzipDocx(buf);
  for (const [name, bytes] of changed) files[name] = new Uint8Array(bytes);
  return { bytes: fflate().zipSync(files, { level: 6 }), applied };
}

function rewriteParagraph(part: DocxPart, p: number, edits: LocalEdit[], attrs: () => string) {
  const para = part.parsed.paragraphs[p];
  const runs = part.parsed.runs;
  const accepted: LocalEdit[] = [];
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    if (accepted.length && e.start < accepted[accepted.length - 1].end) continue; // 重叠
    const touched = para.segments.filter((s) => s.offset < e.end && s.offset + s.text.length > e.start);
    if (touched.length === 0 || touched.some((s) => s.run < 0 || runs[s.run].complex || runs[s.run].end < 0)) continue;
    accepted.push(e);
  }
  const affected = new Set<number>();
  for (const e of accepted) for (const s of para.segments) if (s.offset < e.end && s.offset + s.text.length > e.start) affected.add(s.run);

  const replacements: { start: number; end: number; xml: string }[] = [];
  for (const r of affected) {
    const run = runs[r];
    const wrap = (inner: string) => `<w:r>${run.rPr}${inner}</w:r>`;
    let out = '';
    run.children.forEach((child, ci) => {
      const seg = para.segments.find((s) => s.run === r && s.child === ci);
      const childXml = part.xml.slice(child.start, child.end);
      if (!seg) {
        out += wrap(childXml);
        return;
      }
      const isTab = child.name === 'w:tab';
      const keep = (t: string) => wrap(isTab ? '<w:tab/>' : `<w:t xml:space="preserve">${escapeXml(t)}</w:t>`);
      const del = (t: string) => `<w:del ${attrs()}>${wrap(isTab ? '<w:tab/>' : `<w:delText xml:space="preserve">${escapeXml(t)}</w:delText>`)}</w:del>`;
      let i = 0;
      while (i < seg.text.length) {
        const at = seg.offset + i;
        const e = accepted.find((x) => x.start <= at && at < x.end);
        let j = i + 1;
        if (e) {
          while (j < seg.text.length && seg.offset + j < e.end) j++;
          out += del(seg.text.slice(i, j));
          if (seg.offset + j === e.end) out += `<w:ins ${attrs()}>${wrap(`<w:t xml:space="preserve">${escapeXml(e.newText)}</w:t>`)}</w:ins>`;
        } else {
          while (j < seg.text.length && !accepted.some((x) => x.start <= seg.offset + j && seg.offset + j < x.end)) j++;
          out += keep(seg.text.slice(i, j));
        }
        i = j;
      }
    });
    replacements.push({ start: run.start, end: run.end, xml: out });
  }
  return { applied: accepted.length, replacements };
}

function maxRevisionId(doc: DocxDocument): number {
  let max = 0;
  for (const part of doc.parts) for (const m of part.xml.matchAll(/w:id="(\d+)"/g)) max = Math.max(max, Number(m[1]));
  return max;
}
