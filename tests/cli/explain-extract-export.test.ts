// explain、extract（表格与 YAML 骨架）、dict export --format prh（用 prh 本身加载验证），以及默认词表的一条真实规则。
import fs from 'node:fs';
import path from 'node:path';
import { loadGlossary } from '@tifa/core/node';
import { fromYAML } from 'prh';
import YAML from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, MISSPELT, NEW, OLD, OLD_SHORT, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

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
  // 自己写的一段“政策文件”：两个新提法，外加一个默认词表已有的写法
  const known = builtin.entries.find((e) => e.status === 'current' && e.kind === 'term' && e.term.length >= 4)!.term;
  const policy = [
    '# 关于推进技能工坊联盟建设的通知',
    '',
    `各地要加快组建技能工坊联盟，由龙头企业牵头、职业学校参与，并与${known}相衔接。`,
    `技能工坊联盟实行理事会制度，推行“订单工位制”培养，${known}建设同步推进。`,
    `到2028年，每个地市至少建成一个技能工坊联盟，“订单工位制”岗位不少于两千个，${known}全面覆盖。`,
  ].join('\n');

  it('lists ranked candidates with counts and a context line, without what the glossary knows', async () => {
    const dir = makeTree({ 'notice.md': policy });
    const r = await tifa(['extract', 'notice.md'], { cwd: dir });
    expect(r.status).toBe(0);
    const rows = r.stdout.split('\n');
    expect(rows[0]).toMatch(/#\s+候选\s+次数\s+来源\s+上下文/);
    const row = rows.find((l) => /^\d+\s+技能工坊联盟\s/.test(l))!;
    expect(row).toMatch(/\s4\s/);
    expect(rows.find((l) => /^\d+\s+订单工位制\s/.test(l))).toMatch(/\s2\s+\S*引/);
    expect(rows.some((l) => new RegExp(`^\\d+\\s+${known}\\s`).test(l))).toBe(false);
  });

  it('writes YAML skeleton entries that become a valid dictionary once the TODOs are filled in', async () => {
    const dir = makeTree({ 'notice.md': policy });
    const r = await tifa(['extract', 'notice.md', '--format', 'yaml', '--limit', '5'], { cwd: dir });
    expect(r.status).toBe(0);
    const entries = YAML.parse(r.stdout) as Record<string, unknown>[];
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.length).toBeLessThanOrEqual(5);
    expect(entries.map((e) => e.term)).toContain('技能工坊联盟');
    expect(r.stdout).toContain('TODO');
    const filled = r.stdout.replace(/date: TODO/g, 'date: 2026-11-01').replace(/TODO/g, '待补');
    fs.writeFileSync(path.join(dir, 'new.yaml'), `meta:\n  name: 候选\n  version: 0.0.1\nentries:\n${filled.replace(/^/gm, '  ')}`);
    const check = await tifa(['dict', 'check', 'new.yaml'], { cwd: dir });
    expect(check.stdout).not.toMatch(/new\.yaml:\d+:\d+: 错误/);
    expect(check.status).toBe(0);
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
