import { describe, expect, it } from 'vitest';
import { applyFixes, lint } from '../src/index';
import { check, segmenter, starter, unmark } from './helpers';

describe('outdated-term', () => {
  it('flags outdated wording with the current wording as fix, through traditional and split lines', () => {
    const [f] = check('学校是一所«高职高专»，也称«高职高专院校»。');
    expect(f.ruleId).toBe('outdated-term');
    expect(f.suggestions).toEqual(['高职专科', '高等职业学校']);
    expect(f.deprecated).toBe(true);
    expect(f.message).toContain('高职专科');
    check('学校是一所«高職高專»。');
    check('学校是一所«高职\n  高专»。', { language: 'plaintext' });
  });

  it('respects asOf: documents dated before the change are not flagged', () => {
    check('学校是一所高职高专。', { asOf: '2019-06-01' });
    check('---\ndate: 2019-06-01\n---\n学校是一所高职高专。');
    check('---\ndate: 2024-06-01\n---\n学校是一所«高职高专»。', { asOf: '2019-01-01' });
  });

  it('applies context.require and context.exclude per sentence', () => {
    check('中职学校坚持«以就业为导向»。');
    check('高职院校坚持以就业为导向。中职学校坚持升学与就业并重。');
    check('学校将争创«示范校»。');
    check('学校是示范校。');
  });

  it('does not flag historical mentions or titles in 《》', () => {
    check('2006年启动的示范校建设成效显著。');
    check('学校原为示范校建设单位。');
    check('学习《关于高职高专教育的若干意见》。');
  });

  it('suggests nothing a document of that date could not know', () => {
    // 替代词“高职专科”2021 年才有：2020 年文档不建议它，但“高等职业学校”一直都有
    const text = '学校是一所高职高专。';
    expect(lint(text, starter(), { asOf: '2020-01-01' })).toEqual([]);
  });
});

describe('word boundaries', () => {
  it('ignores terms inside longer everyday words', () => {
    // 这些都是现行术语的形近词，不应产生任何发现；同时确认分词真的在起作用
    const g = starter();
    for (const s of ['本校承担资金课题三项。', '街口新开了一家五金店。', '车间采购了一批五金件。']) expect(lint(s, g, { segmenter: segmenter() })).toEqual([]);
  });
});

describe('variant', () => {
  it('flags non-canonical spellings and case-only differences', () => {
    const [a] = check('稳妥推进«1+x证书制度»。');
    expect(a.ruleId).toBe('variant');
    expect(a.suggestions).toEqual(['1+X证书制度']);
    check('稳妥推进«１＋ｘ证书制度»。');
    check('稳妥推进１＋Ｘ证书制度。');
    const [b] = check('我市组建«市域产教融合联合体»。');
    expect(b.fixes[0].edits[0].newText).toBe('市域产教联合体');
  });
});

describe('misquote', () => {
  it('flags substituted, reordered and missing items, not exact or partial quotes', () => {
    expect(check('学校推进«职普融合、产教融合、科教融汇»。')[0].ruleId).toBe('misquote');
    check('学校推进«产教融合、职普融通、科教融汇»。');
    check('大力弘扬«劳动精神、奋斗精神、工匠精神»。');
    check('打造«引领改革、支撑发展、中国特色»的学校。');
    check('职业教育«前景广阔、大有可为»。');
    // 每项各错一个字、且次序打乱
    check('各校坚持«科教融汇、产教融和、职普融合»的方向。');
    check('学校推进职普融通、产教融合、科教融汇。');
    check('学校推进“职普融通，产教融合，科教融汇”。');
    check('学校深化产教融合、校企合作。');
    check('弘扬劳模精神、劳动精神、工匠精神和科学家精神。');
    check('打造引领改革、支撑发展、中国特色、世界水平的学校。');
    check('这一行业前景广阔。');
  });

  it('does not let the first item swallow the words before it, nor split on 和', () => {
    check('学院培养了一批技术技能人才和大国工匠、能工巧匠。');
    check('培养一批技术技能人才、能工巧匠、大国工匠。');
    check('培养更多高素质技术技能人才、能工巧匠、«大国巧匠»。'.replace('«', '').replace('»', ''), { rules: { misquote: 'off' } });
  });

  it('compares a quotation as a whole: the quotation marks fix both ends, so one more difference is tolerated', () => {
    // 三个字不同：句中逐字比对容两个字，引号恰好括住的整段引语容三个
    expect(check('学校坚持“«职普互通产教结合科教融汇»”的方向。')[0].ruleId).toBe('misquote');
    check('学校坚持职普互通产教结合科教融汇的方向。');
    // 引号里还有别的话：不是整段引语
    check('他写下“职普互通产教结合科教融汇是我们的方向”。');
  });

  it('catches words swapped between items', () => {
    check('学校以«办学能力高质量、产教融合高水平»为目标。');
  });

  it('flags near-misses of long official names, not the names themselves', () => {
    const [f] = check('学院牵头组建«行业产教共同体»。');
    expect(f.ruleId).toBe('variant');
    expect(f.suggestions).toEqual(['行业产教融合共同体']);
    check('学院牵头组建行业产教融合共同体。行业产教融合共同体建设进展顺利。');
    // 名称中间加了引号：只差标点
    check('学院牵头组建“行业产教融合”共同体。');
    // 只多了结构助词“的”：语法上的写法（职业教育法第三十三条“实施本科层次的职业教育”）
    check('学院牵头组建行业产教融合的共同体。');
    check('经批准，学校可以实施本科层次的职业教育。');
    // 名称中间整段插入一个词：把名称说得更完整（“十四五”规划纲要“增强职业技术教育适应性”），不是误写
    check('增强职业技术教育适应性，突出职业技术（技工）教育类型特色。');
  });

  it('in a long name, a same-sound character is a typo; a word swapped for a word that sounds different is other wording', () => {
    expect(check('学院牵头组建«行业产教熔合共同体»。')[0].ruleId).toBe('variant');
    check('学院牵头组建行业产教联合共同体。');
  });

  it('a 4–6 character term with one same-sound character is a typo, unless the span cuts a word or the character belongs to the next words', () => {
    const [f] = check('学校是一所«高职专课»学校。');
    expect(f.ruleId).toBe('variant');
    expect(f.suggestions).toEqual(['高职专科']);
    // “专可”截断了“可以”：片段的末端不在词边界上
    check('读完高职专可以再读本科。');
    // 不同音的字不算
    check('学校是一所高职专业学校。');
  });

  it('a 4–6 character term with one similar-shape character is a typo too', () => {
    const [f] = check('学院开办«高识专科»教育。');
    expect(f.ruleId).toBe('variant');
    expect(f.suggestions).toEqual(['高职专科']);
  });

  it('a misquote fix restores the exact wording', () => {
    const { text } = unmark('推进职普融合、产教融合、科教融汇。');
    const out = applyFixes(text, lint(text, starter()));
    expect(out.text).toBe('推进职普融通、产教融合、科教融汇。');
  });
});

