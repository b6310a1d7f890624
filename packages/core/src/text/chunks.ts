// 把文档切成互不相干的块：在空行处切，但不切在 Markdown 围栏代码块、HTML 注释、前言里。
// 规范化时块与块之间本来就是边界（句子、段落都不跨空行），所以逐块检查与整篇检查结果相同，
// 编辑时只有改动的块需要重算。

export interface Chunk {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function chunksOf(text: string, language: 'markdown' | 'plaintext'): Chunk[] {
  const chunks: Chunk[] = [];
  let chunkStart = 0;
  let fence: string | null = null;
  let inComment = false;
  let inFrontMatter = language === 'markdown' && /^\ufeff?---[ \t]*\r?\n/.test(text);
  let lineStart = 0;
  let lineNo = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const next = lineEnd + 1;
    if (inFrontMatter) {
      if (lineNo > 0 && /^(---|\.\.\.)[ \t]*$/.test(line)) inFrontMatter = false;
    } else if (language === 'markdown' && fence !== null) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = null;
    } else if (language === 'markdown' && inComment) {
      if (line.includes('-->')) inComment = line.lastIndexOf('<!--') > line.lastIndexOf('-->');
    } else if (/^[ \t\u3000]*$/.test(line)) {
      // 空行：在它之后切
      if (next <= text.length && next > chunkStart) {
        chunks.push({ start: chunkStart, end: Math.min(next, text.length) });
        chunkStart = Math.min(next, text.length);
      }
    } else if (language === 'markdown') {
      const m = FENCE.exec(line);
      if (m) fence = m[1];
      else if (line.lastIndexOf('<!--') > line.lastIndexOf('-->')) inComment = true;
    }
    lineNo++;
    if (lineEnd >= text.length) break;
    lineStart = next;
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length });
  return chunks;
}
