// 时态判断的标注句：用真实词表跑整个引擎，统计准确率。回顾句一句也不许报到 info 以上。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index';
import { createJiebaSegmenter, loadGlossary } from '../src/node/index';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);

interface Row {
  expect: 'flag' | 'pass';
  asOf: string;
  id: string;
  text: string;
  line: number;
}

const rows: Row[] = fs
  .readFileSync(path.join(__dirname, 'fixtures', 'stance.tsv'), 'utf8')
  .split('\n')
  .map((l, i) => [l, i + 1] as const)
  .filter(([l]) => l.trim() && !l.startsWith('#'))
  .map(([l, line]) => {
    const [expect, asOf, id, text] = l.split('\t');
    return { expect: expect as Row['expect'], asOf, id, text, line };
  });

function flagged(r: Row): boolean {
  const found = lint(r.text, glossary, { language: 'plaintext', asOf: r.asOf, segmenter });
  return found.some((f) => f.termId === r.id && f.ruleId === 'outdated-term' && (f.severity === 'warning' || f.severity === 'error'));
}

describe('temporal stance (labelled sentences)', () => {
  const results = rows.map((r) => ({ r, got: flagged(r) }));
  const wrong = results.filter(({ r, got }) => got !== (r.expect === 'flag'));
  const accuracy = 1 - wrong.length / rows.length;

  it('has at least 200 labelled sentences of both stances', () => {
    expect(rows.length).toBeGreaterThanOrEqual(200);
    expect(rows.filter((r) => r.expect === 'flag').length).toBeGreaterThanOrEqual(60);
    expect(rows.filter((r) => r.expect === 'pass').length).toBeGreaterThanOrEqual(100);
    expect(new Set(rows.map((r) => r.id)).size).toBeGreaterThanOrEqual(8);
  });

  it('reaches 97% accuracy', () => {
    console.log(`stance accuracy ${(accuracy * 100).toFixed(1)}% (${rows.length - wrong.length}/${rows.length})`);
    for (const { r } of wrong) console.log(`  ${r.expect} line ${r.line}: ${r.text} [${r.asOf}]`);
    expect(accuracy).toBeGreaterThanOrEqual(0.97);
  });

  it('never flags a retrospective or neutral sentence above info', () => {
    const falsePositives = wrong.filter(({ r }) => r.expect === 'pass').map(({ r }) => `line ${r.line}: ${r.text}`);
    expect(falsePositives).toEqual([]);
  });
});

describe('the cue named in the message', () => {
  it('is the word that makes the clause current, not 攻坚 inside 脱贫攻坚', () => {
    const text = '学院将在巩固拓展脱贫攻坚成果同乡村振兴有效衔接过渡期内继续开展帮扶。';
    const f = lint(text, glossary, { language: 'plaintext', asOf: '2026-03-01', segmenter }).find((x) => x.ruleId === 'outdated-term');
    expect(f?.message).toContain('本句“将”');
  });
});
