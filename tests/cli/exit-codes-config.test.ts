// 退出码（0/1/2）、配置的向上查找与校验错误（file:line:col）、忽略规则、坏词典。
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, MISSPELT, NEW, OLD, positionOf, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

// 每个用例要启动几次真实进程（每次加载词表），机器忙时会慢
vi.setConfig({ testTimeout: 180_000 });

beforeAll(ensureBuilt);

const WARN_ONLY = `本市的${OLD}今年招生五百人。\n`;

function ourMessages(stdout: string) {
  return (JSON.parse(stdout) as JsonResult[]).flatMap((r) =>
    r.messages.filter((m) => m.termId.startsWith('qinglan-')).map((m) => ({ file: path.basename(r.filePath), ...m })),
  );
}

describe('exit codes', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'warn.md': WARN_ONLY, 'clean.txt': `${NEW}。\n` });
  });

  it('is 0 for a clean file and for warnings within --max-warnings', async () => {
    expect((await tifa(['lint', 'clean.txt'], { cwd: dir })).status).toBe(0);
    expect((await tifa(['lint', 'warn.md'], { cwd: dir })).status).toBe(0);
    expect((await tifa(['lint', 'warn.md', '--max-warnings', '1'], { cwd: dir })).status).toBe(0);
  });

  it('is 1 for warnings over --max-warnings and for errors (--rule), and --quiet hides warnings', async () => {
    const over = await tifa(['lint', 'warn.md', '--max-warnings', '0'], { cwd: dir });
    expect(over.status).toBe(1);
    expect(over.stderr).toMatch(/超过 --max-warnings 0/);
    const asError = await tifa(['lint', 'warn.md', '--rule', 'outdated-term=error', '-f', 'json'], { cwd: dir });
    expect(asError.status).toBe(1);
    expect(ourMessages(asError.stdout).map((m) => m.severity)).toEqual([2]);
    const quiet = await tifa(['lint', 'warn.md', '--quiet', '-f', 'json'], { cwd: dir });
    expect(quiet.status).toBe(0);
    expect(ourMessages(quiet.stdout)).toEqual([]);
    const off = await tifa(['lint', 'warn.md', '--rule', 'outdated-term=off', '-f', 'json'], { cwd: dir });
    expect(ourMessages(off.stdout)).toEqual([]);
  });

  it('is 2 for usage errors, with a Chinese message', async () => {
    const cases: [string[], RegExp][] = [
      [['lint', '--fomat', 'json'], /未知选项 --fomat，是否想写 --format？/],
      [['lint', '--format', 'xml'], /未知输出格式 xml/],
      [['lint', '--rule', 'outdated=warn'], /未知规则 outdated，是否想写 outdated-term？/],
      [['lint', '--rule', 'misquote=loud'], /级别应为/],
      [['lint', '--as-of', '2024-13-01'], /--as-of 应为 YYYY-MM-DD/],
      [['lint', 'no-such-dir'], /找不到文件或目录：no-such-dir[\s\S]*--no-error-on-unmatched-pattern/],
      [['lnit'], /未知命令 lnit，是否想写 lint？/],
      [['lint', '--fix', '--fix-dry-run'], /不能同时使用/],
    ];
    for (const [args, message] of cases) {
      const r = await tifa(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });

  it('prints help for every command and the version', async () => {
    for (const args of [['--help'], ['lint', '--help'], ['explain', '-h'], ['dict', '--help'], ['extract', '--help']]) {
      const r = await tifa(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/用法/);
    }
    expect((await tifa(['lint', '--help'], { cwd: dir })).stdout).toMatch(/--max-warnings/);
    const v = await tifa(['--version'], { cwd: dir });
    expect(v.stdout).toMatch(/^tifa \d+\.\d+\.\d+\n内置词表 /);
  });
});

