// 语境：分句范围、语境词组、说法（framing）、误引的边界、起止年份、文档日期。句子均为自拟。
import { describe, expect, it } from 'vitest';
import { lint, documentDateOf, parseDate, termAt, formatHoverMarkdown, type Finding, type LintOptions } from '../src/index';
import { createJiebaSegmenter, loadGlossary } from '../src/node/index';
import { clauseAt } from '../src/rules/clause';
import { findYears, findYearRanges } from '../src/text/years';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const run = (text: string, options: LintOptions = {}): Finding[] =>
  lint(text, glossary, { language: 'plaintext', asOf: '2026-06-01', segmenter, ...options });
const ids = (text: string, options: LintOptions = {}) =>
  run(text, options)
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.ruleId}:${f.termId}`);

describe('clause scope', () => {
  it('splits at ，；： but keeps enumerations and short quotes whole', () => {
    const t = '学院今年招生三千人,“十四五”期间,学院将建设、改造实训室;其余不变。';
    const s = t.indexOf('十四五');
    const c = clauseAt(t, { start: 0, end: t.length }, s, s + 3);
    expect(t.slice(c.own.start, c.own.end)).toBe('“十四五”期间');
    // 只剩话题的分句连上后一分句，顿号列举不切
    expect(t.slice(c.start, c.end)).toBe('“十四五”期间,学院将建设、改造实训室');
  });

  it('an ended plan in 《》 written as the guide of current work (以《……》为指导) is reported', () => {
    expect(ids('2026年，学院坚持以《国家中长期教育改革和发展规划纲要（2010—2020年）》为指导，推进内涵建设。')).toContain('outdated-term:guojia-zhongchangqi-jiaoyu-guihua-gangyao');
    expect(ids('学院以《国家中长期教育改革和发展规划纲要（2010—2020年）》颁布为契机，推进改革。')).toEqual([]);
  });

  it('a year inside a document title is part of its name, not the time the sentence narrates', () => {
    const issued = '2014年6月，教育部、国家发展改革委、财政部、人力资源社会保障部、农业部、国务院扶贫办印发《现代职业教育体系建设规划（2014—2020年）》。';
    expect(ids(issued)).toEqual([]);
    expect(ids('学院与农业部门合作，落实农业部部署的《现代职业教育体系建设规划（2014—2020年）》。')).toContain('outdated-term:nongyebu');
  });

  it('a form that adds a character or two around an outdated name keeps them in the suggestion, unless the replacement is a rewording', () => {
    const sug = (text: string) => run(text).find((f) => f.ruleId === 'outdated-term')?.suggestions;
    expect(sug('学生顶岗实习期间表现良好。')).toEqual(['岗位实习期']);
    expect(sug('学院修订了毕业顶岗实习管理办法。')).toEqual(['毕业岗位实习']);
    expect(sug('我校是一所高职高专院校。')?.[0]).toBe('高职专科院校');
    // 口号式的替换整句改写，不拼接“决战”
    const slogan = sug('学院上下凝心聚力，决战决胜全面建成小康社会。');
    expect(slogan?.length).toBeGreaterThan(0);
    expect(slogan?.every((t) => !t.startsWith('决战'))).toBe(true);
  });

  it('a year in another clause does not make the term historical', () => {
    expect(ids('我校是一所高职高专院校，始建于1958年。')).toContain('outdated-term:gaozhi-gaozhuan');
    expect(ids('2018年，我校入选省级高职高专院校评估优秀单位。')).not.toContain('outdated-term:gaozhi-gaozhuan');
  });

  it('an exclude word in another clause does not win over the future cue', () => {
    expect(ids('“十三五”期间，学校将继续巩固精准扶贫成果。')).toContain('outdated-term:shisanwu');
    expect(ids('“十三五”期间，学校精准扶贫成果丰硕。')).not.toContain('outdated-term:shisanwu');
  });

  it('cue sets found next to the term (部门, 鉴定所) and clause-wide', () => {
    expect(ids('当地国土资源部门为学院提供实习岗位。')).toEqual([]);
    expect(ids('学院设有职业技能鉴定所。')).toEqual([]);
    expect(ids('学院组织学生参加职业技能鉴定，鉴定所设在实训楼。')).toContain('outdated-term:zhiye-jineng-jianding');
  });

  it('a reform text that abolishes or merges a body (不再保留, 职责整合) is not current use of the old name', () => {
    expect(ids('不再保留国家测绘地理信息局。')).toEqual([]);
    expect(ids('将国家林业局的职责整合，组建国家林业和草原局。')).toEqual([]);
    expect(ids('学院林业技术专业对接国家林业局发布的行业标准。')).toContain('outdated-term:guojia-linye-ju');
  });

  it('a numbered session (第×次会议) names one past meeting of a renamed body', () => {
    expect(ids('中央全面深化改革领导小组第三十次会议审议通过了有关文件。')).toEqual([]);
    expect(ids('学院认真学习中央全面深化改革领导小组审议通过的文件。')).toContain(
      'outdated-term:zhongyang-quanmian-shenhua-gaige-lingdao-xiaozu',
    );
  });
});

describe('temporal stance in titles and programmes', () => {
  it('an expired plan in 《》 after an ongoing verb is outdated; a mention is not', () => {
    expect(ids('学院认真落实《职业教育提质培优行动计划（2020—2023年）》，推动内涵发展。')).toContain(
      'outdated-term:tizhi-peiyou-xingdong-jihua-2020-2023',
    );
    expect(ids('《职业教育提质培优行动计划（2020—2023年）》提出了十项重点任务。')).toEqual([]);
    expect(ids('学院认真落实《职业教育提质培优行动计划（2020—2023年）》。', { asOf: '2022-05-01' })).toEqual([]);
  });

  it('服务“十四五”规划 in a 2026 application is outdated, retrospective sentences are not', () => {
    expect(ids('项目紧密服务“十四五”规划。')).toContain('outdated-term:shisiwu');
    expect(ids('“十四五”期间学院累计培养毕业生两万人。')).toEqual([]);
    expect(ids('“十四五”末，学院在校生规模达到两万人。')).toEqual([]);
  });

  it('suggests the period current at the document date', () => {
    const f = run('学院正在实施“十三五”事业发展规划。', { asOf: '2022-03-01' }).find((x) => x.termId === 'shisanwu');
    expect(f?.suggestions).toEqual(['十四五']);
  });
});

describe('framings', () => {
  const flagged = [
    '职业教育是一种层次较低的教育。',
    '在一些家长眼里，职业学校被当作低层次的教育。',
    '长期以来，职业教育被视为低一层次的教育。',
    '中职学校被定位为较低层次的教育，招生困难。',
    '职业教育，在很多人看来属于层次较低的教育。',
  ];
  const passed = [
    '不能把职业教育视为低层次教育。',
    '职业教育不是层次较低的教育，而是一种类型教育。',
    '要扭转把职业教育看作低层次的教育的偏见。',
    '学院统筹推进不同层次的教育协调发展。',
    '本科层次职业教育试点稳步推进。',
  ];
  it.each(flagged)('flags %s', (t) => expect(ids(t).some((x) => /cengci-jiaoyu|putong-jiaoyu-buchong/.test(x))).toBe(true));
  it.each(passed)('passes %s', (t) => expect(ids(t)).toEqual([]));
});

describe('misquote semantics', () => {
  it('compound use and punctuation-only differences are not misquotes', () => {
    expect(ids('学院推进教育科技人才体制机制一体改革。')).toEqual([]);
    expect(ids('学院一体推进教育科技人才发展。')).toEqual([]);
    expect(ids('学校坚持培养德、智、体、美、劳全面发展的社会主义建设者和接班人。')).toEqual([]);
  });

  it('quoted wording errors are errors, unquoted ones warnings, attributed quotes are not auto-fixed', () => {
    const quoted = run('会议要求“统筹推进教育、科学、人才一体改革”。').find((f) => f.ruleId === 'misquote');
    const prose = run('学院统筹推进教育、科学、人才一体改革。').find((f) => f.ruleId === 'misquote');
    expect(quoted?.severity).toBe('error');
    expect(prose?.severity).toBe('warning');
    const said = run('总书记在讲话中强调：“培养德智体美劳全面发展的社会主义建设着和接班人。”').find((f) => f.ruleId === 'misquote');
    expect(said).toBeDefined();
    expect(said!.fixes.every((x) => !x.safe)).toBe(true);
  });
});

describe('wrong years', () => {
  it('recognizes years in every form', () => {
    expect(findYears('二〇二六年和2025年').map((y) => y.year)).toEqual([2026, 2025]);
    const ranges = ['2026—2030', '2026-2030', '2026~2030', '二〇二六—二〇三〇', '2026年至2030'].map((t) => findYearRanges(t)[0]);
    expect(ranges.map((r) => [r.from.year, r.to.year])).toEqual(Array(5).fill([2026, 2030]));
  });

  it.each([
    ['“十三五”规划（2021—2025年）', '2016—2020'],
    ['首轮“双高计划”（2020～2024年）', '2019～2023'],
    ['“十四五”时期（二〇二〇—二〇二四年）', '二〇二一—二〇二五'],
    ['“十五五”规划（2025-2029年）', '2026-2030'],
  ])('%s → %s', (text, fix) => {
    const f = run(`${text}的任务已经完成。`).find((x) => x.ruleId === 'wrong-years');
    expect(f?.severity).toBe('error');
    expect(f?.suggestions).toEqual([fix]);
  });

  it('correct years pass', () => {
    expect(run('“十四五”时期（2021—2025年），学院累计培养一万人。').filter((f) => f.ruleId === 'wrong-years')).toEqual([]);
  });
});

describe('document date', () => {
  it.each(['2026-06-01', '2026/06/01', '2026.06.01', '2026年6月1日', '二〇二六年六月一日', '2026-6-1'])('parses %s', (d) =>
    expect(parseDate(d)).toBe('2026-06-01'),
  );

  it('front matter date wins, an unrecognized one is a warning on its line', () => {
    expect(documentDateOf('---\ndate: 2026/06/01\n---\n正文', { asOf: '2020-01-01' })).toMatchObject({ date: '2026-06-01', source: 'front-matter', line: 2 });
    const bad = lint('---\ndate: 明年春天\n---\n正文。', glossary, { asOf: '2025-01-01' });
    expect(bad.map((f) => [f.ruleId, f.severity, f.matched])).toEqual([['document-date', 'warning', '明年春天']]);
  });

  it('uses the 成文日期 on one of the last lines when there is no front matter', () => {
    const text = '关于做好年度工作的通知\n\n“十四五”期间，学院将新建两个实训基地。\n\n某某职业技术学院\n二〇二六年三月五日\n';
    expect(documentDateOf(text, { language: 'plaintext' })).toMatchObject({ date: '2026-03-05', source: 'signature', line: 6 });
    expect(lint(text, glossary, { language: 'plaintext', asOf: '2024-01-01', segmenter }).map((f) => f.termId)).toContain('shisiwu');
    const hit = termAt(text, text.indexOf('十四五') + 1, glossary, { language: 'plaintext' });
    expect(formatHoverMarkdown(hit!.entry, glossary, hit!.documentDate)).toContain('2026-03-05（落款的成文日期，第 6 行）');
  });
});

describe('document titles and numbers', () => {
  const docs = (t: string) => run(t).filter((f) => f.ruleId !== 'outdated-term').map((f) => [f.ruleId, f.severity, f.matched, f.suggestions[0]]);
  it('an exact title passes, a near title is a misquote with the exact title', () => {
    expect(docs('学院深入贯彻《国家职业教育改革实施方案》。')).toEqual([]);
    expect(docs('学院落实《关于推进现代职业教育高质量发展的意见》。')).toEqual([
      ['misquote', 'error', '关于推进现代职业教育高质量发展的意见', '关于推动现代职业教育高质量发展的意见'],
    ]);
    expect(docs('学院落实《关于推动现代职业教育高质量发展意见》。')[0]?.[3]).toBe('关于推动现代职业教育高质量发展的意见');
    expect(docs('学院研读《职业教育提质培优行动计划（2021—2023年）》。')).toEqual([
      ['misquote', 'error', '职业教育提质培优行动计划（2021—2023年）', '职业教育提质培优行动计划（2020—2023年）'],
    ]);
  });

  it('a title not in the list, or a derived document, is left alone', () => {
    expect(docs('学院制定《关于推动现代职业教育高质量发展的实施意见》。')).toEqual([]);
    expect(docs('学院印发《学院教学管理办法》。')).toEqual([]);
  });

  it('document numbers: brackets around the year are a variant, a wrong number is an error', () => {
    expect(docs('学院贯彻《国家职业教育改革实施方案》（国发[2019]4号）。')).toEqual([['variant', 'warning', '[2019]', '〔2019〕']]);
    expect(docs('根据通知（教职成【2020】7号）要求。')).toEqual([['variant', 'warning', '【2020】', '〔2020〕']]);
    expect(docs('学院贯彻《国家职业教育改革实施方案》（国发〔2019〕5号）。')).toEqual([['document-number', 'error', '国发〔2019〕5号', '国发〔2019〕4号']]);
    expect(docs('学院贯彻《国家职业教育改革实施方案》（国发〔2019〕4号）。')).toEqual([]);
  });

  it('hover shows issuer, date, number; completion after 《 offers titles', async () => {
    const { documentAt, formatDocumentHover, completionsAt } = await import('../src/index');
    const t = '学院贯彻《国家职业教育改革实施方案》。';
    const hover = formatDocumentHover(documentAt(t, 8, glossary)!);
    expect(hover).toContain('国务院');
    expect(hover).toContain('国发〔2019〕4号');
    const c = completionsAt('学院贯彻《国家职业', 9, glossary);
    expect(c.items[0].label).toBe('国家职业教育改革实施方案');
    expect(c.offset).toBe(5);
  });
});

describe('document titles: spacing and dashes are not misquotes', () => {
  it.each(['《中共中央国务院关于全面深化新时代教师队伍建设改革的意见》', '《职业技能提升行动方案（2019-2021年）》', '《职业技能提升行动方案(2019～2021年)》'])('%s', (t) =>
    expect(run(`学院认真学习${t}。`).filter((f) => f.ruleId === 'misquote')).toEqual([]),
  );
});

describe('years need 年 or a range', () => {
  it('a list number like 2019. is not a year', () => {
    expect(ids('2019. 某某职业技术学院（高职高专）')).toContain('outdated-term:gaozhi-gaozhuan');
    expect(ids('2019年某某职业技术学院（高职高专）通过评估。')).not.toContain('outdated-term:gaozhi-gaozhuan');
  });
});
