// 两个汉字是否同音或近音（不计声调，多音字任一读音相同即算）：拼音输入法打错的字多是同音字，
// 也常是输入法“模糊音”的近音字：zh/z、ch/c、sh/s、n/l、h/f，以及 ang/an、eng/en、ing/in（人民→人名）。
// 读音表（syllable-table.ts，64 进制的 ASCII）直接按位置读，每次判断是几次查表。
import { SYLLABLE_DIGITS, SYLLABLE_EXTRA, SYLLABLE_FIRST, SYLLABLE_NAMES, SYLLABLE_PRIMARY } from './syllable-table';

/** 模糊音归一：声母 zh→z、ch→c、sh→s、n→l、h→f；韵尾 ang→an、eng→en、ing→in。 */
function fuzzy(syllable: string): string {
  return syllable
    .replace(/^([zcs])h/, '$1')
    .replace(/^n(?=[aeiouü])/, 'l')
    .replace(/^h/, 'f')
    .replace(/([aei])ng$/, '$1n');
}

let fuzzyId: Int32Array | undefined;
/** 读音编号 → 模糊音归一后的编号（同一编号即近音）。 */
function fuzzyIds(): Int32Array {
  if (!fuzzyId) {
    const names = SYLLABLE_NAMES.split(' ');
    const keys = new Map<string, number>();
    fuzzyId = new Int32Array(names.length + 1);
    names.forEach((name, i) => {
      const key = fuzzy(name);
      if (!keys.has(key)) keys.set(key, keys.size + 1);
      fuzzyId![i + 1] = keys.get(key)!;
    });
  }
  return fuzzyId;
}

let digitValue: Uint8Array | undefined;

/** s 从 at 起 width 位 64 进制数。读音表不整个展开：新进程里第一次检查时展开 2 万字要十几毫秒，而每次判断只查一两个字。 */
function num(s: string, at: number, width: number): number {
  if (!digitValue) {
    digitValue = new Uint8Array(128);
    for (let i = 0; i < SYLLABLE_DIGITS.length; i++) digitValue[SYLLABLE_DIGITS.charCodeAt(i)] = i;
  }
  let n = 0;
  for (let i = 0; i < width; i++) n = n * 64 + digitValue[s.charCodeAt(at + i)]!;
  return n;
}

const PRIMARY_COUNT = SYLLABLE_PRIMARY.length / 2;
let extraReadings: Map<number, number[]> | undefined;

/** 多音字的其余读音（字在表中的序号 → 读音编号）。表只有两千多条（每条 5 位：字 3 位、读音 2 位），第一次用到时展开。 */
function extras(): Map<number, number[]> {
  if (!extraReadings) {
    extraReadings = new Map();
    for (let i = 0; i + 5 <= SYLLABLE_EXTRA.length; i += 5) {
      const k = num(SYLLABLE_EXTRA, i, 3);
      const list = extraReadings.get(k);
      if (list) list.push(num(SYLLABLE_EXTRA, i + 3, 2));
      else extraReadings.set(k, [num(SYLLABLE_EXTRA, i + 3, 2)]);
    }
  }
  return extraReadings;
}

/** c 的第 i 个读音的模糊音编号（i = 0 为首读音）；没有这个读音时为 0。 */
function reading(c: number, i: number): number {
  const k = c - SYLLABLE_FIRST;
  if (k < 0 || k >= PRIMARY_COUNT) return 0;
  if (i === 0) return fuzzyIds()[num(SYLLABLE_PRIMARY, 2 * k, 2)]!;
  const more = extras().get(k);
  return more && i - 1 < more.length ? fuzzyIds()[more[i - 1]!]! : 0;
}

/** a、b（UTF-16 码元）同音或近音吗；不在基本区或无读音的字不算。扫描时逐个候选调用，不分配内存。 */
export function sameSound(a: number, b: number): boolean {
  if (a === b) return true;
  for (let i = 0, ra = reading(a, 0); ra !== 0; ra = reading(a, ++i)) {
    for (let j = 0, rb = reading(b, 0); rb !== 0; rb = reading(b, ++j)) if (ra === rb) return true;
  }
  return false;
}
