import { describe, expect, it } from 'vitest';
import { sameSound } from '../src/text/same-sound';

const code = (ch: string) => ch.charCodeAt(0);

describe('sameSound', () => {
  it('ignores tones and accepts any reading of a polyphone', () => {
    expect(sameSound(code('融'), code('熔'))).toBe(true);
    expect(sameSound(code('放'), code('方'))).toBe(true);
    expect(sameSound(code('航'), code('行'))).toBe(true); // 行 háng
    expect(sameSound(code('教'), code('双'))).toBe(false);
  });

  it('accepts the fuzzy pairs of pinyin input methods', () => {
    expect(sameSound(code('民'), code('名'))).toBe(true); // min / ming
    expect(sameSound(code('生'), code('深'))).toBe(true); // sheng / shen
    expect(sameSound(code('农'), code('龙'))).toBe(true); // nong / long
    expect(sameSound(code('资'), code('知'))).toBe(true); // zi / zhi
    expect(sameSound(code('花'), code('发'))).toBe(false); // hua / fa：韵母不同
    expect(sameSound(code('a'), code('b'))).toBe(false);
  });
});
