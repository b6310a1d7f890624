// 语境词组（cue sets）：词条的 context.require / context.exclude 只写词组名，词组在这里定义一次。
// 每个词组：一组词（或一个正则），在哪里找（见 CueWhere），按分句还是整句找（topic 类词组说的是“这句话谈的是什么”，按整句）。
// 词都按规范化后的文本写（全角标点已折叠成半角）。

/**
 * clause：术语所在分句及与它相连的分句（见 clause.ts）；before/after：分句里术语之前/之后；
 * prev/next：紧挨术语（前后 4 个字以内）。
 */
export type CueWhere = 'clause' | 'before' | 'after' | 'prev' | 'next';

export interface CueSet {
  words?: readonly string[];
  pattern?: RegExp;
  where?: CueWhere;
  /** sentence：在整句里找（话题类）；缺省按分句。 */
  scope?: 'clause' | 'sentence';
  description: string;
}

export const CUE_SETS: Readonly<Record<string, CueSet>> = {
  // —— 叙述时态 ——
  retrospective: {
    words: ['以来', '期间', '期内', '回顾', '历程', '经验', '总结', '成效', '成果', '成就', '成绩', '演进', '先后', '累计', '圆满', '当时', '那时', '此前', '以往', '以前'],
    description: '回顾性叙述（以来、期间、回顾、历程、成效、累计、当时、以前……）',
  },
  'retrospective-marker': {
    pattern: /已|曾/,
    description: '已然标记（已、曾）',
  },
  'after-completion': {
    words: ['已', '完成', '建成了', '实现了', '作出了', '做出了', '提供了', '发挥了', '奠定了', '打下了', '之后', '以后', '以来', '胜利', '第一个百年', '基础上', '实现后', '建成后', '后,', '后，'],
    description: '目标实现之后的叙述',
  },
  'then-after': { pattern: /^(?:之?后|以后)/, where: 'next', description: '紧跟“后、之后”（实现以后的叙述）' },
  rejection: {
    words: ['不是', '不再', '并非', '而非', '绝非', '摒弃', '误区', '偏见', '观念', '看法', '认知', '刻板', '扭转', '破除', '纠正', '打破', '不能', '不应', '不宜', '不得', '转向', '转变为'],
    scope: 'sentence',
    description: '引述某种说法是为了否定它（不是、不能、扭转……偏见）',
  },
  // 整句：“面对……疫情的严重冲击，学院坚持停课不停学”的线索在别的分句里；2023 年转段以后，写疫情的冲击、考验、
  // 影响多半是在回顾那几年
  'pandemic-retrospective': {
    words: ['期间', '时期', '三年', '抗疫', '抗击', '共抗', '停课不停学', '回顾', '发生后', '暴发', '突如其来', '面对', '过去', '冲击', '考验', '经受', '战胜', '克服', '以来', '年来'],
    scope: 'sentence',
    description: '回顾疫情期间的工作（期间、抗击、冲击、考验、战胜……）',
  },
  // —— 当前工作的动词 ——
  'current-work-verbs': {
    words: ['推进', '实施', '开展', '助力', '打好', '做好', '深入', '落实', '攻坚', '任务', '服务', '重点', '抓手', '坚持', '持续', '加强', '着力', '聚焦'],
    description: '把它当作当前工作（推进、实施、开展、助力、重点、抓手……）',
  },
  'promote-verbs': {
    words: ['国家', '推行', '推进', '深化', '实施', '开展', '全面', '完善', '制度', '人才培养'],
    description: '作为当前制度推行',
  },
  'guiding-spirit-verbs': {
    words: ['贯彻', '学习', '落实', '指导', '指引', '领会', '按照', '遵循'],
    description: '以某会议精神为指导（贯彻、学习、指引……）',
  },
  'goal-verbs': {
    words: ['将', '即将', '确保', '冲刺', '奋力', '力争', '攻坚', '决战', '助力', '服务', '贡献', '目标'],
    description: '作为尚待实现的目标（将、确保、冲刺、助力……）',
  },
  'inside-organization': {
    pattern: /(?:企业|公司|集团|工厂|厂|单位|学院|学校|医院|银行|酒店|门店)的?$/,
    where: 'prev',
    description: '紧挨在前的单位（企业人事部、公司人事部）：单位的内设部门，不是同名的部委',
  },
  'pursuit-verbs': {
    pattern: /(?:争创|创建|申报|冲刺|入选|推进|启动|迎接|成为)(?:国家级?)?$/,
    where: 'prev',
    description: '紧挨在前的“争创、创建、申报、冲刺……”',
  },
  // —— 话题（整句） ——
  'vocational-education': {
    words: ['职业教育', '职教', '中职', '高职', '职业院校', '职业学校'],
    scope: 'sentence',
    description: '句子谈的是职业教育',
  },
  'vocational-subject': {
    words: ['职业教育', '职教', '中职', '高职', '职业院校', '职业学校', '技工教育', '技工院校', '职校'],
    description: '分句（窗口）里的主语是职业教育或职业学校',
  },
  'framing-verbs': {
    words: ['是', '属于', '作为', '视为', '视作', '看作', '看成', '当作', '当成', '定位为', '定位成', '认为', '沦为', '等同于', '归为', '称为', '理解为', '划为'],
    description: '定位、看待的说法（是、属于、视为、当作、定位为……）',
  },
  'secondary-vocational-topic': {
    words: ['中等职业', '中职'],
    scope: 'sentence',
    description: '句子谈的是中等职业教育',
  },
  'vocational-week': {
    words: ['职业教育活动周', '职教周', '职教活动周'],
    scope: 'sentence',
    description: '句子谈的是职业教育活动周',
  },
  'vocational-education-law': {
    words: ['职业教育法', '职教法'],
    scope: 'sentence',
    description: '句子谈的是职业教育法',
  },
  sanjiao: { words: ['三教'], scope: 'sentence', description: '句中出现“三教”' },
  'edu-3i': { words: ['3i', '爱教育', 'integrated'], scope: 'sentence', description: '句中出现“3I”“爱教育”' },
  // —— 排除：别的东西恰好含这个词 ——
  'secondary-vocational': { words: ['中职', '中等职业'], description: '中职（另有提法）' },
  'higher-vocational': { words: ['高职', '高等职业'], description: '高职（另有提法）' },
  'basic-education': {
    words: ['中小学', '义务教育', '幼儿园', '基础教育', '普通高中'],
    description: '基础教育领域（中小学、幼儿园……）',
  },
  'other-demonstration-kinds': {
    words: ['劳动教育', '文明', '平安', '智慧', '数字', '乡村', '心理健康', '特色', '体育', '艺术', '国防', '足球', '民族团结', '家长'],
    description: '别的“示范”评比（文明、平安、智慧校园……）',
  },
  'shuangyou-or-group': { words: ['双优', '集团'], description: '中职“双优”或职教集团' },
  'department-suffix': { pattern: /^[门分]/, where: 'next', description: '后接“门”“分”（国土资源部门等泛指的部门，“……部分”）' },
  'numbered-edition': { pattern: /第[一二三四五六七八九十\d]+届/, where: 'before', description: '前有“第×届”（历届赛事的专名）' },
  'edition-one-to-nine': {
    pattern: /第(?:[一二三四五六七八九]|[1-9])届\s*$/,
    where: 'before',
    description: '紧挨着“第一届”至“第九届”（赛事改名前的届次；第十届以后已是新名称）',
  },
  'other-organization-congress': {
    pattern: /(?:共青团|团的?|工会的?|妇联|妇女|学联|青联|少先队|侨联|科协|文联|作协|民革|民盟|民建|民进|农工党|致公党|九三学社|台盟)$/,
    where: 'prev',
    description: '紧挨在前的“团、共青团、工会、妇联……”：那是别的组织的代表大会（团十九大）',
  },
  'teaching-ability-contest': {
    pattern: /^(?:教学能力比赛|教师教学能力比赛|班主任能力比赛)/,
    where: 'next',
    description: '后接“教学能力比赛、班主任能力比赛”（教师赛事沿用原名，改名与否未见文件）',
  },
  'universal-stage': { words: ['普及化'], scope: 'sentence', description: '句中也提到“普及化”（从大众化到普及化的叙述）' },
  'renamed-institution': {
    words: ['前身', '更名', '为基础', '基础上', '撤销', '升格'],
    description: '叙述更名、升格的沿革',
  },
  'institution-reform': {
    words: ['不再保留', '不再设立', '不再单设', '不复存在', '并入', '整合', '划入', '划归', '移交', '职责', '组建', '改为', '改组', '更名', '易名', '调整为'],
    description: '叙述机构改革中的撤并与职责划转（不再保留、并入、职责整合、划入……）',
  },
  'numbered-session': {
    pattern: /^第[一二三四五六七八九十百〇零\d]+次/,
    where: 'next',
    description: '紧跟“第×次（会议）”：指某一次具体的历史会议',
  },
  'state-organ-action': {
    words: ['国家', '部委', '国务院', '联合', '印发', '主办', '发布', '等部门', '批准', '认定'],
    description: '作为国家机关（印发、主办、认定……）',
  },
  'student-organization': { words: ['企业文化部', '学生会', '社团', '团委'], description: '学生会、社团的“文化部”' },
  'still-valid-certificate': { words: ['已发放', '继续有效', '此前取得'], description: '已发证书继续有效' },
  'skill-appraisal-institution': {
    words: ['鉴定中心', '鉴定所', '鉴定站', '鉴定指导中心', '准入类'],
    description: '鉴定机构名称、准入类职业资格',
  },
  'proper-name-suffix': {
    words: ['联席会议', '联席会', '学报', '人才培养工作水平评估', '规划教材', '星级'],
    where: 'after',
    description: '专有名称的一部分（……联席会议、……规划教材）',
  },
  'plan-periods': {
    words: ['十二五', '十三五', '十四五', '十五五', '十六五'],
    description: '同一分句里还提到别的规划期（前后对照、交替）',
  },
  'theory-reference': {
    words: ['重要论述', '基本方略', '精神', '思想'],
    description: '作为理论、方略引述（关于精准扶贫的重要论述）',
  },
  'foundational-project': { words: ['基础工程'], description: '“……的基础工程”的引述' },
  'law-revision': {
    words: ['八章六十九条', '原来', '修订前', '原法', '旧法'],
    description: '对照修订前的条文',
  },
  'education-level': { words: ['学历', '文化程度'], description: '学历层次（中专学历）' },
  'teaching-support': { pattern: /^支教/, where: 'next', description: '顶岗支教（师范生）' },
  'pilot-or-other-apprenticeship': {
    words: ['示范点', '试点单位', '试点院校', '试点学校', '试点专业', '试点项目单位', '企业新型学徒制'],
    description: '试点单位、示范点（入选的身份）、企业新型学徒制',
  },
  'poverty-exit': {
    words: ['全部脱贫', '如期脱贫', '全部如期脱贫', '摆脱贫困', '打赢脱贫攻坚战', '已脱贫', '已经脱贫', '脱贫摘帽', '稳定脱贫', '摘帽', '退出', '出列'],
    description: '叙述脱贫摘帽、退出',
  },
  'global-poverty': {
    words: ['全球', '世界', '国际', '发展中国家', '相对贫困', '绝对贫困', '消除'],
    description: '国际或理论语境的贫困',
  },
  'foreign-country': {
    words: ['外国', '国外', '境外', '各国', '欧盟', '欧洲', '英国', '德国', '法国', '澳大利亚', '新西兰', '爱尔兰', '美国', '日本', '韩国', '新加坡', '东盟', '联合国教科文'],
    scope: 'sentence',
    description: '句子谈的是外国的同名制度（澳大利亚资格框架……）',
  },
  'programme-students': {
    pattern: /^(?:学生|学员|生源|班级?|毕业生|专班)/,
    where: 'next',
    description: '紧跟“学生、学员、专班……”：项目招进来的人，不是项目本身（高职扩招学生）',
  },
  'poverty-topic': {
    words: ['脱贫', '衔接', '帮扶', '返贫', '乡村振兴'],
    scope: 'sentence',
    description: '句子谈的是脱贫衔接',
  },
  'tuopin-done': {
    pattern: /打赢脱贫攻坚战(?:之?后|以来)|胜利|取得|如期|成果|历程|回顾|总结/,
    description: '脱贫攻坚战已打赢的叙述',
  },
};

export const isCueName = (s: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s) && s in CUE_SETS;
export const looksLikeCueName = (s: string): boolean => /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$|^[a-z]+$/.test(s);
