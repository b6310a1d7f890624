// tifa extract 的纯函数部分：词 n 元组、停用表、关键度、排序、YAML 骨架。
// 分词用“/”标出的固定词边界，结果不随 jieba 词典变化；真实 jieba 分词的端到端测试在 tests/cli/explain-extract-export.test.ts。
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { contextLine, quoteAround } from '../src/extract/context-line';
import { logLikelihood, logRatio } from '../src/extract/keyness';
import { rankCandidates } from '../src/extract/rank';
import { isCandidate } from '../src/extract/stop-list';
import { collectGrams, tokenize } from '../src/extract/token-ngrams';
import { termId, uniqueIds } from '../src/extract/term-id';
import { candidatesToYaml, guessTitle } from '../src/extract/yaml-skeleton';

/** 按“/”切词的分词器，返回的词拼起来等于去掉“/”的原文。 */
function slashed(marked: string): { text: string; cut: (s: string) => string[] } {
  const words = marked.split('/').filter(Boolean);
  const text = words.join('');
  const table = new Map<string, string[]>([[text, words]]);
  return { text, cut: (s) => table.get(s) ?? Array.from(s) };
}

const DOC = slashed(
  [
    '#/ /关于/推进/技能/工坊/联盟/建设/的/通知/\n/\n',
    '各地/要/加快/组建/技能/工坊/联盟/，/由/龙头/企业/牵头/。/技能/工坊/联盟/实行/理事会/制度/。/\n',
    '到/2027/年/，/每个/地市/至少/建成/一个/技能/工坊/联盟/，/并/推行/“/订单/工位/制/”/培养/。/\n',
    '鼓励/企业/设立/“/订单/工位/制/”/岗位/，/建设/一批/实训/基地/，/建设/一批/实训/基地/。/\n',
  ].join(''),
);

describe('isCandidate (stop list)', () => {
  it('keeps runs of content words', () => {
    expect(isCandidate(['技能', '工坊', '联盟'])).toBe(true);
    expect(isCandidate(['订单', '工位', '制'])).toBe(true);
  });

  it('drops boilerplate anywhere, policy verbs in front, function words at either edge', () => {
    expect(isCandidate(['贯彻', '落实'])).toBe(false);
    expect(isCandidate(['建设', '一批', '实训', '基地'])).toBe(false);
    expect(isCandidate(['实训', '基地', '建设', '一批'])).toBe(false);
    expect(isCandidate(['进一步', '完善'])).toBe(false);
    expect(isCandidate(['加快', '组建', '技能'])).toBe(false);
    expect(isCandidate(['技能', '工坊', '的'])).toBe(false);
    expect(isCandidate(['联盟', '的', '理事会'])).toBe(false);
  });

  it('drops numbers, counted quantities and punctuation-only n-grams', () => {
    expect(isCandidate(['2027', '年'])).toBe(false);
    expect(isCandidate(['一个', '技能', '工坊'])).toBe(false);
    expect(isCandidate(['两千', '个'])).toBe(false);
    expect(isCandidate(['十四五'])).toBe(false);
    expect(isCandidate(['“', '”'])).toBe(false);
    expect(isCandidate(['十四五', '规划'])).toBe(true);
  });
});

describe('word n-grams', () => {
  it('only starts and ends candidates on the segmenter’s word boundaries', () => {
    const grams = collectGrams(DOC.text, tokenize(DOC.text, DOC.cut));
    expect(grams.has('工坊联盟')).toBe(true);
    expect(grams.has('坊联盟')).toBe(false);
    expect(grams.has('能工坊')).toBe(false);
    const g = grams.get('技能工坊联盟')!;
    expect(g.count).toBe(4);
    expect(DOC.text.slice(g.firstOffset, g.firstOffset + 6)).toBe('技能工坊联盟');
    expect(grams.get('订单工位制')!.quoted).toBe(true);
    expect(grams.get('工位制')!.quoted).toBe(false);
  });
});

describe('keyness', () => {
  it('log-likelihood is positive when relatively more frequent in the new text, negative otherwise', () => {
    expect(logLikelihood(10, 1000, 0, 1000)).toBeCloseTo(2 * 10 * Math.log(2), 6);
    expect(logLikelihood(1, 1000, 50, 1000)).toBeLessThan(0);
    expect(logLikelihood(5, 100, 5, 100)).toBeCloseTo(0, 6);
  });

  it('log ratio doubles per point and prefers a term absent from the official texts over a common one', () => {
    expect(logRatio(1.5, 100, 0.5, 100) - logRatio(0.5, 100, 0.5, 100)).toBeCloseTo(Math.log2(2 / 1), 6);
    expect(logRatio(2, 300, 0, 30000)).toBeGreaterThan(logRatio(5, 300, 19, 30000));
  });
});

