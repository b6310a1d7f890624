// 测试共用：加载起步词表；check() 用 «…» 标出期望的发现位置，去掉标记后比对偏移。
import fs from 'node:fs';
import path from 'node:path';
import { createGlossary, lint, parseDictionary, type Finding, type Glossary, type LintOptions } from '../src/index';
import { createJiebaSegmenter } from '../src/node/index';

export const STARTER = path.join(__dirname, 'fixtures', 'starter.yaml');

let cached: Glossary | undefined;
export function starter(): Glossary {
  if (!cached) {
    const r = parseDictionary(fs.readFileSync(STARTER, 'utf8'), STARTER, 'builtin');
    if (!r.dictionary) throw new Error(JSON.stringify(r.diagnostics));
    cached = createGlossary([r.dictionary]).glossary;
  }
  return cached;
}

export const segmenter = () => createJiebaSegmenter(starter());

/** 去掉 «» 标记，返回纯文本与各标记区间。 */
export function unmark(marked: string): { text: string; spans: { offset: number; length: number }[] } {
  let text = '';
  const spans: { offset: number; length: number }[] = [];
  let open = -1;
  for (const ch of marked) {
    if (ch === '«') open = text.length;
    else if (ch === '»') {
      spans.push({ offset: open, length: text.length - open });
      open = -1;
    } else text += ch;
  }
  return { text, spans };
}

/** 断言 lint 结果恰好是标记的那些区间（可选：规则）。 */
export function check(marked: string, options: LintOptions = {}, glossary: Glossary = starter()): Finding[] {
  const { text, spans } = unmark(marked);
  const found = lint(text, glossary, { segmenter: segmenter(), asOf: '2026-11-29', ...options });
  const got = found.map((f) => ({ offset: f.offset, length: f.length }));
  const ok = JSON.stringify(got) === JSON.stringify(spans);
  if (!ok) {
    const show = found.map((f) => `${f.ruleId}:${f.termId}@${f.offset}+${f.length}“${f.matched}”`).join(', ');
    throw new Error(`期望 ${JSON.stringify(spans)}，实际 [${show}]\n文本：${text}`);
  }
  for (const f of found) if (text.slice(f.offset, f.offset + f.length) !== f.matched) throw new Error(`matched 与偏移不符：${f.matched}`);
  return found;
}
