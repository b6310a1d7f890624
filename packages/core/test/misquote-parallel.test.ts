// 平行列举（各项共用一个语素：“技能成才、技能报国”的“技能”）：比提法更长、语素接着出现的列举是另一个列举，
// 不是误引；一样长的、或只差一个字的，照旧报。末项带中心语的列举（……创新型劳动者大军）切下中心语再逐项比。
// 用真实词表跑整个引擎（句子为自拟）。
import { describe, expect, it } from 'vitest';
import { lint } from '../src/index';
import { createJiebaSegmenter, loadGlossary } from '../src/node/index';

const { glossary } = loadGlossary();
const segmenter = createJiebaSegmenter(glossary);
const misquotes = (text: string) =>
  lint(text, glossary, { language: 'plaintext', asOf: '2025-06-01', segmenter })
    .filter((f) => f.ruleId === 'misquote')
    .map((f) => f.termId);

describe('misquote and parallel enumerations', () => {
  it('a longer list sharing the morpheme is another list (技能就业、技能成才、技能增收)', () => {
    expect(misquotes('培训行动帮助劳动者实现技能就业、技能成才、技能增收。')).toEqual([]);
  });

  it('a wrong item in a list as long as the formulation is still a misquote', () => {
    expect(misquotes('激励青年走技能就业、技能成才之路。')).toEqual(['jineng-chengcai-jineng-baoguo']);
    expect(misquotes('学院深化“三教”（教师、教材、教学）改革。')).toEqual(['jiaoshi-jiaocai-jiaofa']);
  });

  it('a one-character slip inside a longer list is still a misquote', () => {
    expect(misquotes('激励青年走技能成才、技术报国之路，实现技能增收。')).toEqual(['jineng-chengcai-jineng-baoguo']);
  });

  it('the head noun of the last item is set aside for the item comparison: a swap of two modifiers is an order error', () => {
    expect(misquotes('努力建设知识型、创新型、技能型劳动者大军。')).toEqual(['zhishixing-jinengxing-chuangxinxing-laodongzhe-dajun']);
    expect(misquotes('努力建设知识型、技能型、创新型劳动者大军。')).toEqual([]);
    // 中心语不同：另一个说法，不比
    expect(misquotes('培养知识型、创新型、技能型人才。')).toEqual([]);
    expect(misquotes('加快建设一支知识型、技能型、创新型产业工人大军。')).toEqual([]);
    // 中心语里的错字仍是误引
    expect(misquotes('建设知识型、技能型、创新型劳动者大队。')).toEqual(['zhishixing-jinengxing-chuangxinxing-laodongzhe-dajun']);
  });

  it('all items verbatim and in order, joined by a word instead of a separator, is another sentence structure', () => {
    expect(misquotes('着力强化教育对科技和人才的支撑作用。')).toEqual([]);
    expect(misquotes('要突出教育对科技、人才的支撑作用。')).toEqual([]);
    // 项写错、语序错照旧报
    expect(misquotes('统筹推进教育、科技、人材一体发展。')).toEqual(['jiaoyu-keji-rencai']);
    expect(misquotes('统筹推进科技、教育、人才一体发展。')).toEqual(['jiaoyu-keji-rencai']);
  });

  it('a two-item formulation with the items swapped and one of them changed is another phrase, unless the items share a morpheme', () => {
    // 2018年《关于全面深化新时代教师队伍建设改革的意见》原文
    expect(misquotes('广大教师牢记使命、不忘初衷，爱岗敬业、教书育人。')).toEqual([]);
    expect(misquotes('全院党员要牢记使命，不忘初心，立足岗位作贡献。')).toEqual(['buwang-chuxin-laoji-shiming']);
    expect(misquotes('全院党员要不忘初心，铭记使命，立足岗位作贡献。')).toEqual(['buwang-chuxin-laoji-shiming']);
  });

  it('a list of the same family (shared morpheme) whose other items are other current terms is another list', () => {
    // 2026 年教育部等七部门意见原文
    expect(misquotes('为建设教育强国、文化强国和人才强国提供有力支撑。')).toEqual([]);
    // 换上的不是词表术语、只调换了提法自己的项：照旧报
    expect(misquotes('为建设教育强国、技术强国、人才强国提供有力支撑。')).toEqual(['jiaoyu-qiangguo-keji-qiangguo-rencai-qiangguo']);
    expect(misquotes('学院主动服务加快建设科技强国、教育强国、人才强国。')).toEqual(['jiaoyu-qiangguo-keji-qiangguo-rencai-qiangguo']);
    // 不共用语素的提法换上一个现行术语，仍是误引
    expect(misquotes('加快形成工农互促、城乡互补、协调发展、共同富裕的新型工农城乡关系。')).toEqual(['gongnong-huchu-chengxiang-hubu-xietiao-fazhan-gongtong-fanrong']);
  });

  it('a predication with another subject (technical workers instead of skilled talent) is another statement', () => {
    // 2022 年习近平致首届大国工匠创新交流大会的贺信原文
    expect(misquotes('技术工人队伍是支撑中国制造、中国创造的重要力量。')).toEqual([]);
    // 主语只差一个字、是原主语的调序：照旧报
    expect(misquotes('技术人才是支撑中国制造、中国创造的重要力量。')).toEqual(['jineng-rencai-shi-zhicheng-zhongguo-zhizao-zhongguo-chuangzao-de-zhongyao-liliang']);
    expect(misquotes('科技、教育、人才是全面建设社会主义现代化国家的基础性、战略性支撑。')).toEqual(['jiaoyu-keji-rencai-jichuxing-zhanluexing-zhicheng']);
  });

  it('names the official wording closest to what was written, and drops a paraphrase that only adds 的', () => {
    const at = (text: string, asOf: string) =>
      lint(text, glossary, { language: 'plaintext', asOf, segmenter }).filter((f) => f.ruleId === 'misquote');
    // 2019 年方案的写法（词表的 variant），不是 2022 年法律的写法
    const [f] = at('《国家职业教育改革实施方案》指出，“职业教育与普通教育是两种不同教育类型，具有同等地位”。', '2019-03-01');
    expect(f.suggestions).toEqual(['职业教育与普通教育是两种不同教育类型，具有同等重要地位']);
    expect(f.message).toContain('署名引用');
    // 引号外只多了结构助词“的”：转述
    expect(at('职业教育与普通教育是两种不同的教育类型，具有同等重要的地位。', '2026-03-01')).toEqual([]);
  });

  it('a list the writer reorders into clauses with their own verbs, or continues into another clause, is not a quotation', () => {
    // 各项带着自己的动词、换了顺序：作者自己的句子
    expect(misquotes('学院深化科教融汇、产教融合，推进职普融通。')).toEqual([]);
    // 列举后面另起分句（原文同一位置没有标点）：借用列举写别的句子
    expect(misquotes('学院以教育强国、科技强国、人才强国建设为牵引，推进高水平学校建设。')).toEqual([]);
    // 照旧报：纯粹的语序错误、列举里的错字（即使用逗号分隔）
    expect(misquotes('学院推进产教融合、职普融通、科教融汇。')).toEqual(['zhipu-rongtong-chanjiao-ronghe-kejiao-ronghui']);
    expect(misquotes('推进职普融通，产教融合，科教融合。')).toEqual(['zhipu-rongtong-chanjiao-ronghe-kejiao-ronghui']);
  });

  it('a list of equal modifiers ending in 的 + a head noun: another team named with an added word is not a misquote', () => {
    // 2018 年教师队伍意见的“高素质专业化创新型教师队伍”、职业院校的“双师型”教师队伍
    expect(misquotes('建设一支师德高尚、业务精湛、结构合理、充满活力的高素质专业化创新型教师队伍。')).toEqual([]);
    expect(misquotes('打造师德高尚、业务精湛、结构合理、充满活力的高素质“双师型”教师队伍。')).toEqual([]);
    // 照旧报：修饰语调序、中心语里的错字或换了近义的字
    expect(misquotes('建设一支师德高尚、结构合理、业务精湛、充满活力的高素质专业化教师队伍。')).toEqual(['shide-gaoshang-yewu-jingzhan-jiegou-heli-chongman-huoli']);
    expect(misquotes('建设一支师德高尚、业务精湛、结构合理、充满活力的高水平专业化教师队伍。')).toEqual(['shide-gaoshang-yewu-jingzhan-jiegou-heli-chongman-huoli']);
  });

  it('a repeated framing verb (坚持……，坚持……) swapped for another outside quotes is the writer\'s prose; a one-off verb is part of the formulation', () => {
    const id = 'jianchi-chanjiao-ronghe-xiaoqi-hezuo-jianchi-gongxue-jiehe-zhixing-heyi';
    expect(misquotes('学校坚持产教融合、校企合作，推进工学结合、知行合一，培养高素质技术技能人才。')).toEqual([]);
    expect(misquotes('总书记强调，要“坚持产教融合、校企合作，推进工学结合、知行合一”。')).toEqual([id]);
    expect(misquotes('统筹推进教育科技人才体制机制一体改革，完善新型举国体制，提升国家创新体系整体效能。')).toEqual(['tongchou-tuijin-jiaoyu-keji-rencai-tizhi-jizhi-yiti-gaige-jianquan-xinxing-juguo-tizhi']);
  });
});