describe('rankCandidates', () => {
  // 参照文本要够长，G² 才显著（这里按字切分，约 1,500 词）
  const reference = Array.from({ length: 50 }, () => '各地要建设一批实训基地，实行理事会制度。');
  const run = (input: Partial<Parameters<typeof rankCandidates>[0]> = {}) =>
    rankCandidates({ text: DOC.text, cut: DOC.cut, reference, isKnown: () => false, ...input }).candidates;

  it('drops substrings that always occur inside a longer candidate and counts quoted phrases', () => {
    const texts = run().map((c) => c.text);
    expect(texts).toContain('技能工坊联盟');
    expect(texts).not.toContain('技能工坊');
    expect(texts).not.toContain('工坊联盟');
    expect(texts).toContain('订单工位制');
    expect(texts).not.toContain('实训基地建设'); // 不是 n 元组：中间隔着“一批”
  });

  it('ranks by log ratio and removes what the glossary knows', () => {
    const ranked = run();
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    expect(ranked[0].text).toBe('技能工坊联盟');
    expect(ranked[0].officialCount).toBe(0);
    expect(run({ isKnown: (s) => s === '技能工坊联盟' }).map((c) => c.text)).not.toContain('技能工坊联盟');
  });

  it('drops candidates that are building blocks of two or more known forms', () => {
    const texts = run({ knownForms: ['技能工坊联盟理事会', '区域技能工坊联盟'] }).map((c) => c.text);
    expect(texts).not.toContain('技能工坊联盟');
  });
});

describe('contextLine and quoteAround', () => {
  it('centres long sentences on the match; the quote stays verbatim and within 120 characters', () => {
    const long = '前'.repeat(100) + '目标词' + '后'.repeat(100) + '。';
    const line = contextLine(long, 100, 3, 40);
    expect(line).toContain('目标词');
    expect(line.length).toBeLessThanOrEqual(42);
    expect(line.startsWith('…') && line.endsWith('…')).toBe(true);
    const quote = quoteAround(long, 100, 3);
    expect(quote.length).toBe(120);
    expect(long).toContain(quote);
    expect(quote).toContain('目标词');
    expect(quoteAround('# 关于技能工坊的通知\n', 5, 4)).toBe('关于技能工坊的通知');
  });
});

describe('YAML skeleton', () => {
  it('writes pinyin ids, TODO placeholders, examples and a ref to the new file with a store-it comment', () => {
    expect(termId('技能工坊联盟', () => ['技能', '工坊', '联盟'])).toBe('jineng-gongfang-lianmeng');
    expect(termId('绿色')).toBe('lvse');
    expect(uniqueIds(['a', 'a', 'b'], (id) => id === 'b')).toEqual(['a', 'a-2', 'b-2']);
    expect(guessTitle(DOC.text)).toBe('关于推进技能工坊联盟建设的通知');

    const ranked = run2();
    const quotes = ranked.map((c) => quoteAround(DOC.text, c.firstOffset, c.text.length));
    const yaml = candidatesToYaml(ranked, quotes, { documentName: 'notice.md', sourceSlug: 'notice', title: guessTitle(DOC.text), ids: ['x-one', 'x-two'] });
    const parsed = YAML.parse(yaml) as { id: string; term: string; status: string; sources: { ref: string; quote: string }[]; examples: { flag: string[]; pass: string[] } }[];
    expect(parsed.map((e) => e.id)).toEqual(['x-one', 'x-two']);
    expect(parsed[0].term).toBe(ranked[0].text);
    expect(parsed[0].status).toBe('current');
    expect(parsed[0].sources).toEqual([{ ref: 'TODO-notice', quote: quotes[0] }]);
    expect(parsed[0].examples.flag[0]).toMatch(/^TODO/);
    expect(parsed[0].examples.pass[0]).toMatch(/^TODO/);
    expect(yaml).toMatch(/# TODO：把 notice\.md.*存为 dictionaries\/sources\/<日期>-notice\.md/);
    expect(yaml).toMatch(/^# 本文 \d+ 次，官方原文 \d+ 次，对数比/m);
  });
});

function run2() {
  return rankCandidates({ text: DOC.text, cut: DOC.cut, reference: Array.from({ length: 50 }, () => '实行理事会制度。'), isKnown: () => false }).candidates.slice(0, 2);
}
