// 书名号里套的书名号：公文写〈〉，网页标题常写《》，比对时同等。
import { describe, expect, it } from 'vitest';
import { titleKey } from '../src/rules/documents';

describe('title key', () => {
  it('treats nested 〈〉 and 《》 alike, ignores spaces, 顿号 and dash styles between years', () => {
    expect(titleKey('教育部关于印发〈全国职业院校教师教学创新团队建设方案〉的通知')).toBe(titleKey('教育部关于印发《全国职业院校教师教学创新团队建设方案》的通知'));
    expect(titleKey('教育强国建设规划纲要（2024-2035年）')).toBe(titleKey('教育强国建设规划纲要（2024—2035年）'));
    expect(titleKey('中共中央 国务院关于')).toBe(titleKey('中共中央国务院关于'));
    expect(titleKey('中共中央、国务院关于')).toBe(titleKey('中共中央 国务院关于'));
  });
});
