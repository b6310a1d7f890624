// 词边界只切命中所在的分句（rules/boundary.ts）。这里逐位置核对：分句单独切得到的边界，与整句交给 jieba 切
// 得到的边界完全相同——在默认词表的全部例句、一段自拟文字，以及（存在时）内部语料 ../shared/corpus 上。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary, createJiebaSegmenter } from '../src/node/index';
import { BoundaryChecker } from '../src/rules/boundary';
import { Sentences } from '../src/text/sentences';
import { prepare } from '../src/text/normalize';
import type { Segmenter } from '../src/types';

const CORPUS = path.resolve(__dirname, '../../../../shared/corpus/zhijiao-dongtai-2024-06.txt');

/** 整句切分的边界（旧做法），与分句的结果逐位置比对；返回不一致处。 */
function mismatches(text: string, segmenter: Segmenter): string[] {
  const { norm } = prepare(text, 'plaintext');
  const sentences = new Sentences(norm);
  const checker = new BoundaryChecker(segmenter, sentences);
  const out: string[] = [];
  for (let start = 0; start < norm.length; ) {
    const sent = sentences.sentenceAt(start);
    const sentence = norm.slice(sent.start, sent.end);
    const whole = new Uint8Array(sentence.length + 1);
    whole[0] = 1;
    let pos = 0;
    for (const w of segmenter.cut(sentence)) whole[(pos += w.length)] = 1;
    if (pos === sentence.length) {
      for (let i = sent.start; i < sent.end; i++) {
        const expected = whole[i - sent.start] === 1;
        if (checker.isBoundary(i) !== expected) out.push(`${sentence.slice(0, i - sent.start)}|${sentence.slice(i - sent.start)}（整句：${expected ? '是' : '不是'}边界）`);
      }
    }
    start = Math.max(sent.end, start + 1);
  }
  return out;
}

describe('word boundaries from clauses equal those from whole sentences', () => {
  const { glossary } = loadGlossary();
  const segmenter = createJiebaSegmenter(glossary);

  it.skipIf(!segmenter)('on every example sentence of the default glossary and a paragraph of my own', () => {
    const texts = [
      '2019年，我校（原某某中专）深化产教融合：推进“1+X”证书制度试点，C++课程与3.5万元奖励；高职高专、中职中专！是否贫困村容？',
    ];
    for (const e of glossary.entries) for (const x of [...(e.examples?.flag ?? []), ...(e.examples?.pass ?? [])]) texts.push(typeof x === 'string' ? x : x.text);
    expect(texts.length).toBeGreaterThan(500);
    expect(mismatches(texts.join('\n'), segmenter!)).toEqual([]);
  });

  it.skipIf(!segmenter || !fs.existsSync(CORPUS))('on the internal real-prose compilation (../shared/corpus)', () => {
    expect(mismatches(fs.readFileSync(CORPUS, 'utf8'), segmenter!)).toEqual([]);
  }, 120_000);
});
