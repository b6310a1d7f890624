// 两个汉字是否同音（不计声调，多音字任一读音相同即算）：拼音输入法打错的字多是同音字。
// 读音表（syllable-table.ts，64 进制的 ASCII）在第一次调用时展开成数组（约 2 万字），此后每次判断是几次查表。
import { SYLLABLE_DIGITS, SYLLABLE_EXTRA, SYLLABLE_FIRST, SYLLABLE_PRIMARY } from './syllable-table';

let primary: Uint16Array | undefined;
let extra: Map<number, number[]> | undefined;

function tables(): { primary: Uint16Array; extra: Map<number, number[]> } {
  if (!primary || !extra) {
    const value = new Uint8Array(128);
    for (let i = 0; i < SYLLABLE_DIGITS.length; i++) value[SYLLABLE_DIGITS.charCodeAt(i)] = i;
    const num = (s: string, at: number, width: number) => {
      let n = 0;
      for (let i = 0; i < width; i++) n = n * 64 + value[s.charCodeAt(at + i)];
      return n;
    };
    primary = new Uint16Array(SYLLABLE_PRIMARY.length / 2);
    for (let i = 0; i < primary.length; i++) primary[i] = num(SYLLABLE_PRIMARY, 2 * i, 2);
    extra = new Map();
    for (let i = 0; i + 5 <= SYLLABLE_EXTRA.length; i += 5) {
      const c = SYLLABLE_FIRST + num(SYLLABLE_EXTRA, i, 3);
      const list = extra.get(c) ?? [];
      list.push(num(SYLLABLE_EXTRA, i + 3, 2));
      extra.set(c, list);
    }
  }
  return { primary, extra };
}

function readings(c: number): number[] {
  const t = tables();
  const i = c - SYLLABLE_FIRST;
  const first = i >= 0 && i < t.primary.length ? t.primary[i] : 0;
  if (!first) return [];
  return [first, ...(t.extra.get(c) ?? [])];
}

/** a、b（UTF-16 码元）读音相同吗；不在基本区或无读音的字不算同音。 */
export function sameSound(a: number, b: number): boolean {
  if (a === b) return true;
  const rb = readings(b);
  return readings(a).some((r) => rb.includes(r));
}
