// 生成繁体→简体的单字对照表（packages/core/src/text/t2s-table.ts）。
// 只收一对一、长度不变的单字映射，这样规范化时偏移可以逐字对应回原文。
// 需要开发依赖 opencc-js；生成结果提交到仓库，运行时不依赖它。
import fs from 'node:fs';
import OpenCC from 'opencc-js';

const tw = OpenCC.Converter({ from: 'tw', to: 'cn' });
const hk = OpenCC.Converter({ from: 'hk', to: 'cn' });
const pairs = [];
for (let c = 0x3400; c <= 0x9fff; c++) {
  const ch = String.fromCharCode(c);
  let s = tw(ch);
  if (s === ch) s = hk(ch);
  if (s !== ch && s.length === 1) pairs.push(ch + s);
}
const body = pairs.join('');
const out = `// 由 scripts/gen-t2s.mjs 生成（数据来自 opencc-js），请勿手改。每两个字符一组：繁体、简体。
export const T2S_PAIRS = '${body}';
`;
fs.writeFileSync(new URL('../packages/core/src/text/t2s-table.ts', import.meta.url), out);
console.log(`${pairs.length} pairs`);
