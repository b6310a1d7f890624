// 逐字符折叠：全角 ASCII → 半角、繁体 → 简体、ASCII 大写 → 小写。
// 每个 UTF-16 码元折叠成一个码元，所以规范化文本与原文可以逐位对应。
import { T2S_PAIRS } from './t2s-table';

const table = new Uint16Array(0x10000);
for (let c = 0; c < 0x10000; c++) table[c] = c;
for (let c = 0x41; c <= 0x5a; c++) table[c] = c + 32;
// 全角 ！(FF01) … ～(FF5E) 对应 ASCII 21…7E
for (let c = 0xff01; c <= 0xff5e; c++) {
  const ascii = c - 0xfee0;
  table[c] = ascii >= 0x41 && ascii <= 0x5a ? ascii + 32 : ascii;
}
table[0x3000] = 0x20; // 全角空格
for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) table[T2S_PAIRS.charCodeAt(i)] = T2S_PAIRS.charCodeAt(i + 1);

export function foldCode(code: number): number {
  return table[code];
}

/** 折叠一个字符串（用于词表写法，与正文用同一套规则）。 */
export function foldString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += String.fromCharCode(table[s.charCodeAt(i)]);
  return out;
}

/** 只做宽度与繁简折叠、保留大小写：用来判断写法是否只差大小写（1+x 与 1+X）。 */
export function foldKeepCase(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const f = table[c];
    const upper = (c >= 0x41 && c <= 0x5a) || (c >= 0xff21 && c <= 0xff3a);
    out += String.fromCharCode(upper ? f - 32 : f);
  }
  return out;
}

export function isCjk(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xd800 && code <= 0xdfff) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef) ||
    code === 0x201c || code === 0x201d || code === 0x2018 || code === 0x2019;
}
