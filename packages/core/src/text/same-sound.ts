// 两个汉字是否同音（不计声调，多音字任一读音相同即算）：拼音输入法打错的字多是同音字。
// 读音表在第一次调用时展开成数组（约 2 万字），此后每次判断是两次查表。
import { SYLLABLE_BASE, SYLLABLE_EXTRA, SYLLABLE_FIRST, SYLLABLE_PRIMARY } from './syllable-table';

let primary: Uint16Array | undefined;
let extra: Map<number, number[]> | undefined;

function tables(): { primary: Uint16Array; extra: Map<number, number[]> } {
  if (!primary || !extra) {
    primary = new Uint16Array(SYLLABLE_PRIMARY.length);
    for (let i = 0; i < SYLLABLE_PRIMARY.length; i++) primary[i] = SYLLABLE_PRIMARY.charCodeAt(i) - SYLLABLE_BASE;
    extra = new Map();
    for (let i = 0; i + 1 < SYLLABLE_EXTRA.length; i += 2) {
      const c = SYLLABLE_EXTRA.charCodeAt(i);
      const list = extra.get(c) ?? [];
      list.push(SYLLABLE_EXTRA.charCodeAt(i + 1) - SYLLABLE_BASE);
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
