// 一份配置（CLI 端到端）：JSONC、逐级合并与 root、overrides、extends（路径与 npm 包）、.tifa/allow.txt、--print-config，
// 词典包（npm pack 模板、装进临时项目再检查），以及 issue 16 的三种坏 JSON。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, NEW, OLD, ROOT, TEST_DICTIONARY, tifa, type JsonResult } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

const WARN = `本市的${OLD}今年招生五百人。\n`;
const TERM = 'qinglan-gongcheng-xuetang';

async function lintJson(args: string[], cwd: string): Promise<{ status: number | null; results: JsonResult[]; stderr: string }> {
  const r = await tifa(['lint', '-f', 'json', ...args], { cwd });
  return { status: r.status, results: r.stdout ? (JSON.parse(r.stdout) as JsonResult[]) : [], stderr: r.stderr };
}
const hits = (res: JsonResult | undefined) => (res?.messages ?? []).filter((m) => m.termId === TERM).map((m) => m.severity);

describe('one configuration (CLI)', () => {
  it('accepts the JSONC example from tifa lint --help', async () => {
    const help = (await tifa(['lint', '--help'], { cwd: ROOT })).stdout;
    const example = help.slice(help.indexOf('  {\n'), help.indexOf('\n  }\n') + 4);
    // 例子里的包与文件换成这里有的
    const config = example
      .replace(/"extends": [^\n]*\n/, '')
      .replace(/"dictionaries": \[[^\]]*\]/, '"dictionaries": ["test-dict.yaml"]')
      .replace(/"terms": \{[^}]*\}/, `"terms": { "${TERM}": "error" }`);
    expect(config).toMatch(/\/\/ /);
    const dir = makeTree({ 'tifa.config.json': config, 'test-dict.yaml': TEST_DICTIONARY, 'a.md': WARN });
    const r = await lintJson(['a.md'], dir);
    expect(r.stderr).toBe('');
    expect(hits(r.results[0])).toEqual([2]);
  });

  it('merges nested configs over the root (dictionaries kept), stops at root: true, applies overrides and extends', async () => {
    const dir = makeTree({
      'tifa.config.json': '// 根配置\n{ "dictionaries": ["test-dict.yaml"], }',
      'test-dict.yaml': TEST_DICTIONARY,
      'docs/.tifarc.json': `{ "terms": { "${TERM}": "error" }, "overrides": [{ "files": ["archive/**"], "asOf": "2019-06-01" }] }`,
      'docs/a.md': WARN,
      'docs/archive/old.md': WARN,
      'isolated/tifa.config.json': '{ "root": true, "extends": "./base.json" }',
      'isolated/base.json': `{ "rules": { "outdated-term": "info" } }`,
      'isolated/b.md': WARN,
    });
    const r = await lintJson(['docs', 'isolated'], dir);
    const byName = (n: string) => r.results.find((x) => x.filePath.endsWith(n));
    expect(hits(byName('a.md'))).toEqual([2]); // 根的词典 + 子目录的级别
    expect(hits(byName('old.md'))).toEqual([]); // 2019 年的文档：还没过时
    expect(byName('b.md')?.messages).toEqual([]); // root: true：不继承根的词典

    const printed = await tifa(['lint', '--print-config', 'docs/archive/old.md'], { cwd: dir });
    expect(printed.status).toBe(0);
    const cfg = JSON.parse(printed.stdout);
    expect(cfg.configFiles).toEqual([path.join(dir, 'tifa.config.json'), path.join(dir, 'docs/.tifarc.json')]);
    expect(cfg.dictionaries).toEqual([path.join(dir, 'test-dict.yaml')]);
    expect(cfg.asOf).toBe('2019-06-01');
    expect(cfg.terms).toEqual({ [TERM]: 'error' });
  });

  it('honours .tifa/allow.txt, the file the editor quick fix writes', async () => {
    const dir = makeTree({
      'tifa.config.json': '{ "dictionaries": ["test-dict.yaml"] }',
      'test-dict.yaml': TEST_DICTIONARY,
      '.tifa/allow.txt': `# tifa 工作区白名单\n${TERM}  # ${OLD}\n`,
      'a.md': WARN,
    });
    const r = await lintJson(['a.md'], dir);
    expect(r.results[0].messages).toEqual([]);
    fs.rmSync(path.join(dir, '.tifa/allow.txt'));
    expect(hits((await lintJson(['a.md'], dir)).results[0])).toEqual([1]);
  });

  it('gives located errors for duplicate keys, __proto__ and 20,000-deep JSON (exit 2, no stack trace)', async () => {
    const dup = '{\n  "asOf": "2024-01-01",\n  "asOf": "2019-01-01"\n}\n';
    const proto = '{\n  "__proto__": { "rules": { "outdated-term": "off" } }\n}\n';
    const deep = '{"rules":' + '['.repeat(20_000) + ']'.repeat(20_000) + '}';
    const cases: [string, RegExp][] = [
      [dup, /tifa\.config\.json:3:3: JSON 错误：重复的键 asOf/],
      [proto, /tifa\.config\.json:2:3: JSON 错误：不允许的键 __proto__/],
      [deep, /tifa\.config\.json:1:\d+: JSON 嵌套超过 64 层/],
    ];
    for (const [text, expected] of cases) {
      const dir = makeTree({ 'tifa.config.json': text, 'a.md': WARN });
      const r = await tifa(['lint', 'a.md'], { cwd: dir });
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
    }
  });

  it('installs a packed copy of the dictionary package template and lints with it (and extends it)', async () => {
    const dir = makeTree({ 'package.json': JSON.stringify({ name: 'school-docs', version: '1.0.0', private: true }), 'a.md': `学生在实训大楼上课。\n` });
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const env = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
    const packed = execFileSync(npm, ['pack', path.join(ROOT, 'templates/tifa-dict-template'), '--pack-destination', dir, '--silent'], { cwd: dir, env, encoding: 'utf8' }).trim();
    execFileSync(npm, ['install', '--offline', '--no-save', path.join(dir, packed.split('\n').pop()!)], { cwd: dir, env, stdio: 'ignore' });
    expect(fs.existsSync(path.join(dir, 'node_modules/@our-school/tifa-dict/dict/school.yaml'))).toBe(true);

    fs.writeFileSync(path.join(dir, 'tifa.config.json'), '{ "dictionaries": ["@our-school/tifa-dict"] }');
    const r = await lintJson(['a.md'], dir);
    expect(r.results[0].messages.map((m) => [m.termId, m.matched])).toEqual([['shixun-dalou', '实训大楼']]);

    fs.writeFileSync(path.join(dir, 'tifa.config.json'), '{ "extends": "@our-school/tifa-dict" }');
    expect((await lintJson(['a.md'], dir)).results[0].messages.map((m) => m.termId)).toEqual(['shixun-dalou']);

    fs.writeFileSync(path.join(dir, 'tifa.config.json'), '{ "dictionaries": ["@our-school/tifa-dictt"] }');
    const missing = await tifa(['lint', 'a.md'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/tifa\.config\.json:1:20: 找不到词典包 @our-school\/tifa-dictt/);
  });
});

