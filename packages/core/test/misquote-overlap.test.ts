// 误引规则与日期、与词条规则的分工：用真实词表跑整个引擎。
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index';
import { createJiebaSegmenter, loadGlossary } from '../src/node/index';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const run = (text: string, asOf: string) => lint(text, glossary, { language: 'plaintext', asOf, segmenter }).filter((f) => f.severity !== 'info');

describe('misquote', () => {
  const text = '推进普职融通、产教融合、科教融汇。';

  it('does not exist before the formulation was proposed (职普融通、产教融合、科教融汇: 2022-10-16)', () => {
    expect(run(text, '2021-01-01')).toEqual([]);
  });

  it('leaves an outdated word inside the formulation to outdated-term: one finding, not two', () => {
    const found = run(text, '2025-06-01');
    expect(found.map((f) => `${f.ruleId}:${f.matched}`)).toEqual(['outdated-term:普职融通']);
  });
});
