// 一个 WordprocessingML 部件（document.xml、header1.xml、footnotes.xml …）→ 段落文字，
// 同时记下每段文字来自哪个 run 的哪个子元素，修订（track changes）写回时按它拆分 run。
// 段落按出现顺序编号（文本框里嵌套的段落也单独算一段）；mc:Fallback 里的重复内容跳过，
// 但没有闭合的 <mc:Fallback> 不算（否则其后的全文都会丢）；w:delText（已删除的修订）不算文字。
import { decodeEntities } from './xml-text';

export interface RunChild {
  name: string;
  start: number;
  end: number;
}

export interface Run {
  start: number;
  end: number;
  /** <w:rPr>…</w:rPr> 原文（没有时为空串），拆分出的新 run 沿用它。 */
  rPr: string;
  children: RunChild[];
  /** run 里嵌着段落（文本框）：不在这里写修订。 */
  complex: boolean;
}

export interface Segment {
  /** 段内偏移。 */
  offset: number;
  text: string;
  run: number;
  /** run.children 的下标。 */
  child: number;
}

export interface Paragraph {
  text: string;
  segments: Segment[];
}

export interface ParsedPart {
  paragraphs: Paragraph[];
  runs: Run[];
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<[?!][^>]*>|<(\/?)([\w:.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;

interface Open {
  name: string;
  start: number;
  run?: number;
  /** 这个元素是某个 run 的直接子元素：run 下标。 */
  childOf?: number;
}

export function parsePart(xml: string): ParsedPart {
  const paragraphs: Paragraph[] = [];
  const runs: Run[] = [];
  const stack: Open[] = [];
  const openParas: number[] = [];
  const openRuns: number[] = [];
  let fallbackDepth = 0;
  let tabStopsDepth = 0;
  let textStart = -1; // 正在读的 w:t 的文字
  let textBuf = '';

  const addText = (text: string, runIndex: number | undefined, child: number) => {
    const p = openParas[openParas.length - 1];
    if (p === undefined || text === '') return;
    const para = paragraphs[p];
    para.segments.push({ offset: para.text.length, text, run: runIndex ?? -1, child });
    para.text += text;
  };
  const currentRun = (): number | undefined => {
    const top = stack[stack.length - 1];
    return top && top.name === 'w:r' ? top.run : undefined;
  };

  let m: RegExpExecArray | null;
  TOKEN.lastIndex = 0;
  while ((m = TOKEN.exec(xml))) {
    const at = m.index;
    if (m[6] !== undefined || m[1] !== undefined) {
      if (textStart >= 0 && fallbackDepth === 0) textBuf += m[1] ?? decodeEntities(m[6]);
      continue;
    }
    const name = m[3];
    if (name === undefined) continue; // 注释、处理指令、孤立的 <
    const closing = m[2] === '/';
    const selfClosing = m[5] === '/';
    const end = at + m[0].length;
    if (name === 'mc:Fallback') {
      if (closing) fallbackDepth = Math.max(0, fallbackDepth - 1);
      else if (!selfClosing && xml.indexOf('</mc:Fallback>', end) >= 0) fallbackDepth++;
      continue;
    }
    if (fallbackDepth > 0) continue;

    if (!closing) {
      const parent = stack[stack.length - 1];
      const childOf = parent && parent.name === 'w:r' ? parent.run : undefined;
      const open: Open = { name, start: at, childOf };
      if (name === 'w:p') {
        paragraphs.push({ text: '', segments: [] });
        for (const r of openRuns) runs[r].complex = true;
        if (!selfClosing) openParas.push(paragraphs.length - 1);
      } else if (name === 'w:r' && !selfClosing) {
        runs.push({ start: at, end: -1, rPr: '', children: [], complex: false });
        open.run = runs.length - 1;
        openRuns.push(open.run);
      } else if (name === 'w:t' && !selfClosing) {
        textStart = end;
        textBuf = '';
      } else if (name === 'w:tabs' && !selfClosing) {
        tabStopsDepth++;
      } else if (name === 'w:tab' && tabStopsDepth === 0) {
        const r = currentRun();
        addText('\t', r, r === undefined ? -1 : runs[r].children.length);
      }
      if (selfClosing) {
        if (childOf !== undefined) runs[childOf].children.push({ name, start: at, end });
      } else stack.push(open);
      continue;
    }
    // 闭合标签：弹到同名元素为止（容忍不配对的标签）
    let k = stack.length - 1;
    while (k >= 0 && stack[k].name !== name) k--;
    if (k < 0) continue;
    const [open] = stack.splice(k);
    if (name === 'w:p') {
      openParas.pop();
    } else if (name === 'w:r' && open.run !== undefined) {
      runs[open.run].end = end;
      openRuns.splice(openRuns.lastIndexOf(open.run), 1);
    } else if (name === 'w:tabs') {
      tabStopsDepth = Math.max(0, tabStopsDepth - 1);
    }
    if (open.childOf !== undefined) {
      const run = runs[open.childOf];
      if (name === 'w:rPr') run.rPr = xml.slice(open.start, end);
      else {
        if (name === 'w:t' && textStart >= 0) addText(textBuf, open.childOf, run.children.length);
        run.children.push({ name, start: open.start, end });
      }
    } else if (name === 'w:t' && textStart >= 0) addText(textBuf, undefined, -1);
    if (name === 'w:t') textStart = -1;
  }
  return { paragraphs, runs };
}