describe('user dictionaries', () => {
  it('disabling a built-in entry produces no warnings about built-in files', async () => {
    // 找一个被别的默认词条 related 引用的词条
    const yaml = fs.readFileSync(path.join(ROOT, 'dictionaries/terms/law-governance.yaml'), 'utf8');
    const referenced = /related: \[([a-z0-9-]+)/.exec(yaml)![1];
    const dir = makeTree({ 'school.yaml': `meta: { name: school, version: 0.1.0 }\ndisable: [${referenced}]\nentries: []\n`, 'a.md': `${NEW}\n` });
    const check = await tifa(['dict', 'check', 'school.yaml'], { cwd: dir });
    expect(check.stdout).not.toMatch(/dictionaries\//);
    expect(check.status).toBe(0);
    const lint = await tifa(['lint', '--dict', 'school.yaml', 'a.md'], { cwd: dir });
    expect(lint.stderr).not.toMatch(/dictionaries\//);
  });

  it('accepts origin: local without sources, reports all missing fields at once, and scaffolds entries with dict new', async () => {
    const dir = makeTree({
      'bad.yaml': 'meta: { name: s, version: 0.1.0 }\nentries:\n  - id: ben-xiao\n    term: 本校双师工作室\n    origin: local\n',
    });
    const bad = await tifa(['dict', 'check', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    for (const field of ['definition', 'category', 'status']) expect(bad.stdout).toContain(`bad.yaml:3:5: 错误 缺少必填字段“${field}”`);
    expect(bad.stdout).not.toContain('sources');

    const national = makeTree({ 'n.yaml': 'meta: { name: s, version: 0.1.0 }\nentries:\n  - { id: a-b, term: 甲乙丙, definition: 说明, category: 分类, status: current }\n' });
    expect((await tifa(['dict', 'check', 'n.yaml'], { cwd: national })).stdout).toContain('缺少必填字段“sources”');

    const out = await tifa(['dict', 'new', '--term', '本校双师工作室', '--id', 'benxiao-shuangshi-gongzuoshi'], { cwd: dir });
    expect(out.status).toBe(0);
    expect(out.stdout).toMatch(/^ {2}- id: benxiao-shuangshi-gongzuoshi\n {4}term: 本校双师工作室\n {4}origin: local\n/);
    for (const args of [['--term', '旧叫法', '--status', 'outdated', '--replacement', '新叫法'], ['--term', '另一个叫法']]) {
      expect((await tifa(['dict', 'new', ...args, '--append', 'school.yaml'], { cwd: dir })).status).toBe(0);
    }
    const check = await tifa(['dict', 'check', 'school.yaml'], { cwd: dir });
    expect(check.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'school.yaml'), 'utf8').match(/^ {2}- id: /gm)).toHaveLength(2);
    expect((await tifa(['dict', 'new'], { cwd: dir })).status).toBe(2);
  });
});
