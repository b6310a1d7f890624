// 固定提法里分隔各项的字符：标点与“+”。编译提法（拆项、取锚点）和比对误引用同一张表。
// “和”“与”“及”只在逐字比对时视同分隔（文化素质+职业技能 与 文化素质和职业技能 不算误引），不拿来分项：
// “和谐”“参与”里的字不是连接词。

const TABLE = new Uint8Array(0x10000);
for (const c of '、,，;；:："“”\'‘’「」（）()【】《》+＋ \t\u3000') TABLE[c.charCodeAt(0)] = 1;
for (const c of '和与及') TABLE[c.charCodeAt(0)] = 2;

/** 分项用的分隔符。 */
export const isItemSeparator = (c: string): boolean => TABLE[c.charCodeAt(0)] === 1;
/** 同上，按 UTF-16 码元（热循环里不为每个字建单字字符串）。 */
export const isItemSeparatorCode = (c: number): boolean => TABLE[c] === 1;
/** 逐字比对时视同分隔的字符（含连接词）。 */
export const isSoftSeparator = (c: string): boolean => TABLE[c.charCodeAt(0)] !== 0;
/** 同上，按 UTF-16 码元。 */
export const isSoftSeparatorCode = (c: number): boolean => TABLE[c] !== 0;

/** 按分隔符把提法拆成各项。 */
export function splitItems(text: string): string[] {
  const items: string[] = [];
  let cur = '';
  for (const ch of text) {
    if (isItemSeparator(ch)) {
      if (cur) items.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) items.push(cur);
  return items;
}
