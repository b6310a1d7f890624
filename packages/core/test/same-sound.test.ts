import { describe, expect, it } from 'vitest';
import { sameSound } from '../src/text/same-sound';

const code = (ch: string) => ch.charCodeAt(0);

describe('sameSound', () => {
  it('ignores tones and accepts any reading of a polyphone', () => {
    expect(sameSound(code('融'), code('熔'))).toBe(true);
    expect(sameSound(code('放'), code('方'))).toBe(true);
    expect(sameSound(code('航'), code('行'))).toBe(true); // 行 háng
    expect(sameSound(code('教'), code('双'))).toBe(false);
    expect(sameSound(code('a'), code('b'))).toBe(false);
  });
});
