// 生成汉字读音表（packages/core/src/text/syllable-table.ts），供 text/same-sound.ts 判断两个字是否同音（不计声调）。
// 基本区 U+4E00–U+9FFF 每字两个 ASCII 字符：首读音的编号（0 = 无读音，按 64 进制）；多音字的其余读音另列
// （字在基本区的序号 3 位 + 读音编号 2 位）。全用 ASCII：打包后不必转义，体积最小。
// 需要 pinyin-pro（@tifa/core 的依赖）；生成结果提交到仓库，运行时不调用拼音库。
import fs from 'node:fs';
import { pinyin } from 'pinyin-pro';

const FIRST = 0x4e00;
const LAST = 0x9fff;
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
const digits = (n, width) => {
  let out = '';
  for (let i = 0; i < width; i++, n = Math.floor(n / 64)) out = DIGITS[n % 64] + out;
  return out;
};
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
  primary += digits(readings.length ? idOf(readings[0]) : 0, 2);
  for (const r of readings.slice(1)) extra += digits(c - FIRST, 3) + digits(idOf(r), 2);
}
const out = `// 由 scripts/gen-syllables.mjs 生成（数据来自 pinyin-pro），请勿手改。
// 64 进制数字（SYLLABLE_DIGITS）。SYLLABLE_PRIMARY：U+4E00 起每字 2 位，首读音的编号（0 = 无）；
// SYLLABLE_EXTRA：每 5 位一组，字的序号（3 位）与它的另一读音编号（2 位）。
export const SYLLABLE_FIRST = 0x${FIRST.toString(16)};
export const SYLLABLE_DIGITS = '${DIGITS}';
/** 读音编号 1、2、3……对应的拼音（不计声调），以空格分隔。 */
export const SYLLABLE_NAMES = '${[...ids.keys()].join(' ')}';
export const SYLLABLE_PRIMARY = '${primary}';
export const SYLLABLE_EXTRA = '${extra}';
`;
fs.writeFileSync(new URL('../packages/core/src/text/syllable-table.ts', import.meta.url), out);
console.log(`${LAST - FIRST + 1} chars, ${ids.size} syllables, ${extra.length / 5} extra readings`);
