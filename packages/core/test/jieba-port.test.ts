// TypeScript 移植的 cppjieba MixSegment：逐句与 nodejieba 的 cut(s, true) 比对切分结果（同一份精简词典与用户词典），
// 另测不依赖 nodejieba 的性质：不丢字、代理对不切开、用户词覆盖主词典。
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../src/node/load';
import { jiebaDataDir, liteDictionaryFiles } from '../src/node/segmenter';
import { buildDictTrie, wordWeight } from '../src/node/jieba/dict-trie';
import { parseHmmModel } from '../src/node/jieba/hmm';
import { MixSegmenter } from '../src/node/jieba/mix-segment';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = path.join(ROOT, '../shared/corpus/zhijiao-dongtai-2024-06.txt');
const dataDir = jiebaDataDir()!;
const model = parseHmmModel(fs.readFileSync(path.join(dataDir, 'hmm_model.utf8'), 'utf8'));

interface NodeJieba {
  load(o: { dict: string; userDict: string; idfDict?: string }): void;
  cut(s: string, hmm: boolean): string[];
}
let nodejieba: NodeJieba | undefined;
try {
  nodejieba = createRequire(__filename)('nodejieba') as NodeJieba;
} catch {
  nodejieba = undefined;
}

const TRICKY = [
  '资金课题与五金店、金课建设',
  '前景广阔、大有可为',
  'AI+职业教育2024-2026年行动方案（试行）第3.5条',
  '习近平总书记强调：“职业教育前途广阔、大有可为。”',
  '𠀀𠀁职业教育😀双高计划　全角空格\t制表\r\n换行',
  '1+X证书制度试点，iPhone 15 Pro，GDP增长5.2%',
  '',
  '。。，，',
];

function sentences(): string[] {
  const { glossary } = loadGlossary();
  const out = [...TRICKY];
  for (const e of glossary.entries) for (const list of Object.values(e.examples ?? {})) for (const x of list ?? []) out.push(typeof x === 'string' ? x : x.text);
  if (fs.existsSync(CORPUS)) out.push(...fs.readFileSync(CORPUS, 'utf8').split(/(?<=[。！？；\n])/));
  return out;
}

describe.skipIf(!nodejieba)('TypeScript MixSegment vs nodejieba', () => {
  it('cuts every sentence into exactly the same words', () => {
    const { glossary } = loadGlossary();
    const files = liteDictionaryFiles(glossary)!;
    nodejieba!.load({ dict: files.dict, userDict: files.user });
    const port = new MixSegmenter(buildDictTrie(fs.readFileSync(files.dict, 'utf8'), fs.readFileSync(files.user, 'utf8')), model);
    const all = sentences();
    const diffs = all.filter((s) => nodejieba!.cut(s, true).join('|') !== port.cut(s).join('|'));
    expect(diffs.slice(0, 5)).toEqual([]);
    expect(all.length).toBeGreaterThan(900);
  });
});

describe('TypeScript MixSegment on its own', () => {
  const trie = buildDictTrie('职业 100 n\n教育 100 n\n职业教育 10 n\n五金 5 n\n资金 50 n\n课题 50 n\n', '金课 3 n\n职业教育 1000 n\n单\n');
  const seg = new MixSegmenter(trie, model);

  it('never drops or splits characters (surrogate pairs, CRLF, separators)', () => {
    for (const s of TRICKY) {
      const words = seg.cut(s);
      expect(words.join('')).toBe(s);
      for (const w of words) expect(/^[\udc00-\udfff]|[\ud800-\udbff]$/.test(w)).toBe(false);
    }
  });

  it('user words override the main dictionary; one-column user words get the median weight', () => {
    expect(seg.cut('职业教育')).toEqual(['职业教育']);
    expect(wordWeight(trie, '职业教育')).toBeCloseTo(Math.log(1000 / 315), 12);
    expect(trie.userSingles.has('单'.codePointAt(0)!)).toBe(true);
    expect(wordWeight(trie, '职业教')).toBeUndefined();
    expect(seg.cut('资金课题')).toEqual(['资金', '课题']);
  });
});
