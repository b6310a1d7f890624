import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../src/formatters/json-stream';

describe('jsonChunks', () => {
  it('is byte-identical to JSON.stringify(v, null, 2)', () => {
    const samples: unknown[] = [
      null,
      1,
      'a"\n中',
      [],
      {},
      [1, [2, [3, {}]], { a: undefined, b: [undefined, () => 1], c: { d: '' } }],
      { results: Array.from({ length: 20_000 }, (_, i) => ({ i, s: `第${i}条`, nested: { list: [i, i + 1] } })), tail: { x: [] } },
    ];
    for (const v of samples) expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v, null, 2));
  });

  it('never builds one string for a large container', () => {
    const v = { runs: [{ results: Array.from({ length: 100_000 }, (_, i) => ({ i, text: 'x'.repeat(50) })) }] };
    let max = 0;
    for (const c of jsonChunks(v)) max = Math.max(max, c.length);
    expect(max).toBeLessThan(1_000_000);
  });
});
