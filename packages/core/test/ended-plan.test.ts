// ended-plan：名称里自带起止年份、实施期已结束的计划被写成当前或将来的工作。用真实词表跑整个引擎（句子为自拟）。
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index';
import { createJiebaSegmenter, loadGlossary } from '../src/node/index';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const endedPlans = (text: string, asOf = '2026-06-01') =>
  lint(text, glossary, { language: 'plaintext', asOf, segmenter })
    .filter((f) => f.ruleId === 'ended-plan')
    .map((f) => text.slice(f.offset, f.offset + f.length));

describe('ended-plan', () => {
  it('flags a plan whose own years have ended when the clause makes it current or future work', () => {
    expect(endedPlans('学院将深入实施教师教育振兴行动计划（2018—2022年）。')).toEqual(['教师教育振兴行动计划（2018—2022年）']);
    expect(endedPlans('学院继续实施乡村教师支持计划（2015-2020年），培训乡村教师。')).toEqual(['乡村教师支持计划（2015-2020年）']);
    expect(endedPlans('学院将认真落实《乡村教师支持计划（2015—2020年）》。')).toEqual(['《乡村教师支持计划（2015—2020年）》']);
  });

  it('leaves alone plans still running, history, neutral mentions, and plans the glossary knows', () => {
    expect(endedPlans('学院将深入实施教师教育振兴行动计划（2018—2022年）。', '2022-03-01')).toEqual([]);
    expect(endedPlans('2019年，学院实施教师教育振兴行动计划（2018—2022年），培训教师500人。')).toEqual([]);
    expect(endedPlans('教师教育振兴行动计划（2018—2022年）实施以来，学院教师队伍明显加强。')).toEqual([]);
    expect(endedPlans('学院将实施新一轮发展规划（2026—2030年）。')).toEqual([]);
    expect(endedPlans('《乡村教师支持计划（2015—2020年）》提出了八项举措。')).toEqual([]);
    // 词表里的计划由 outdated-term 报，不重复
    expect(endedPlans('学院认真落实《职业教育提质培优行动计划（2020—2023年）》。')).toEqual([]);
  });

  it('can be turned off', () => {
    const text = '学院将深入实施教师教育振兴行动计划（2018—2022年）。';
    expect(lint(text, glossary, { language: 'plaintext', asOf: '2026-06-01', segmenter, rules: { 'ended-plan': 'off' } }).filter((f) => f.ruleId === 'ended-plan')).toEqual([]);
  });
});
