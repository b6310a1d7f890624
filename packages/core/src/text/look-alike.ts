// 两个汉字会不会被互相写错：同音近音（拼音输入法）或形近（shape-groups.json，手写、五笔、看错）。
// 短名称错字与长名称近似命中共用这一个判断。
import shapeData from './shape-groups.json';
import { sameSound } from './same-sound';

let shapePairs: Set<number> | undefined;

/** 形近字对，键为 小码位 × 65536 + 大码位（只建一次）。 */
function pairs(): Set<number> {
  if (!shapePairs) {
    shapePairs = new Set();
    for (const group of shapeData.groups) {
      for (let i = 0; i < group.length; i++) {
        for (let j = i + 1; j < group.length; j++) {
          const a = group.charCodeAt(i);
          const b = group.charCodeAt(j);
          shapePairs.add(Math.min(a, b) * 65536 + Math.max(a, b));
        }
      }
    }
  }
  return shapePairs;
}

/** a、b（UTF-16 码元）形近吗。 */
export function shapeSimilar(a: number, b: number): boolean {
  return pairs().has(Math.min(a, b) * 65536 + Math.max(a, b));
}

/** a、b 同音、近音或形近：把一个写成另一个像是错字。 */
export function lookAlike(a: number, b: number): boolean {
  return sameSound(a, b) || shapeSimilar(a, b);
}
