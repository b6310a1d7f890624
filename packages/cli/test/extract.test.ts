import { describe, expect, it } from 'vitest';
import { contextLine } from '../src/extract/context-line';
import { cjkRuns, repeatedNgrams } from '../src/extract/ngrams';
import { quotedPhrases } from '../src/extract/quoted';
import { rankCandidates } from '../src/extract/rank';
import { termId, uniqueIds } from '../src/extract/term-id';
import { candidatesToYaml, guessTitle } from '../src/extract/yaml-skeleton';
import YAML from 'yaml';

// 自己写的一小段“政策文件”
const DOC = [
  '# 关于推进技能工坊联盟建设的通知',
  '',
  '各地要加快组建技能工坊联盟，由龙头企业牵头、职业学校参与。技能工坊联盟实行理事会制度。',
  '到2027年，每个地市至少建成一个技能工坊联盟，并推行“订单工位制”培养。',
  '鼓励企业设立“订单工位制”岗位，推动技能工坊联盟与产业园区对接。',
  '各地要完善职业教育的经费保障。',
].join('\n');

describe('n-grams', () => {
  it('finds CJK runs with offsets', () => {
    expect(cjkRuns('ab技能c工坊')).toEqual([
      { start: 2, text: '技能' },
      { start: 5, text: '工坊' },
    ]);
  });

  it('keeps repeated phrases and drops substrings that always occur inside a longer one', () => {
    const { candidates } = repeatedNgrams(DOC);
    const texts = candidates.map((c) => c.text);
    expect(texts).toContain('技能工坊联盟');
    // “技能工坊”每次都出现在“技能工坊联盟”里：次数相同，被包含
    expect(texts).not.toContain('技能工坊');
    expect(texts).not.toContain('工坊联');
    const count = (s: string) => DOC.split(s).length - 1;
    for (const c of candidates) expect(c.count).toBe(count(c.text));
  });

  it('drops fragments that start or end with function characters', () => {
    const { candidates } = repeatedNgrams('我们的技能工坊和我们的技能工坊');
    expect(candidates.map((c) => c.text)).toEqual(['技能工坊']);
  });
});

describe('quotedPhrases', () => {
  it('collects short phrases in “…” and ignores quoted sentences', () => {
    const q = quotedPhrases('推行“订单工位制”，再推行“订单工位制”。他说“要办好职业教育，服务发展。”');
    expect(q).toEqual([{ text: '订单工位制', count: 2, firstOffset: 3 }]);
  });
});

describe('rankCandidates', () => {
  const run = (isKnown: (s: string) => boolean = () => false) =>
    rankCandidates({ text: DOC, keywords: [{ word: '联盟', weight: 5 }, { word: '理事会', weight: 3 }], isKnown });

  it('merges sources, counts occurrences and gives one context line', () => {
    const ranked = run();
    const top = ranked.find((c) => c.text === '技能工坊联盟')!;
    expect(top.count).toBe(DOC.split('技能工坊联盟').length - 1);
    expect(top.sources).toEqual(['ngram']);
    expect(top.context).toBe('关于推进技能工坊联盟建设的通知');
    const second = ranked.find((c) => c.text === '龙头企业');
    expect(second).toBeUndefined(); // 只出现一次
    const quoted = ranked.find((c) => c.text === '订单工位制')!;
    expect(quoted.sources).toContain('quoted');
    expect(quoted.count).toBe(2);
    // 关键词“联盟”总在“技能工坊联盟”里，由后者代表；“理事会”单独成为候选
    expect(ranked.map((c) => c.text)).not.toContain('联盟');
    expect(ranked.find((c) => c.text === '理事会')?.sources).toEqual(['keyword']);
  });

  it('ranks by score and removes what the glossary already knows', () => {
    const ranked = run();
    for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    const withoutKnown = run((s) => s === '技能工坊联盟');
    expect(withoutKnown.map((c) => c.text)).not.toContain('技能工坊联盟');
    expect(withoutKnown.length).toBe(ranked.length - 1);
  });
});

describe('generic parts of known terms', () => {
  it('drops candidates that are building blocks of two or more known forms, and rare two-character keywords', () => {
    const text = '工坊联盟成立。工坊联盟运行。工坊联盟扩大。学院开会。学院总结。学院表彰。理事开会。';
    const ranked = rankCandidates({
      text,
      keywords: [{ word: '工坊联盟', weight: 1 }, { word: '学院', weight: 1 }, { word: '理事', weight: 1 }],
      isKnown: () => false,
      knownForms: ['工坊联盟理事会', '区域工坊联盟', '职业学院'],
    });
    const texts = ranked.map((c) => c.text);
    expect(texts).not.toContain('工坊联盟'); // 包含在两个已知写法里
    expect(texts).toContain('学院'); // 只在一个已知写法里，且出现 3 次
    expect(texts).not.toContain('理事'); // 两字且只出现 1 次
  });
});

describe('contextLine', () => {
  it('centres long sentences on the match', () => {
    const long = '前'.repeat(100) + '目标词' + '后'.repeat(100) + '。';
    const line = contextLine(long, 100, 3, 40);
    expect(line).toContain('目标词');
    expect(line.length).toBeLessThanOrEqual(42);
    expect(line.startsWith('…') && line.endsWith('…')).toBe(true);
  });
});

describe('YAML skeleton', () => {
  it('writes pinyin ids, TODO placeholders and the context as the quote', () => {
    expect(termId('技能工坊联盟', () => ['技能', '工坊', '联盟'])).toBe('jineng-gongfang-lianmeng');
    expect(termId('绿色')).toBe('lvse');
    expect(uniqueIds(['a', 'a', 'b'], (id) => id === 'b')).toEqual(['a', 'a-2', 'b-2']);
    expect(guessTitle(DOC)).toBe('关于推进技能工坊联盟建设的通知');

    const ranked = rankCandidates({ text: DOC, keywords: [], isKnown: () => false }).slice(0, 2);
    const yaml = candidatesToYaml(ranked, { documentName: 'notice.md', title: guessTitle(DOC), ids: ['x-one', 'x-two'] });
    const parsed = YAML.parse(yaml) as { id: string; term: string; sources: { quote: string; title: string }[] }[];
    expect(parsed.map((e) => e.id)).toEqual(['x-one', 'x-two']);
    expect(parsed[0].term).toBe(ranked[0].text);
    expect(parsed[0].sources[0].quote).toBe(ranked[0].context);
    expect(parsed[0].sources[0].title).toBe('关于推进技能工坊联盟建设的通知');
    expect(yaml).toMatch(/^# 出现 \d+ 次/m);
  });
});
