import { describe, expect, it } from 'vitest';
import { runExamples } from '../src/index';
import { segmenter, starter } from './helpers';

describe('starter glossary examples', () => {
  it('every flag example produces its finding and every pass example none', () => {
    const run = runExamples(starter(), { segmenter: segmenter() });
    expect(run.total).toBeGreaterThan(20);
    expect(run.failures).toEqual([]);
  });
});
