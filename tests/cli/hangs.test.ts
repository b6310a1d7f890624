// 不会卡住、不会无限做下去：危险正则、用户正则的窗口、修复不收敛的词典、设备与 FIFO、指数级 glob、病态 Markdown。
// 每个进程都有时限：超时就是失败（并杀掉进程），而不是让测试一直挂着。
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, ensureBuilt, makeTree, OLD, TEST_DICTIONARY, testConfig } from './helpers';

vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt);

interface Timed {
  status: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  ms: number;
}

/** 运行 tifa，超过 ms 就杀掉。 */
function tifaWithin(args: string[], cwd: string, ms: number): Promise<Timed> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.TIFA_WORKERS;
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, ms);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), timedOut, ms: Date.now() - started });
    });
  });
}

/** 给测试词典的第一个词条加上 context。 */
function withContext(patterns: string[]): string {
  const list = patterns.map((p) => `'${p}'`).join(', ');
  return TEST_DICTIONARY.replace('    category: 测试\n    status: outdated', `    category: 测试\n    context: { require: [${list}] }\n    status: outdated`);
}

const NO_STACK = /内部错误|\n\s+at .+:\d+:\d+/;

describe('regexes in user dictionaries', () => {
  it('dict check rejects stacked unbounded quantifiers', async () => {
    const bad = ['/.*.*.*.*.*Q/', '/[^Q]*[^Q]*[^Q]*Q/', '/(?:.*)?(?:.*)?(?:.*)?Q/', '/\\p{Script=Han}*\\p{Script=Han}*\\p{Script=Han}*\\p{Script=Han}*\\p{Script=Han}*Q/', '/.{0,9000}.{0,9000}.{0,9000}Q/'];
    const dir = makeTree({ 'd.yaml': withContext(bad) });
    const r = await tifaWithin(['dict', 'check', '--no-builtin', 'd.yaml'], dir, 60_000);
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(2);
    expect(r.stdout.match(/unsafe-regex/g)?.length).toBe(bad.length);
    // 默认词表里的写法仍然可以
    const ok = makeTree({ 'd.yaml': withContext(['/(中等职业|中职)[^。；]{0,20}以就业为导向/', '/[^Q]*Q/']) });
    expect((await tifaWithin(['dict', 'check', '--no-builtin', 'd.yaml'], ok, 60_000)).status).toBe(0);
  });

  it('an accepted regex runs on a bounded window: a 200,000-character sentence does not hang lint', async () => {
    const dir = makeTree({
      'tifa.config.json': testConfig(),
      'test-dict.yaml': withContext(['/[^Q]*Q/']),
      'a.txt': `${OLD}${'甲乙丙丁戊己庚辛'.repeat(25_000)}\n`,
    });
    const r = await tifaWithin(['lint', '-f', 'json', 'a.txt'], dir, 120_000);
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(0);
  });
});

const LOOP_DICT = `meta:
  name: 修复不收敛
  version: 0.0.1
entries:
${[
  ['zengzhangci', '增长词', '增长词增长词'],
  ['zengzhang', '增长', '再增长'],
  ['jia-fangan', '甲方案', '乙方案'],
  ['yi-fangan', '乙方案', '甲方案'],
]
  .map(
    ([id, term, rep]) => `  - id: ${id}
    term: ${term}
    definition: 测试
    category: 测试
    status: outdated
    replacement: { terms: [${rep}] }
    reason: 测试
    until: 2020-01-01
    sources: [{ title: t, issuer: i, date: 2020-01-01, quote: q }]
`,
  )
  .join('')}`;

