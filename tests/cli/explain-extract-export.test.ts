// explain、extract（按词边界取候选、对官方原文排序、YAML 骨架过真实的 dict check）、dict export --format prh（用 prh 本身加载验证），以及默认词表的一条真实规则。
import fs from 'node:fs';
import path from 'node:path';
import { createJiebaSegmenter, loadGlossary } from '@tifa/core/node';
import Ajv from 'ajv';
import { fromYAML } from 'prh';
import YAML from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, MISSPELT, NEW, OLD, OLD_SHORT, ROOT, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

// 每个用例要启动几次真实进程（每次加载词表），机器忙时会慢
vi.setConfig({ testTimeout: 180_000 });

beforeAll(ensureBuilt);

const builtin = loadGlossary().glossary;

describe('built-in glossary', () => {
  it('flags the flag-example of a built-in outdated entry', async () => {
    const entry = builtin.entries.find((e) => e.status === 'outdated' && e.examples?.flag?.length);
    expect(entry, '默认词表里应有带例句的过时词条').toBeDefined();
    const example = entry!.examples!.flag![0];
    const { text, asOf } = typeof example === 'string' ? { text: example, asOf: undefined } : example;
    const dir = makeTree({ 'a.txt': `${text}\n` });
    const r = await tifa(['lint', '-f', 'json', ...(asOf ? ['--as-of', asOf] : [])], { cwd: dir });
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    expect(res.messages.map((m) => m.termId)).toContain(entry!.id);
    expect(res.tifa.glossaryVersion).toBe(builtin.version);
  });
});