describe('config discovery', () => {
  it('uses the nearest config upward from each file, package.json "tifa" included', async () => {
    const dir = makeTree({
      'tifa.config.json': testConfig(),
      'test-dict.yaml': TEST_DICTIONARY,
      'a/warn.md': WARN_ONLY,
      // 子目录的配置关掉过时规则，并放行一个写法
      'b/.tifarc.json': JSON.stringify({ dictionaries: ['../test-dict.yaml'], rules: { 'outdated-term': 'off' } }),
      'b/warn.md': WARN_ONLY + `${MISSPELT}开课。\n`,
      'c/package.json': JSON.stringify({ name: 'c', tifa: { dictionaries: ['../test-dict.yaml'], allow: [MISSPELT] } }),
      'c/warn.md': WARN_ONLY + `${MISSPELT}开课。\n`,
    });
    const r = await tifa(['lint', '-f', 'json'], { cwd: dir });
    const got = ourMessages(r.stdout).map((m) => `${m.file}:${m.ruleId}`);
    const byDir = (JSON.parse(r.stdout) as JsonResult[]).map((x) => [
      path.basename(path.dirname(x.filePath)),
      x.messages.filter((m) => m.termId.startsWith('qinglan-')).map((m) => m.ruleId),
    ]);
    expect(Object.fromEntries(byDir)).toEqual({ a: ['outdated-term'], b: ['variant'], c: ['outdated-term'] });
    expect(got.length).toBe(3);
  });

  it('--config replaces discovery', async () => {
    const dir = makeTree({
      'test-dict.yaml': TEST_DICTIONARY,
      'strict.json': testConfig({ rules: { 'outdated-term': 'error' } }),
      'tifa.config.json': testConfig({ rules: { 'outdated-term': 'off' } }),
      'warn.md': WARN_ONLY,
    });
    expect((await tifa(['lint'], { cwd: dir })).status).toBe(0);
    expect((await tifa(['lint', '--config', 'strict.json'], { cwd: dir })).status).toBe(1);
  });

  it('rejects an unknown key with file:line:col and a suggestion (exit 2)', async () => {
    const text = '{\n  "dictionary": ["test-dict.yaml"]\n}\n';
    const dir = makeTree({ 'docs/tifa.config.json': text, 'docs/a.md': WARN_ONLY });
    const r = await tifa(['lint'], { cwd: dir });
    expect(r.status).toBe(2);
    const p = positionOf(text, '"dictionary"');
    expect(r.stderr).toContain(`${path.join(dir, 'docs/tifa.config.json')}:${p.line}:${p.column}: 未知配置项 dictionary，是否想写 dictionaries？`);
  });

  it('reports JSON syntax errors and unknown term ids with positions', async () => {
    // JSONC：注释与尾逗号可以，缺逗号不行
    const broken = '// 配置\n{\n  "rules": {\n    "misquote": "off",\n  },\n  "asOf": "2024-01-01"\n  "ignore": []\n}\n';
    const dir = makeTree({ '.tifarc.json': broken, 'a.md': WARN_ONLY });
    const r = await tifa(['lint'], { cwd: dir });
    expect(r.status).toBe(2);
    const p = positionOf(broken, '"ignore"');
    expect(r.stderr).toMatch(new RegExp(`\\.tifarc\\.json:${p.line}:${p.column}: JSON 语法错误：应为逗号`));

    const terms = testConfig({ terms: { 'qinglan-jineng-xuyuan': 'off' } });
    const dir2 = makeTree({ 'tifa.config.json': terms, 'test-dict.yaml': TEST_DICTIONARY, 'a.md': WARN_ONLY });
    const r2 = await tifa(['lint'], { cwd: dir2 });
    expect(r2.status).toBe(2);
    const q = positionOf(terms, '"qinglan-jineng-xuyuan"');
    expect(r2.stderr).toContain(`tifa.config.json:${q.line}:${q.column}: terms 中的词条 qinglan-jineng-xuyuan 不存在，是否想写 qinglan-jineng-xueyuan？`);
  });
});

