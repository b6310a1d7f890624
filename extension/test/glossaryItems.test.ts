import { describe, expect, it } from 'vitest';
import { oneLine, toGlossaryPickItems } from '../src/glossaryItems';
import { asSearchResults } from '../src/serverProtocol';
import { chineseTranslator, tEnglish } from './helpers/l10n';

// 服务器 tifa.searchGlossary 的返回形状（自拟的词条，不是真实词表内容）。
const raw = [
  { id: 'shiyu-lianheti', term: '市域联合体', category: '产教融合', status: 'current', definition: '第一行\n  第二行', pinyin: 'shi yu lian he ti' },
  { id: 'jiu-tifa', term: '旧提法', category: '职业教育', status: 'outdated', definition: '已被取代。', pinyin: '' },
  { id: 'lishi-mingcheng', term: '历史名称', category: '', status: 'historical', definition: 'x'.repeat(500), pinyin: 'li shi' },
  { id: 'broken', category: 'no term' },
  'not an object',
];

describe('toGlossaryPickItems', () => {
  const results = asSearchResults(raw);

  it('keeps well-formed results only', () => {
    expect(results.map((r) => r.id)).toEqual(['shiyu-lianheti', 'jiu-tifa', 'lishi-mingcheng']);
  });

  it('labels with the term, describes with pinyin, category and status, details with a one-line definition', () => {
    const [current, outdated, historical] = toGlossaryPickItems(results, chineseTranslator());
    expect(current).toMatchObject({ label: '市域联合体', term: '市域联合体', id: 'shiyu-lianheti', description: 'shi yu lian he ti · 产教融合', detail: '第一行 第二行' });
    expect(outdated.label).toBe('$(warning) 旧提法');
    expect(outdated.term).toBe('旧提法');
    expect(outdated.description).toBe('职业教育 · 过时');
    expect(historical.description).toBe('li shi · 历史');
    expect(historical.detail.length).toBeLessThanOrEqual(160);
    expect(historical.detail.endsWith('…')).toBe(true);
  });

  it('marks every item alwaysShow so pinyin queries are not filtered away by the quick pick', () => {
    const items = toGlossaryPickItems(results, tEnglish);
    expect(items.every((item) => item.alwaysShow)).toBe(true);
    expect(items[1].description).toBe('职业教育 · outdated');
  });

  it('oneLine leaves short text as is', () => {
    expect(oneLine('  短释义 ')).toBe('短释义');
  });
});