describe('explain', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTree({ 'test-dict.yaml': TEST_DICTIONARY });
  });

  it('shows definition, status, replacement, sources and examples for any known form', async () => {
    const r = await tifa(['explain', OLD_SHORT, '--dict', 'test-dict.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    for (const part of [OLD, '[过时]', '测试用的虚构旧称', `请改用  ${NEW}`, '《测试用虚构文件》，测试机关，2020-01-01', '✗ 本市的青蓝工程学堂今年招生五百人。', '✓ 本市的青蓝技能学院今年招生五百人。', 'test-dict.yaml:']) {
      expect(r.stdout).toContain(part);
    }
    expect(r.stdout).toContain('现行词条');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('explains a built-in entry by id', async () => {
    const entry = builtin.entries[0];
    const r = await tifa(['explain', entry.id], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(entry.term);
    expect(r.stdout).toContain(entry.definition);
  });

  it('exits 1 for an unknown term', async () => {
    const r = await tifa(['explain', '完全没有这个词条'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/词表中没有“完全没有这个词条”/);
  });
});

describe('dict export --format prh', () => {
  it('writes a prh dictionary that prh loads and that rewrites outdated and discouraged forms', async () => {
    const dir = makeTree({ 'test-dict.yaml': TEST_DICTIONARY });
    const r = await tifa(['dict', 'export', '--format', 'prh', '--dict', 'test-dict.yaml', '-o', 'prh.yml'], { cwd: dir });
    expect(r.status).toBe(0);
    const text = fs.readFileSync(path.join(dir, 'prh.yml'), 'utf8');
    const parsed = YAML.parse(text) as { version: number; rules: { expected: string; patterns: string[]; prh: string }[] };
    expect(parsed.version).toBe(1);
    const ours = parsed.rules.filter((x) => x.prh.includes('[tifa:qinglan-'));
    expect(ours).toEqual([
      { expected: NEW, patterns: [OLD, OLD_SHORT], prh: expect.stringContaining('测试用的虚构更名') },
      { expected: NEW, patterns: [MISSPELT], prh: expect.stringContaining('不规范写法') },
    ]);
    expect(text).toMatch(/^# prh 词典：由 tifa \d+\.\d+\.\d+ 从词表 .+ 导出/);
    const engine = fromYAML(path.join(dir, 'prh.yml'), text);
    const input = `本市的${OLD}和${MISSPELT}都在招生，${NEW}不变。`;
    expect(engine.replaceByRule('a.md', input)).toBe(`本市的${NEW}和${NEW}都在招生，${NEW}不变。`);
  });

  it('loads the whole built-in export in prh, rules whose expected text contains the old form included', async () => {
    const dir = makeTree({});
    const r = await tifa(['dict', 'export', '--format', 'prh'], { cwd: dir });
    expect(r.status).toBe(0);
    const engine = fromYAML(path.join(dir, 'prh.yml'), r.stdout);
    const parsed = YAML.parse(r.stdout) as { rules: { expected: string; patterns: string[] }[] };
    expect(engine.rules.length).toBe(parsed.rules.length);
    // 规范写法本身不被改写
    for (const rule of parsed.rules) expect(engine.replaceByRule('a.md', rule.expected)).toBe(rule.expected);
  });
});

describe('extract', () => {
  // 自己写的一段“政策文件”：三个虚构的新提法，外加更常出现的套话、官方原文里常见的说法，
  // 以及按字切片时会切出“级职业”“化职业教育”的写法
  const NEWCOMERS = ['技能工坊联盟', '订单工位制', '数字工匠实训站'];
  const BOILERPLATE = ['贯彻落实', '建设一批', '进一步', '加快推进', '人才培养', '经济社会发展'];
  const FRAGMENTS = ['级职业', '化职业教育', '化职业', '级职业技能'];
  const policy = [
    '# 关于推进技能工坊联盟建设的通知',
    '',
    '各地要贯彻落实职业教育改革部署，进一步加快推进技能工坊联盟建设，建设一批现代化职业教育示范项目。',
    '技能工坊联盟实行理事会制度，推行“订单工位制”培养，贯彻落实人才培养要求，建设一批中级职业技能等级实训点。',
    '加快推进现代化职业教育体系建设，进一步完善技能工坊联盟章程，“订单工位制”岗位不少于两千个。',
    '各地要进一步贯彻落实经济社会发展要求，建设一批高级职业技能培训点，推动数字工匠实训站建设。',
    '数字工匠实训站由行业企业共建，加快推进人才培养模式改革，服务经济社会发展。',
  ].join('\n');

  type Row = { rank: number; text: string; count: number; official: number };
  const rowsOf = (stdout: string): Row[] =>
    stdout
      .split('\n')
      .map((l) => /^(\d+)\s+(\S+)\s+(\d+)\s+(\d+)\s+-?[\d.]+\s{2}/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ rank: Number(m[1]), text: m[2].replace(/^“(.*)”$/, '$1'), count: Number(m[3]), official: Number(m[4]) }));

  function expectNewcomersOnTop(stdout: string): void {
    const rows = rowsOf(stdout);
    const rankOf = (t: string) => rows.find((r) => r.text === t)?.rank;
    for (const t of NEWCOMERS) expect(rankOf(t), `${t} 应被列出`).toBeDefined();
    const worstNewcomer = Math.max(...NEWCOMERS.map((t) => rankOf(t)!));
    for (const r of rows) {
      if (BOILERPLATE.some((b) => r.text.includes(b))) expect(r.rank, `套话 ${r.text} 排在新提法之后`).toBeGreaterThan(worstNewcomer);
      expect(FRAGMENTS.includes(r.text), `切碎的片段 ${r.text}`).toBe(false);
    }
  }

  it('ranks newcomer terms above boilerplate and cut fragments, with counts here and in the stored official texts', async () => {
    const dir = makeTree({ 'notice.md': policy });
    const r = await tifa(['extract', 'notice.md'], { cwd: dir });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/#\s+候选\s+本文\s+官方\s+对数比\s+上下文/);
    expectNewcomersOnTop(r.stdout);
    const rows = rowsOf(r.stdout);
    expect(rows.find((x) => x.text === '技能工坊联盟')).toMatchObject({ count: 4, official: 0 });
    expect(lines.find((l) => /^\d+\s+“订单工位制”\s+2\s/.test(l))).toBeDefined();
    expect(r.stdout).toMatch(/已存官方原文（dictionaries\/sources\/，\d+ 份）/);
  });

  it('ranks the same way with the TypeScript port of jieba (no nodejieba)', async () => {
    const dir = makeTree({ 'notice.md': policy });
    const r = await tifa(['extract', 'notice.md'], { cwd: dir, env: { TIFA_SEGMENTER: 'js' } });
    expect(r.status).toBe(0);
    expectNewcomersOnTop(r.stdout);
  });

  it('lists no candidate that crosses a jieba word boundary (real official text plus the notice)', async () => {
    // 一份真实的存档原文（去掉前言）加上面的通知；--min-count 1 让候选多到几百个
    const sourceFile = path.join(ROOT, 'dictionaries/sources/2019-02-24-zhongguo-jiaoyu-xiandaihua-2035-yangguangwang.md');
    const body = fs.readFileSync(sourceFile, 'utf8').split(/^---$/m)[2];
    const text = `${policy}\n${body}`;
    const dir = makeTree({ 'mixed.txt': text });
    const r = await tifa(['extract', 'mixed.txt', '--min-count', '1', '--limit', '100000'], { cwd: dir });
    expect(r.status).toBe(0);
    const rows = rowsOf(r.stdout);
    expect(rows.length).toBeGreaterThan(20);
    // 同一个分词器、同一份词表，在测试进程里切一遍
    const tokens = createJiebaSegmenter(builtin)!.cut(text);
    expect(tokens.join('')).toBe(text);
    const boundaries = new Set<number>([0]);
    let at = 0;
    for (const t of tokens) boundaries.add((at += t.length));
    for (const row of rows) {
      let aligned = 0;
      for (let i = text.indexOf(row.text); i >= 0; i = text.indexOf(row.text, i + 1)) {
        if (boundaries.has(i) && boundaries.has(i + row.text.length)) aligned++;
      }
      expect(aligned, `候选“${row.text}”每次计数的出现都应在词边界上开始和结束`).toBe(row.count);
    }
  });

  it('writes a YAML skeleton that the real dict check accepts once the TODOs are filled in and the passage is stored', async () => {
    const dir = makeTree({ 'notice.md': policy });
    const r = await tifa(['extract', 'notice.md', '--format', 'yaml', '--limit', '5'], { cwd: dir });
    expect(r.status).toBe(0);
    const entries = YAML.parse(r.stdout) as { id: string; term: string; sources: { ref: string; quote: string }[]; examples: { flag: string[]; pass: string[] } }[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(5);
    expect(entries.map((e) => e.term)).toEqual(expect.arrayContaining(NEWCOMERS));
    expect(entries.find((e) => e.term === '技能工坊联盟')!.id).toBe('jineng-gongfang-lianmeng');
    for (const e of entries) {
      expect(e.sources).toEqual([{ ref: 'TODO-notice', quote: expect.any(String) }]);
      expect(policy.replace(/\s+/g, '')).toContain(e.sources[0].quote.replace(/\s+/g, ''));
      expect(e.examples.flag.length + e.examples.pass.length).toBe(2);
    }
    expect(r.stdout).toMatch(/# TODO：把 notice\.md.*dictionaries\/sources\/<日期>-notice\.md/);

    // 真实词表的副本：好把新文件的段落存进 sources/
    const dicts = path.join(dir, 'dictionaries');
    fs.cpSync(path.join(ROOT, 'dictionaries'), dicts, { recursive: true });
    const env = { TIFA_DICTIONARIES: dicts };
    const asDictionary = (list: string) => `meta:\n  name: 候选\n  version: 0.0.1\nentries:\n${list.replace(/^(?=.)/gm, '  ')}`;

    // 没补全时通不过
    fs.writeFileSync(path.join(dir, 'raw.yaml'), asDictionary(r.stdout));
    const raw = await tifa(['dict', 'check', 'raw.yaml'], { cwd: dir, env });
    expect(raw.status).toBe(2);
    expect(raw.stdout).toMatch(/raw\.yaml:\d+:\d+: 错误/);

    // 补全：ref 改成存档原文的文件名，其余 TODO 换成内容；把通知存为存档原文
    const filled = r.stdout.replace(/ref: TODO-notice/g, 'ref: 2026-11-01-notice').replace(/TODO[^\n]*/g, '补全的内容');
    expect(filled).not.toContain('TODO');
    fs.writeFileSync(path.join(dir, 'new.yaml'), asDictionary(filled));
    fs.writeFileSync(path.join(dicts, 'sources/2026-11-01-notice.md'), `---\ntitle: 关于推进技能工坊联盟建设的通知\nissuer: 测试机关\ndate: 2026-11-01\nkind: local-document\n---\n\n${policy}\n`);
    const check = await tifa(['dict', 'check', 'new.yaml'], { cwd: dir, env });
    expect(check.stdout).not.toMatch(/new\.yaml:\d+:\d+: 错误/);
    expect(check.status).toBe(0);

    // 也直接用 dictionaries/schema.json 校验
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'dictionaries/schema.json'), 'utf8')));
    expect(validate(YAML.parse(asDictionary(filled))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(YAML.parse(asDictionary(r.stdout)))).toBe(false);
  });

  it('reads GBK documents too', async () => {
    const iconv = await import('iconv-lite');
    const dir = makeTree({ 'notice.txt': iconv.default.encode(policy, 'gbk') });
    const r = await tifa(['extract', 'notice.txt'], { cwd: dir });
    expect(r.stdout).toMatch(/技能工坊联盟/);
  });
});

describe('config used by lint and --dict together', () => {
  it('merges config dictionaries with --dict', async () => {
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'a.md': `${OLD}\n` });
    const r = await tifa(['lint', '-f', 'json', '--dict', 'test-dict.yaml'], { cwd: dir });
    expect(r.status).toBe(0);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    expect(res.messages.filter((m) => m.termId === 'qinglan-gongcheng-xuetang')).toHaveLength(1);
  });
});
