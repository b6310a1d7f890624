// 生成汉字读音表（packages/core/src/text/syllable-table.ts），供 text/same-sound.ts 判断两个字是否同音（不计声调）。
// 基本区 U+4E00–U+9FFF 每字一个码元：首读音的编号（0 = 无读音），编号 n 写作 U+3400+n；多音字的其余读音另列成对。
// 需要 pinyin-pro（@tifa/core 的依赖）；生成结果提交到仓库，运行时不调用拼音库。
import fs from 'node:fs';
import { pinyin } from 'pinyin-pro';

const FIRST = 0x4e00;
const LAST = 0x9fff;
const BASE = 0x3400;
const ids = new Map();
const idOf = (s) => {
  if (!ids.has(s)) ids.set(s, ids.size + 1);
  return ids.get(s);
};
let primary = '';
let extra = '';
for (let c = FIRST; c <= LAST; c++) {
  const ch = String.fromCharCode(c);
  const readings = [...new Set(pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }).filter((r) => /^[a-zü]+$/.test(r)))];
  primary += String.fromCharCode(BASE + (readings.length ? idOf(readings[0]) : 0));
  for (const r of readings.slice(1)) extra += ch + String.fromCharCode(BASE + idOf(r));
}
const out = `// 由 scripts/gen-syllables.mjs 生成（数据来自 pinyin-pro），请勿手改。
// SYLLABLE_PRIMARY：U+4E00 起每字一个码元，值 − 0x3400 是首读音的编号（0 = 无）；SYLLABLE_EXTRA：每两个码元一组，字与它的另一读音编号。
export const SYLLABLE_FIRST = 0x${FIRST.toString(16)};
export const SYLLABLE_BASE = 0x${BASE.toString(16)};
export const SYLLABLE_PRIMARY = '${primary}';
export const SYLLABLE_EXTRA = '${extra}';
`;
fs.writeFileSync(new URL('../packages/core/src/text/syllable-table.ts', import.meta.url), out);
console.log(`${LAST - FIRST + 1} chars, ${ids.size} syllables, ${extra.length / 2} extra readings`);
