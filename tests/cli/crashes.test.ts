// 不崩溃、不丢输出：超大文件跳过、YAML 炸弹与过深嵌套、写不了的导出路径、超大输出流式写出、
// 终端控制字符、不回显任意文件的内容、TIFA_WORKERS 的上限。
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, ensureBuilt, makeTree, MISSPELT, OLD, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt);

const NO_STACK = /内部错误|\n\s+at .+:\d+:\d+/;

function tree(files: Record<string, string | Uint8Array>) {
  return makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, ...files });
}

describe('huge inputs', () => {
  it('a text file over 512 MB is skipped with a notice, the others are linted', async () => {
    const dir = tree({ 'a.md': `本市的${OLD}。\n` });
    // 开头是文字（不会被当作二进制）、其余是空洞的稀疏文件：不占磁盘
    const fd = fs.openSync(path.join(dir, 'huge.txt'), 'w');
    fs.writeSync(fd, Buffer.from('正文内容。\n'.repeat(2000), 'utf8'));
    fs.ftruncateSync(fd, 600 * 1024 * 1024);
    fs.closeSync(fd);
    const r = await tifa(['lint', '-f', 'json', '.'], { cwd: dir });
    expect(r.stderr).toMatch(/huge\.txt：跳过过大的文件/);
    expect(r.stderr).not.toMatch(NO_STACK);
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results.map((x) => path.basename(x.filePath))).toEqual(['a.md']);
  });

  // 38 万条结果的 SARIF 超过 JS 字符串的上限；要跑几分钟，设 TIFA_HEAVY_TESTS=1 时才跑
  it.runIf(process.env.TIFA_HEAVY_TESTS === '1')('SARIF with 400,000 results is written completely', async () => {
    const dir = tree({ 'big.md': `${MISSPELT}。\n\n`.repeat(400_000) });
    const out = path.join(dir, 'out.sarif');
    const fd = fs.openSync(out, 'w');
    const status = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'lint', '-f', 'sarif', 'big.md'], { cwd: dir, stdio: ['ignore', fd, 'inherit'] });
      child.on('close', resolve);
    });
    fs.closeSync(fd);
    expect(status).toBe(0);
    expect(fs.statSync(out).size).toBeGreaterThan(512 * 1024 * 1024);
    const tail = Buffer.alloc(64);
    const rfd = fs.openSync(out, 'r');
    fs.readSync(rfd, tail, 0, 64, fs.statSync(out).size - 64);
    fs.closeSync(rfd);
    expect(tail.toString('utf8')).toMatch(/\]\n\s*\}\n\s*\}\n\s*\]\n\}\n$/);
  }, 1_800_000);
});

describe('located errors instead of stack traces', () => {
  const HEAD = 'meta: {name: a, version: "1"}\nentries: []\n';
  it('billion-laughs YAML dictionary', async () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
    const dir = makeTree({ 'bomb.yaml': HEAD + lines.join('\n') + '\nbomb: *a9\n' });
    const r = await tifa(['dict', 'check', '--no-builtin', 'bomb.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/bomb\.yaml:4:\d+: 错误 YAML 别名展开过多/);
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
  });

  it('3,000-deep YAML mapping', async () => {
    const deep = '{a: '.repeat(3000) + 'x' + '}'.repeat(3000);
    const dir = makeTree({ 'deep.yaml': `${HEAD}deep: ${deep}\n` });
    const r = await tifa(['dict', 'check', '--no-builtin', 'deep.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/deep\.yaml:3:\d+: 错误 YAML 嵌套过深/);
    expect(r.stdout + r.stderr).not.toMatch(NO_STACK);
  });

  it('dict export -o to an unwritable path', async () => {
    const dir = makeTree({ 'x.txt': '' });
    const r = await tifa(['dict', 'export', '-o', 'no/such/dir/out.yaml'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/无法写入 no\/such\/dir\/out\.yaml：目录不存在/);
    expect(r.stderr).not.toMatch(NO_STACK);
  });
});

describe('hygiene', () => {
  it('escape sequences in documents and file names do not reach the terminal (stylish)', async () => {
    const evil = '\u001b]0;pwned\u0007\u001b[2J';
    const dir = tree({ [`a\u001b[31m.md`]: `本市的${OLD}${evil}今年招生。\n` });
    const r = await tifa(['lint', '--no-color', '.'], { cwd: dir });
    expect(r.stdout).toContain(OLD);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(r.stdout).toContain('\\x1b');
  });

  it('unknown-key errors do not echo whole lines of an arbitrary file given as dictionary', async () => {
    const dir = makeTree({ shadow: 'root:$6$SECRETHASHVALUE:19000:0:99999:7:::\ndaemon:*:19000:0:99999:7:::\n' });
    const r = await tifa(['dict', 'check', '--no-builtin', 'shadow'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/shadow:1:1: 错误 未知字段/);
    expect(r.stdout).not.toContain('SECRETHASHVALUE');
  });

  it('TIFA_WORKERS is bounded', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 40; i++) files[`d/f${i}.md`] = `第${i}篇：本市的${OLD}。\n`;
    const dir = tree(files);
    const r = await tifa(['lint', '-f', 'json', '.'], { cwd: dir, env: { TIFA_WORKERS: '100000' } });
    expect(r.stderr).not.toMatch(NO_STACK);
    expect((JSON.parse(r.stdout) as JsonResult[]).length).toBe(40);
  });
});
