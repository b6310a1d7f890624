// 叙述更名、升级、撤并本身的句子提到旧名不报；把旧名当作现行名称的句子照报。句子均为自拟。
import { describe, expect, it } from 'vitest';
import { lint, type Finding } from '../src/index';
import { createJiebaSegmenter, loadGlossary } from '../src/node/index';
import { describesChange } from '../src/rules/change-narration';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const outdated = (text: string): Finding[] =>
  lint(text, glossary, { language: 'plaintext', asOf: '2026-06-01', segmenter }).filter((f) => f.ruleId === 'outdated-term');

const at = (text: string, term: string) => {
  const s = text.indexOf(term);
  return describesChange(text, 0, text.length, s, s + term.length);
};

describe('change narration', () => {
  it('recognizes the ways a change is told', () => {
    expect(at('2024年，由全国职业院校技能大赛升级为世界职业院校技能大赛。', '全国职业院校技能大赛')).toBe(true);
    expect(at('全国职业院校技能大赛已正式升级为世界职业院校技能大赛。', '全国职业院校技能大赛')).toBe(true);
    expect(at('组建生态环境部，不再保留环境保护部。', '环境保护部')).toBe(true);
    expect(at('“高职高专”改称“高职专科”。', '高职高专')).toBe(true);
    expect(at('39所省级广播电视大学已统一更名为地方开放大学。', '广播电视大学')).toBe(true);
    expect(at('学院组织学生参加全国职业院校技能大赛。', '全国职业院校技能大赛')).toBe(false);
    expect(at('由高职高专院校牵头组建联盟。', '高职高专')).toBe(false);
  });

  it('an old name in a sentence about its renaming is not flagged; the same name used as current is', () => {
    expect(outdated('全国职业院校技能大赛升级为世界职业院校技能大赛，赛事规模进一步扩大。')).toEqual([]);
    expect(outdated('学院今年组织学生参加全国职业院校技能大赛，获一等奖两项。').map((f) => f.termId)).toContain('quanguo-zhiye-yuanxiao-jineng-dasai');
  });
});
