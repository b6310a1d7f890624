// 文件目录里的两类“另一份文件”：修订过的法律（写首次颁布的年份不是错）与只差届次、全会、规划期数目的同名文件（不是误引）。
import { describe, expect, it } from 'vitest';
import { createGlossary, lint, parseDictionary, type Glossary } from '../src/index';

const YAML = `meta:
  name: 文件目录测试
  version: 1.0.0
entries: []
documents:
  - id: zhiye-jiaoyu-fa
    title: 中华人民共和国职业教育法
    issuer: 全国人民代表大会常务委员会
    date: '2022-04-20'
    earlier: ['1996-05-15']
  - id: jiating-jiaoyu-cujin-fa
    title: 中华人民共和国家庭教育促进法
    issuer: 全国人民代表大会常务委员会
    date: '2021-10-23'
  - id: gaozhiliang-yijian
    title: 关于推动现代职业教育高质量发展的意见
    issuer: 中共中央办公厅、国务院办公厅
    date: '2021-10-12'
  - id: guanshui-fa
    title: 中华人民共和国关税法
    issuer: 全国人民代表大会常务委员会
    date: '2024-04-26'
  - id: shiyijie-jigou-gaige-jueding
    title: 第十一届全国人民代表大会第一次会议关于国务院机构改革方案的决定
    issuer: 第十一届全国人民代表大会第一次会议
    date: '2008-03-15'
`;

let glossary: Glossary | undefined;
function docs(): Glossary {
  if (!glossary) {
    const r = parseDictionary(YAML, 'docs.yaml', 'builtin');
    if (!r.dictionary) throw new Error(JSON.stringify(r.diagnostics));
    glossary = createGlossary([r.dictionary]).glossary;
  }
  return glossary;
}

const findings = (text: string) => lint(text, docs(), { asOf: '2026-06-01' }).map((f) => ({ rule: f.ruleId, matched: text.slice(f.offset, f.offset + f.length), message: f.message }));

describe('document years and versions', () => {
  it('accepts the year of an earlier version listed in earlier, and still reports a year that matches no version', () => {
    expect(findings('1996年颁布的《中华人民共和国职业教育法》是我国第一部职业教育法律。')).toEqual([]);
    expect(findings('2022年颁布《中华人民共和国职业教育法》。')).toEqual([]);
    const wrong = findings('2019年颁布《中华人民共和国职业教育法》。');
    expect(wrong).toHaveLength(1);
    expect(wrong[0].matched).toBe('2019年');
    expect(wrong[0].message).toContain('1996-05-15、2022-04-20');
  });

  it('does not report an earlier year for a law whose earlier versions are not listed, but reports a later one', () => {
    expect(findings('2015年颁布《中华人民共和国家庭教育促进法》。')).toEqual([]);
    expect(findings('2023年颁布《中华人民共和国家庭教育促进法》。')).toHaveLength(1);
  });

  it('reports a wrong year for a document that is not a law or regulation', () => {
    expect(findings('2019年，中办、国办印发《关于推动现代职业教育高质量发展的意见》。')).toHaveLength(1);
  });
});

describe('titles that differ only in a session, plenum or plan number', () => {
  it('are another document, not a misquote', () => {
    expect(findings('《第十届全国人民代表大会第一次会议关于国务院机构改革方案的决定》')).toEqual([]);
    expect(findings('《第十二届全国人民代表大会第一次会议关于国务院机构改革方案的决定》')).toEqual([]);
  });

  it('while a one-character slip elsewhere in the title is still a misquote', () => {
    const r = findings('《第十一届全国人民代表大会第一次会议关于国务院机构改革方案的决议》');
    expect(r.map((f) => f.rule)).toEqual(['misquote']);
  });
});

describe('law names', () => {
  it('one character changed is another law (契税法 is not a misquote of 关税法); a dropped character is still a misquote', () => {
    expect(findings('学院依据《中华人民共和国契税法》申请减免。')).toEqual([]);
    expect(findings('《中华人民共和国关税》').map((f) => f.rule)).toEqual(['misquote']);
  });
});