describe('ignores', () => {
  it('honours .gitignore, config ignore patterns and skips node_modules', async () => {
    const dir = makeTree({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'build/\n',
      'tifa.config.json': testConfig({ ignore: ['drafts/**', '*.old.md'] }),
      'test-dict.yaml': TEST_DICTIONARY,
      'keep.md': WARN_ONLY,
      'build/out.md': WARN_ONLY,
      'drafts/d.md': WARN_ONLY,
      'notes.old.md': WARN_ONLY,
      'node_modules/x/readme.md': WARN_ONLY,
    });
    const r = await tifa(['lint', '-f', 'json'], { cwd: dir });
    expect((JSON.parse(r.stdout) as JsonResult[]).map((x) => path.relative(dir, x.filePath))).toEqual(['keep.md']);
  });
});

describe('dictionaries', () => {
  it('stops with exit 2 and file:line:col for a broken user dictionary', async () => {
    const bad = TEST_DICTIONARY.replace('status: outdated', 'status: obsolete');
    const dir = makeTree({ 'bad.yaml': bad, 'a.md': WARN_ONLY });
    const r = await tifa(['lint', '--dict', 'bad.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    const p = positionOf(bad, 'obsolete');
    const line = r.stderr.split('\n').find((l) => l.startsWith('bad.yaml:'))!;
    expect(line).toMatch(new RegExp(`^bad\\.yaml:${p.line}:\\d+: 错误 `));
    expect(r.stdout).toBe('');
    const missing = await tifa(['lint', '--dict', 'none.yaml'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/none\.yaml:1:1: 错误 /);
  });

  it('dict check lists problems and exits 2; dict test reports like a test runner', async () => {
    const failing = TEST_DICTIONARY.replace('pass: [青蓝技能学院开设了三个专业。]', `pass: [青蓝技能学院开设了三个专业。, ${MISSPELT}也开课。]`);
    const dir = makeTree({ 'good.yaml': TEST_DICTIONARY, 'bad.yaml': TEST_DICTIONARY.replace('version: 9.9.9-test', 'version: 1\n  colour: red'), 'failing.yaml': failing });
    const good = await tifa(['dict', 'check', 'good.yaml'], { cwd: dir });
    expect(good.status).toBe(0);
    expect(good.stdout).toMatch(/✔ 词典无错误/);
    const bad = await tifa(['dict', 'check', 'bad.yaml'], { cwd: dir });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toMatch(/^bad\.yaml:\d+:\d+: 错误 /m);

    const ok = await tifa(['dict', 'test', 'good.yaml'], { cwd: dir });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^✓ qinglan-gongcheng-xuetang /m);
    expect(ok.stdout).toMatch(/^4 passed, 0 failed$/m);
    const fail = await tifa(['dict', 'test', 'failing.yaml'], { cwd: dir });
    expect(fail.status).toBe(1);
    expect(fail.stdout).toMatch(/^✗ qinglan-jineng-xueyuan /m);
    expect(fail.stdout).toContain(`不应报：${MISSPELT}也开课。`);
    expect(fail.stdout).toMatch(/^4 passed, 1 failed$/m);
  });

  it('dict check on the built-in glossary has no errors', async () => {
    const dir = makeTree({});
    const r = await tifa(['dict', 'check'], { cwd: dir });
    expect(r.stdout).toMatch(/✔ 词典无错误：\d+ 个词条/);
    expect(r.status).toBe(0);
  });
});

describe('binary and unsupported files', () => {
  it('skips a binary file with a notice', async () => {
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'logo.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3]), 'a.md': WARN_ONLY });
    const r = await tifa(['lint', '-f', 'json'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/logo\.txt：跳过二进制文件/);
    expect((JSON.parse(r.stdout) as JsonResult[]).map((x) => path.basename(x.filePath))).toEqual(['a.md']);
    expect(fs.existsSync(path.join(dir, 'logo.txt'))).toBe(true);
  });
});
