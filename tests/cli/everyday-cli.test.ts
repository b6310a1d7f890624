// 命令行习惯（与 ESLint 一致的部分）：没有匹配的文件 → 2、--stdin、-o、compact 格式、tifa help <命令>、用法错误一律 2、
// --quiet 说明隐藏了多少、--fix-dry-run 的退出码、抑制注释里的未知 id 与 --report-unused-disable-directives、
// JSON 的 suppressedMessages、.git/info/exclude 与 core.excludesFile。
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fromYAML } from 'prh';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, ensureBuilt, makeTree, NEW, OLD, TEST_DICTIONARY, testConfig, tifa, type JsonResult, type RunResult } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

const WARN = `本市的${OLD}今年招生五百人。\n`;

function tifaStdin(args: string[], cwd: string, input: string): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env };
    delete env.FORCE_COLOR;
    delete env.TIFA_WORKERS;
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.end(input);
  });
}

describe('no files matched', () => {
  it('exits 2 with the reason for a mistyped glob, an empty folder, only unsupported files or a missing path', async () => {
    const dir = makeTree({ 'docs/a.md': WARN, 'empty/.keep': '', 'rst/a.rst': WARN });
    fs.rmSync(path.join(dir, 'empty/.keep'));
    const cases: [string, RegExp][] = [
      ['doc/**/*.md', /没有文件匹配 doc\/\*\*\/\*\.md/],
      ['empty', /目录 empty 里没有要检查的文件/],
      ['rst', /目录 rst 里没有要检查的文件/],
      ['rst/a.rst', /不支持的文件类型：rst\/a\.rst/],
      ['nope.md', /找不到文件或目录：nope\.md/],
    ];
    for (const [arg, reason] of cases) {
      const r = await tifa(['lint', arg], { cwd: dir });
      expect(r.status, arg).toBe(2);
      expect(r.stderr, arg).toMatch(reason);
      expect(r.stderr).toMatch(/--no-error-on-unmatched-pattern/);
      const ok = await tifa(['lint', arg, 'docs', '--no-error-on-unmatched-pattern'], { cwd: dir });
      expect(ok.status, arg).toBe(0);
    }
  });
});

describe('input and output', () => {
  it('lints --stdin with --stdin-filename (language and config from that name) and writes -o files', async () => {
    const dir = makeTree({ 'sub/tifa.config.json': testConfig({ rules: { 'outdated-term': 'error' } }), 'sub/test-dict.yaml': TEST_DICTIONARY });
    const r = await tifaStdin(['lint', '--stdin', '--stdin-filename', 'sub/x.md', '-f', 'json'], dir, `<!-- 注释里的${OLD}不算 -->\n${WARN}`);
    expect(r.status).toBe(1);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    expect(res.filePath).toBe(path.join(dir, 'sub/x.md'));
    expect(res.messages.map((m) => [m.matched, m.line, m.severity])).toEqual([[OLD, 2, 2]]);

    const o = await tifaStdin(['lint', '--stdin', '--stdin-filename', 'sub/x.md', '-o', 'out/result.txt', '-f', 'compact'], dir, WARN);
    expect(o.status).toBe(1);
    expect(o.stdout).toBe('');
    const line = fs.readFileSync(path.join(dir, 'out/result.txt'), 'utf8');
    // compact：file:line:col: severity rule message，一行一个问题
    expect(line).toMatch(new RegExp(`^sub/x\\.md:1:4: error outdated-term/qinglan-gongcheng-xuetang .*${NEW}.*\\n$`));

    expect((await tifa(['lint', '--stdin-filename', 'a.md'], { cwd: dir })).status).toBe(2);
    expect((await tifaStdin(['lint', '--stdin', '--fix'], dir, WARN)).status).toBe(2);
  });
});