describe('first-mention', () => {
  it('asks for the full name at first use only', () => {
    const [f] = check('«双高计划»建设启动。双高计划成效显著。');
    expect(f.ruleId).toBe('first-mention');
    expect(f.severity).toBe('info');
    check('中国特色高水平高职学校和专业建设计划（以下简称“双高计划”）启动。双高计划成效显著。');
  });
});

describe('severity settings and allow-list', () => {
  it('rule and term settings override levels or turn findings off', () => {
    const text = '学校是一所高职高专。';
    expect(lint(text, starter())[0].severity).toBe('warning');
    expect(lint(text, starter(), { rules: { 'outdated-term': 'error' } })[0].severity).toBe('error');
    expect(lint(text, starter(), { terms: { 'gaozhi-gaozhuan': 'off' } })).toEqual([]);
    expect(lint(text, starter(), { allow: ['高职高专'] })).toEqual([]);
    expect(lint(text, starter(), { allow: ['gaozhi-gaozhuan'] })).toEqual([]);
  });
});

describe('suppression comments', () => {
  it('disables next line, a region, the rest of the file, optionally by id', () => {
    const md = [
      '<!-- tifa-disable-next-line -->',
      '高职高专一。',
      '高职高专二。',
      '<!-- tifa-disable variant -->',
      '高职高专三。1+x证书制度。',
      '<!-- tifa-enable variant -->',
      '1+x证书制度。',
      '<!-- tifa-disable gaozhi-gaozhuan -->',
      '高职高专四。',
    ].join('\n');
    const found = lint(md, starter(), { asOf: '2026-11-29' });
    expect(found.map((f) => f.matched)).toEqual(['高职高专', '高职高专', '1+x证书制度']);
    const lines = md.split('\n');
    expect(found.map((f) => md.slice(0, f.offset).split('\n').length - 1)).toEqual([2, 4, 6]);
    expect(lines[2]).toContain('二');
  });

  it('plain text directives sit on their own line', () => {
    const txt = '// tifa-disable-next-line\n高职高专一。\n高职高专二。';
    expect(lint(txt, starter(), { language: 'plaintext' }).length).toBe(1);
  });
});

describe('fixes', () => {
  it('applying all fixes is idempotent and never overlaps', () => {
    const text = '学校是高职高专，推进1+x证书制度，组建市域产教融合联合体，学校是高職高專。';
    const once = applyFixes(text, lint(text, starter()));
    expect(once.applied).toBe(4);
    const twice = applyFixes(once.text, lint(once.text, starter()));
    expect(twice.applied).toBe(0);
    expect(twice.text).toBe(once.text);
    expect(lint(once.text, starter())).toEqual([]);
  });

  it('does not auto-apply a fix that would drop Markdown markup', () => {
    const text = '学校是**高职**高专。';
    const [f] = lint(text, starter());
    expect(f.matched).toBe('高职**高专');
    expect(f.fixes[0].safe).toBe(false);
    expect(applyFixes(text, [f]).applied).toBe(0);
  });
});

describe('robustness', () => {
  it('survives empty, lone surrogates, huge and hostile input', () => {
    const g = starter();
    expect(lint('', g)).toEqual([]);
    expect(lint('\ud800高职高专\udc00', g).map((f) => f.matched)).toEqual(['高职高专']);
    const big = '学校深化产教融合、校企合作，推进高职高专改革。'.repeat(20000);
    const found = lint(big, g);
    expect(found.length).toBe(20000);
    expect(lint('<!--'.repeat(1000) + '```'.repeat(500) + '[('.repeat(2000), g)).toEqual([]);
  });
});