describe('replacements that contain their own term', () => {
  it('dict check rejects them at the replacement, and --fix leaves the document alone', async () => {
    const doc = '本文的增长词与甲方案。\n';
    const dir = makeTree({ 'loop.yaml': LOOP_DICT, 'a.md': doc });
    const check = await tifaWithin(['dict', 'check', 'loop.yaml'], dir, 60_000);
    expect(check.status).toBe(2);
    const lines = check.stdout.split('\n').filter((l) => l.includes('(fix-loop)'));
    expect(lines.length).toBe(4);
    const line = LOOP_DICT.split('\n').findIndex((l) => l.includes('增长词增长词')) + 1;
    expect(check.stdout).toContain(`loop.yaml:${line}:`);
    const fix = await tifaWithin(['lint', '--fix', '--dict', 'loop.yaml', 'a.md'], dir, 60_000);
    expect(fix.timedOut).toBe(false);
    expect(fix.status).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(doc);
  });
});

describe('devices and FIFOs', () => {
  it('--dict /dev/zero is refused at once', async () => {
    const dir = makeTree({ 'a.md': '正文\n' });
    const r = await tifaWithin(['lint', '--dict', '/dev/zero', 'a.md'], dir, 60_000);
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/不是普通文件/);
  });

  it.runIf(process.platform !== 'win32')('a FIFO as dictionary, config or named document does not block', async () => {
    const dir = makeTree({ 'a.md': `本市的${OLD}。\n`, 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY });
    for (const name of ['fifo.yaml', 'fifo.json', 'fifo.md']) execFileSync('mkfifo', [path.join(dir, name)]);
    const dict = await tifaWithin(['lint', '--dict', 'fifo.yaml', 'a.md'], dir, 60_000);
    expect(dict.timedOut).toBe(false);
    expect(dict.status).toBe(2);
    expect(dict.stderr).toMatch(/fifo\.yaml.*不是普通文件/);
    const config = await tifaWithin(['lint', '--config', 'fifo.json', 'a.md'], dir, 60_000);
    expect(config.timedOut).toBe(false);
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/fifo\.json.*不是普通文件/);
    const doc = await tifaWithin(['lint', 'fifo.md', 'a.md'], dir, 60_000);
    expect(doc.timedOut).toBe(false);
    expect(doc.stderr).toMatch(/fifo\.md/);
    expect(doc.stdout).toMatch(/a\.md/);
  });
});

describe('globs', () => {
  it('a/**/**/…/zz*.md on a 30-level tree is linear', async () => {
    const levels = Array.from({ length: 30 }, (_, k) => `d${k}`).join('/');
    const dir = makeTree({ [`deep/${levels}/zz1.md`]: `本市的${OLD}。\n`, [`deep/${levels}/yy.md`]: '正文\n' });
    const pattern = `deep/${'**/'.repeat(10)}zz*.md`;
    const r = await tifaWithin(['lint', '-f', 'json', pattern], dir, 60_000);
    expect(r.timedOut).toBe(false);
    const files = (JSON.parse(r.stdout) as { filePath: string }[]).map((x) => path.basename(x.filePath));
    expect(files).toEqual(['zz1.md']);
  });

  it('invalid globs are located errors, not stack traces', async () => {
    const dir = makeTree({ 'docs/a.md': '正文\n' });
    for (const g of ['[z-a].md', 'docs/{a,b']) {
      const r = await tifaWithin(['lint', g], dir, 60_000);
      expect(r.status, g).toBe(2);
      expect(r.stderr).toContain(`无效的 glob "${g}"`);
      expect(r.stderr).not.toMatch(NO_STACK);
    }
  });
});

describe('pathological Markdown', () => {
  it('is linear: nested brackets, unclosed tags, code spans and comments', async () => {
    const dir = makeTree({
      'brackets.md': '['.repeat(200_000) + ']'.repeat(200_000),
      'lt.md': '<'.repeat(400_000),
      'ticks.md': '``x`'.repeat(100_000),
      'comment.md': '<!--\n' + '注释行\n'.repeat(200_000),
      'table.md': '| a | b |\n|---|---|\n|' + ' 普通文字 |'.repeat(100_000) + '\n',
      'cr.md': '我校是普通的学校。\r'.repeat(140_000),
    });
    const r = await tifaWithin(['lint', '-f', 'json', '.'], dir, 120_000);
    expect(r.timedOut).toBe(false);
    expect((JSON.parse(r.stdout) as unknown[]).length).toBe(6);
  });
});
