// 分词词典的二进制快照：写出再读回的字典树与 HMM 模型，与从文本词典直接建的逐词相同；坏快照被拒绝（调用方重建）。
// 真实的 jieba 数据（packages/core/jieba/）与真实的默认词表，不造假数据。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDictTrie, childOf, wordWeight } from '../../packages/core/src/node/jieba/dict-trie';
import { parseHmmModel } from '../../packages/core/src/node/jieba/hmm';
import { MixSegmenter } from '../../packages/core/src/node/jieba/mix-segment';
import { decodeSnapshot, encodeSnapshot } from '../../packages/core/src/node/jieba/trie-snapshot';
import { ROOT } from '../cli/helpers';

const JIEBA = path.join(ROOT, 'packages/core/jieba');

describe('jieba trie snapshot', () => {
  // 完整词典的前 6 万行（建树在测试里要快）加几个用户词，覆盖用户词覆盖与单字用户词
  const main = fs.readFileSync(path.join(JIEBA, 'jieba.dict.utf8'), 'utf8').split('\n').slice(0, 60_000).join('\n');
  const trie = buildDictTrie(main, '产教融合 3 n\n科教融汇 3 n\n金\n');
  const model = parseHmmModel(fs.readFileSync(path.join(JIEBA, 'hmm_model.utf8'), 'utf8'));
  const text = fs
    .readdirSync(path.join(ROOT, 'dictionaries/sources'))
    .slice(0, 40)
    .map((f) => fs.readFileSync(path.join(ROOT, 'dictionaries/sources', f), 'utf8'))
    .join('\n');

  it('round-trips: same arrays, same words, same cuts', () => {
    const back = decodeSnapshot(encodeSnapshot(trie, model));
    expect(back).toBeDefined();
    const { trie: t2, model: m2 } = back!;
    expect([...t2.childCp]).toEqual([...trie.childCp]);
    expect([...t2.weights].map(String)).toEqual([...trie.weights].map(String));
    expect(t2.minWeight).toBe(trie.minWeight);
    expect([...t2.userSingles]).toEqual([...trie.userSingles]);
    expect(wordWeight(t2, '产教融合')).toBe(wordWeight(trie, '产教融合'));
    expect(childOf(t2, 0, '金'.codePointAt(0)!)).toBe(childOf(trie, 0, '金'.codePointAt(0)!));
    const a = new MixSegmenter(trie, model);
    const b = new MixSegmenter(t2, m2);
    const lines = text.split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) expect(b.cut(line)).toEqual(a.cut(line));
  });

  it('reads a snapshot whose bytes start at an odd offset (cache entries carry a header line)', () => {
    const data = encodeSnapshot(trie, model);
    const shifted = Buffer.alloc(data.length + 3);
    data.copy(shifted, 3);
    const back = decodeSnapshot(shifted.subarray(3));
    expect(back && new MixSegmenter(back.trie, back.model).cut('学院深化产教融合')).toEqual(new MixSegmenter(trie, model).cut('学院深化产教融合'));
  });

  it('rejects truncated or foreign data instead of returning a broken trie', () => {
    const data = encodeSnapshot(trie, model);
    expect(decodeSnapshot(data.subarray(0, data.length - 100))).toBeUndefined();
    expect(decodeSnapshot(Buffer.from('not a snapshot'))).toBeUndefined();
    const foreign = Buffer.from(data);
    foreign.write('x', 6); // 头部 JSON 里的 magic 被改
    expect(decodeSnapshot(foreign)).toBeUndefined();
  });
});
