// --fix 不丢用户的东西：检查期间保存的修改、符号链接、硬链接、只读文件、权限与属主、写入失败、残留的临时文件。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, NEW, OLD, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

const LINE = `本市的${OLD}今年招生五百人。\n`;
const FIXED = LINE.replace(OLD, NEW);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function tree(files: Record<string, string | Uint8Array>) {
  return makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, ...files });
}

function json(stdout: string): JsonResult[] {
  return JSON.parse(stdout) as JsonResult[];
}

describe('--fix keeps links, permissions and owners', () => {
  it('writes through a symlink to its target and keeps the link', async () => {
    const dir = tree({ 'real/doc.txt': LINE });
    fs.symlinkSync('real/doc.txt', path.join(dir, 'link.md'));
    const r = await tifa(['lint', '--fix', 'link.md'], { cwd: dir });
    expect(r.stderr).toMatch(/写回 1 个文件/);
    expect(fs.lstatSync(path.join(dir, 'link.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real/doc.txt'), 'utf8')).toBe(FIXED);
  });

  it('refuses a file with hard links and leaves both names identical', async () => {
    const dir = tree({ 'a.md': LINE });
    fs.linkSync(path.join(dir, 'a.md'), path.join(dir, 'b.txt'));
    const r = await tifa(['lint', '--fix', 'a.md'], { cwd: dir });
    expect(r.stderr).toMatch(/a\.md：未修改：文件有 2 个硬链接/);
    expect(fs.statSync(path.join(dir, 'a.md')).nlink).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')).toBe(LINE);
  });

  it('refuses a read-only (0444) file', async () => {
    const dir = tree({ 'ro.md': LINE });
    fs.chmodSync(path.join(dir, 'ro.md'), 0o444);
    const r = await tifa(['lint', '--fix', 'ro.md'], { cwd: dir });
    expect(r.stderr).toMatch(/ro\.md：未修改：文件不可写/);
    expect(fs.readFileSync(path.join(dir, 'ro.md'), 'utf8')).toBe(LINE);
    expect(fs.statSync(path.join(dir, 'ro.md')).mode & 0o7777).toBe(0o444);
  });

  it('keeps mode 0664 exactly (umask 022 must not apply) and the owner', async () => {
    const dir = tree({ 'g.md': LINE, 'o.md': LINE });
    fs.chmodSync(path.join(dir, 'g.md'), 0o664);
    if (isRoot) fs.chownSync(path.join(dir, 'o.md'), 65534, 65534);
    const before = fs.statSync(path.join(dir, 'o.md'));
    const r = await tifa(['lint', '--fix', '.'], { cwd: dir });
    expect(r.stderr).toMatch(/写回 2 个文件/);
    expect(fs.statSync(path.join(dir, 'g.md')).mode & 0o7777).toBe(0o664);
    const after = fs.statSync(path.join(dir, 'o.md'));
    expect([after.uid, after.gid]).toEqual([before.uid, before.gid]);
    expect(fs.readFileSync(path.join(dir, 'o.md'), 'utf8')).toBe(FIXED);
  });
});

describe('--fix never overwrites an edit saved meanwhile', () => {
  it('an edit saved while the temp file is written is kept and reported', async () => {
    // 大文件让写临时文件有一段时间；临时文件一出现就追加一行（模拟编辑器保存）
    const body = LINE + '普通的一行文字，没有任何需要修改的提法。\n'.repeat(400_000);
    const dir = tree({ 'big.txt': body });
    const file = path.join(dir, 'big.txt');
    const edit = '用户刚刚保存的一行。\n';
    let appended = false;
    const watcher = fs.watch(dir, (_event, name) => {
      if (!appended && name && /^\.big\.txt\.tifa-.*\.tmp$/.test(String(name))) {
        appended = true;
        fs.appendFileSync(file, edit);
      }
    });
    try {
      const r = await tifa(['lint', '--fix', '-f', 'json', 'big.txt'], { cwd: dir });
      expect(appended).toBe(true);
      const text = fs.readFileSync(file, 'utf8');
      expect(text.endsWith(edit)).toBe(true);
      expect(r.stderr).toMatch(/big\.txt：文件在检查期间被修改，未写回/);
      expect(r.stderr).not.toMatch(/写回 1 个文件/);
    } finally {
      watcher.close();
    }
  });
});

describe('--fix goes on after a write error', () => {
  it('reports the file that cannot be written as failed, fixes the others, JSON stays complete', async () => {
    const dir = tree({ 'locked/a.md': LINE, 'open/b.md': LINE });
    const locked = path.join(dir, 'locked');
    // root 不受目录权限限制：用 immutable 属性；普通用户用 0555
    if (isRoot) execFileSync('chattr', ['+i', locked]);
    else fs.chmodSync(locked, 0o555);
    try {
      const r = await tifa(['lint', '--fix', '-f', 'json', '.'], { cwd: dir });
      expect(r.stderr).not.toMatch(/内部错误|at .*\.js:\d+/);
      const results = json(r.stdout);
      const a = results.find((x) => x.filePath.endsWith('a.md'))!;
      const b = results.find((x) => x.filePath.endsWith('b.md'))!;
      expect(a.messages[0].message).toMatch(/写回失败/);
      expect(fs.readFileSync(path.join(dir, 'open/b.md'), 'utf8')).toBe(FIXED);
      expect(b.messages.filter((m) => m.termId.startsWith('qinglan-'))).toEqual([]);
      expect(r.status).toBe(1);
    } finally {
      if (isRoot) execFileSync('chattr', ['-i', locked]);
      else fs.chmodSync(locked, 0o755);
    }
  });
});

describe('temp files left by a killed --fix', () => {
  it('are removed by a later run once they are stale; fresh ones stay', async () => {
    const dir = tree({ 'a.md': LINE, '.a.md.tifa-123-0123abcd.tmp': 'old', '.a.md.tifa-124-89abcdef.tmp': 'fresh' });
    const old = new Date(Date.now() - 3600_000);
    fs.utimesSync(path.join(dir, '.a.md.tifa-123-0123abcd.tmp'), old, old);
    await tifa(['lint', 'a.md'], { cwd: dir });
    expect(fs.existsSync(path.join(dir, '.a.md.tifa-123-0123abcd.tmp'))).toBe(false);
    expect(fs.existsSync(path.join(dir, '.a.md.tifa-124-89abcdef.tmp'))).toBe(true);
  });
});