describe('help and usage errors', () => {
  it('tifa help <command> prints the command help; usage errors exit 2 in every command', async () => {
    const dir = makeTree({});
    const viaHelp = await tifa(['help', 'lint'], { cwd: dir });
    expect(viaHelp.status).toBe(0);
    expect(viaHelp.stdout).toBe((await tifa(['lint', '--help'], { cwd: dir })).stdout);
    expect((await tifa(['help', 'dict'], { cwd: dir })).stdout).toMatch(/dict new --term|new --term/);
    for (const args of [['help', 'lnt'], ['lint', '--bogus'], ['explain', '--bogus', 'x'], ['dict', 'check', '--bogus'], ['extract', '--bogus'], ['dict', 'nope'], ['lint', '-f', 'compcat']]) {
      const r = await tifa(args, { cwd: dir });
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('exit codes and hidden output', () => {
  it('--quiet says how many warnings it hid; --fix-dry-run exits like lint when fixes are pending', async () => {
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'a.md': WARN });
    const q = await tifa(['lint', '-q', 'a.md'], { cwd: dir });
    expect(q.status).toBe(0);
    expect(q.stderr).toMatch(/--quiet：已隐藏 1 个警告与提示/);

    const lint = await tifa(['lint', '--rule', 'outdated-term=error', 'a.md'], { cwd: dir });
    const dry = await tifa(['lint', '--rule', 'outdated-term=error', '--fix-dry-run', 'a.md'], { cwd: dir });
    expect(lint.status).toBe(1);
    expect(dry.status).toBe(lint.status);
    expect(dry.stdout).toContain(`+本市的${NEW}今年招生五百人。`);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(WARN);
  });
});

describe('suppression comments', () => {
  it('reports unknown ids, unused directives on request, and lists suppressed findings in JSON', async () => {
    const text = [
      `<!-- tifa-disable-next-line qinglan-gongcheng-xuetang -->`,
      WARN.trim(),
      `<!-- tifa-disable-next-line outdated-trem, qinglan-gongcheng -->`,
      WARN.trim(),
      `<!-- tifa-disable-next-line variant -->`,
      '这一行没有问题。',
      '',
    ].join('\n');
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'a.md': text });
    const r = await tifa(['lint', '-f', 'json', 'a.md'], { cwd: dir });
    const [res] = JSON.parse(r.stdout) as (JsonResult & { suppressedMessages: { termId: string; line: number; suppressions: unknown[] }[] })[];
    const directive = res.messages.filter((m) => m.ruleId === 'disable-directive');
    expect(directive.map((m) => [m.line, m.message])).toEqual([[3, '抑制注释中的规则或词条 id 不存在：outdated-trem、qinglan-gongcheng']]);
    // 写错 id 的注释什么也没压下：第 4 行照报
    expect(res.messages.filter((m) => m.termId === 'qinglan-gongcheng-xuetang').map((m) => m.line)).toEqual([4]);
    expect(res.suppressedMessages.map((m) => [m.termId, m.line, m.suppressions])).toEqual([['qinglan-gongcheng-xuetang', 2, [{ kind: 'directive', justification: '' }]]]);

    const unused = await tifa(['lint', '--report-unused-disable-directives', '-f', 'compact', 'a.md'], { cwd: dir });
    expect(unused.status).toBe(1);
    expect(unused.stdout).toMatch(/^a\.md:5:6: error disable-directive 这条抑制注释没有压下任何问题/m);
    expect(unused.stdout).not.toMatch(/^a\.md:1:\d+: error disable-directive/m);
  });
});

describe('git excludes', () => {
  it('honours .git/info/exclude and core.excludesFile like .gitignore', async () => {
    const dir = makeTree({
      'tifa.config.json': testConfig(),
      'test-dict.yaml': TEST_DICTIONARY,
      'keep.md': WARN,
      'local-notes/a.md': WARN,
      'scratch.md': WARN,
      'home/global-ignore': 'scratch.md\n',
    });
    execFileSync('git', ['init', '-q'], { cwd: dir });
    fs.writeFileSync(path.join(dir, '.git/info/exclude'), '# 本地\nlocal-notes/\n');
    const gitconfig = path.join(dir, 'home/gitconfig');
    fs.writeFileSync(gitconfig, `[core]\n\texcludesFile = ${path.join(dir, 'home/global-ignore')}\n`);
    const r = await tifa(['lint', '-f', 'json', '.'], { cwd: dir, env: { GIT_CONFIG_GLOBAL: gitconfig, HOME: path.join(dir, 'home') } });
    const files = (JSON.parse(r.stdout) as JsonResult[]).map((x) => path.relative(dir, x.filePath)).filter((f) => f.endsWith('.md'));
    expect(files).toEqual(['keep.md']);
  });
});

describe('prh export', () => {
  it('keeps tifa\'s case and width folding: 1+x and １＋Ｘ are caught as 1+X', async () => {
    const dir = makeTree({});
    const r = await tifa(['dict', 'export', '--format', 'prh'], { cwd: dir });
    expect(r.status).toBe(0);
    const engine = fromYAML(path.join(dir, 'prh.yml'), r.stdout);
    expect(engine.replaceByRule('a.md', '稳妥实施1+x证书制度。')).toBe('稳妥实施1+X证书制度。');
    expect(engine.replaceByRule('a.md', '稳妥实施１＋Ｘ证书制度。')).toBe('稳妥实施1+X证书制度。');
    expect(engine.replaceByRule('a.md', '稳妥实施1+X证书制度。')).toBe('稳妥实施1+X证书制度。');
  });
});
