import { describe, expect, it } from 'vitest';
import { complete, completionsAt, explain, formatHoverMarkdown, termAt } from '../src/index';
import { starter } from './helpers';

describe('completion', () => {
  it('completes Chinese prefixes and infixes, replacing exactly the typed run', () => {
    const text = '今年我校继续推进双高';
    const r = completionsAt(text, text.length, starter());
    expect(text.slice(r.offset, r.offset + r.length)).toBe('双高');
    expect(r.items[0].label).toBe('双高计划');
    const infix = completionsAt('推进产教联合', 6, starter());
    expect(infix.items.map((i) => i.label)).toContain('市域产教联合体');
  });

  it('completes pinyin initials and full pinyin', () => {
    expect(complete('sgjh', starter())[0].label).toBe('双高计划');
    expect(complete('shuanggao', starter())[0].label).toBe('双高计划');
    const r = completionsAt('学校 sgjh', 7, starter());
    expect([r.offset, r.length]).toEqual([3, 4]);
  });

  it('never offers outdated terms or terms coined after the document date', () => {
    expect(complete('高职', starter()).map((i) => i.label)).not.toContain('高职高专');
    expect(complete('高职', starter()).map((i) => i.label)).toContain('高职专科');
    expect(complete('高职', starter(), { asOf: '2020-01-01' }).map((i) => i.label)).not.toContain('高职专科');
  });

  it('returns nothing sensible for empty or odd positions without throwing', () => {
    expect(completionsAt('', 0, starter()).items).toEqual([]);
    const odd = completionsAt('abc', 99, starter());
    expect(odd.offset + odd.length).toBe(3);
  });
});

describe('termAt, explain, hover', () => {
  it('finds current, outdated and formulation entries under the cursor', () => {
    const text = '学校是高职高专，推进职普融通、产教融合、科教融汇，建设金课。';
    const at = (needle: string) => termAt(text, text.indexOf(needle) + 1, starter())?.entryId;
    expect(at('高职高专')).toBe('gaozhi-gaozhuan');
    expect(at('职普融通')).toBe('sanrong');
    expect(at('金课')).toBe('jinke');
    expect(termAt(text, 1, starter())).toBeUndefined();
    expect(termAt(text, 9999, starter())).toBeUndefined();
  });

  it('explains by id or wording and renders sources in hover Markdown', () => {
    const ex = explain('高职高专', starter());
    expect(ex?.entry.id).toBe('gaozhi-gaozhuan');
    expect(ex?.replacement?.id).toBe('gaozhi-zhuanke');
    const md = formatHoverMarkdown(ex!.entry, starter());
    expect(md).toContain('过时');
    expect(md).toContain('高职专科');
    expect(md).toContain('职业教育专业目录（2021年）');
    expect(explain('不存在的词', starter())).toBeUndefined();
  });
});
