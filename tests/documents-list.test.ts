// 国家文件目录（dictionaries/documents/*.yaml）的门槛：加载真实目录，检查数量、重复、日期与文号格式，
// 并用真实引擎确认：逐字引用每个标题不报任何问题，改掉一个字的标题恰好报一条误引、修复为该标题。
import { describe, expect, it } from 'vitest';
import { lint } from '@tifa/core';
import { createJiebaSegmenter, loadGlossary } from '@tifa/core/node';
import { titleKey } from '../packages/core/src/rules/documents';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const docs = glossary.documents;
const check = (text: string) => lint(text, glossary, { segmenter });
/** 书名号里的标题：标题自身带的《》（印发《…》的通知）照公文写法改成〈〉。 */
const quote = (title: string) => `《${title.replace(/《/g, '〈').replace(/》/g, '〉')}》`;

/** 改掉一个字的近似标题：删去正中附近的一个汉字（不碰数字与标点）。 */
function nearMiss(title: string): string | undefined {
  const chars = [...title];
  const mid = Math.floor(chars.length / 2);
  for (let d = 0; d < chars.length; d++) {
    for (const i of [mid + d, mid - d]) {
      if (i > 0 && i < chars.length - 1 && /[\u4e00-\u9fff]/.test(chars[i])) return [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
    }
  }
  return undefined;
}

describe('national documents list', () => {
  it('holds at least 120 distinct titles and no title twice', () => {
    const keys = docs.map((d) => titleKey(d.title));
    const seen = new Set<string>();
    const dups = keys.filter((k) => (seen.has(k) ? true : (seen.add(k), false)));
    expect(dups).toEqual([]);
    expect(seen.size).toBeGreaterThanOrEqual(120);
  });

  it('writes every date as ISO (YYYY, YYYY-MM or YYYY-MM-DD) and every number with 〔〕 around the year', () => {
    const badDates = docs.filter((d) => d.date !== undefined && !/^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(d.date));
    expect(badDates.map((d) => `${d.id}: ${d.date}`)).toEqual([]);
    const badNumbers = docs.filter((d) => d.number !== undefined && !/^[^\s〔〕]+〔(19|20)\d{2}〕[1-9]\d*号$/.test(d.number));
    expect(badNumbers.map((d) => `${d.id}: ${d.number}`)).toEqual([]);
  });

  it('an exact title in 《》 gives no finding, with or without its number', () => {
    const report: string[] = [];
    for (const d of docs) {
      for (const text of [`文件汇编收录了${quote(d.title)}。`, d.number ? `文件汇编收录了${quote(d.title)}（${d.number}）。` : undefined]) {
        if (!text) continue;
        for (const f of check(text)) report.push(`${d.id}: ${text} → ${f.ruleId} ${f.message}`);
      }
    }
    expect(report).toEqual([]);
  });

  it('a title with one character dropped is one misquote whose fix is the exact title', () => {
    const report: string[] = [];
    let tried = 0;
    for (const d of docs) {
      const near = nearMiss(d.title);
      if (!near || titleKey(near).length < 8) continue;
      tried++;
      const findings = check(`文件汇编收录了${quote(near)}。`);
      const ok = findings.length === 1 && findings[0].ruleId === 'misquote' && findings[0].suggestions[0] === d.title;
      if (!ok) report.push(`${d.id}: 《${near}》 → ${findings.map((f) => `${f.ruleId} ${f.suggestions.join('/')}`).join('; ') || '无'}`);
    }
    expect(report).toEqual([]);
    expect(tried).toBeGreaterThanOrEqual(110);
  });

  it('a title written with a glossary short form (思政课 for 思想政治理论课) is a misquote whose fix is the exact title', () => {
    const title = '关于深化新时代学校思想政治理论课改革创新的若干意见';
    expect(docs.some((d) => d.title === title)).toBe(true);
    const findings = check('学院认真落实《关于深化新时代学校思政课改革创新的若干意见》。');
    expect(findings.map((f) => [f.ruleId, f.suggestions[0]])).toEqual([['misquote', title]]);
  });

  it('a central issuer or a year written before “印发《……》” that contradicts the list is a warning without a fix', () => {
    const issues = (text: string) => check(text).filter((f) => f.ruleId === 'misquote').map((f) => [f.severity, f.matched, f.fixes.length]);
    // 目录：中共中央办公厅、国务院办公厅，2021-10
    expect(issues('2021年10月，中共中央、国务院印发《关于推动现代职业教育高质量发展的意见》。')).toEqual([['warning', '中共中央、国务院', 0]]);
    expect(issues('2021年10月，中共中央办公厅、国务院办公厅印发《关于推动现代职业教育高质量发展的意见》。')).toEqual([]);
    expect(issues('2021年，中办、国办印发了《关于推动现代职业教育高质量发展的意见》。')).toEqual([]);
    // 只写了联合发文的一方：不算写错
    expect(issues('学院认真学习国务院办公厅印发的《关于推动现代职业教育高质量发展的意见》。')).toEqual([]);
    // 目录：2020-10
    expect(issues('2021年印发的《关于全面加强和改进新时代学校美育工作的意见》要求开齐开足美育课程。')).toEqual([['warning', '2021年', 0]]);
    expect(issues('2020年印发的《关于全面加强和改进新时代学校美育工作的意见》要求开齐开足美育课程。')).toEqual([]);
    // 年份说的是学院的事，不紧挨着“印发”：不核对
    expect(issues('2021年，学院对照《关于全面加强和改进新时代学校美育工作的意见》完善了美育课程。')).toEqual([]);
  });

  it('wrong years in a title’s parentheses are a misquote with the listed years as fix', () => {
    const dated = docs.filter((d) => /（\d{4}—\d{4}年）/.test(d.title));
    expect(dated.length).toBeGreaterThanOrEqual(10);
    for (const d of dated) {
      const wrong = d.title.replace(/（(\d{4})—(\d{4})年）/, (_, a: string, b: string) => `（${Number(a) + 1}—${Number(b) + 1}年）`);
      const findings = check(`文件汇编收录了${quote(wrong)}。`);
      expect(findings.map((f) => `${f.ruleId} ${f.suggestions[0]}`), d.id).toEqual([`misquote ${d.title}`]);
    }
  });

  it('a yearly title of another year is another document, not a misquote of the listed year', () => {
    // 目录里有 2024 年的活动周通知与 2025 年的大赛方案；别的年份是另一份文件（不在目录里就不核对）
    expect(docs.some((d) => d.title === '教育部等十部门关于办好2024年职业教育活动周的通知')).toBe(true);
    expect(check('学校认真学习《教育部等十部门关于办好2025年职业教育活动周的通知》。')).toEqual([]);
    expect(check('学校组织学习《2024年世界职业院校技能大赛实施方案》。')).toEqual([]);
    // 同一年份里改了字，仍是误引
    const f = check('学校认真学习《教育部等十部门关于做好2024年职业教育活动周的通知》。');
    expect(f.map((x) => `${x.ruleId} ${x.suggestions[0]}`)).toEqual(['misquote 教育部等十部门关于办好2024年职业教育活动周的通知']);
  });

  it('a number that contradicts the listed one is a document-number error', () => {
    const d = docs.find((x) => x.id === 'guowuyuan-bangongting-xinshidai-tuijin-putong-gaozhong-yuren-fangshi-gaige-zhidao-yijian')!;
    expect(d.number).toBe('国办发〔2019〕29号');
    const findings = check(`文件汇编收录了${quote(d.title)}（国办发〔2019〕28号）。`);
    expect(findings.map((f) => f.ruleId)).toEqual(['document-number']);
  });

  it('a number’s year in [ ] after a Chinese issuer is a variant, after a Latin letter or digit it is not, and a rejected one does not hide the next', () => {
    const variants = (text: string) => check(text).filter((f) => f.ruleId === 'variant' && f.termId === 'document-number').map((f) => text.slice(f.offset, f.offset + f.length));
    expect(variants('依据教职成 [2019] 13号文件')).toEqual(['[2019]']);
    expect(variants('见附件 A(2019)13号')).toEqual([]);
    // 前一个不算文号（前面是字母），紧接着的一个算：逐位置试的后行断言与逐个核对前字的结果相同
    expect(variants('A(2019)13号与教职成[2020]7号')).toEqual(['[2020]']);
  });
});

