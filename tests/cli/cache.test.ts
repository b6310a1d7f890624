// 解析缓存与 jieba 精简词典的缓存：每用户目录（0700），不信任别人的与内容对不上的缓存，有上限，冷热输出一致。
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, NEW, OLD, TEST_DICTIONARY, testConfig, tifa } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

// 合并词表时才发现的警告（related 指向不存在的词条）：位置应在 related 的那一项上
const WARN_DICT = TEST_DICTIONARY.replace('    category: 测试\n    status: current', '    category: 测试\n    related: [no-such-entry]\n    status: current');

function setup(dict = TEST_DICTIONARY) {
  const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': dict, 'a.md': `本市的${OLD}今年招生五百人。\n`, cache: new Uint8Array() });
  fs.rmSync(path.join(dir, 'cache'));
  const env = { XDG_CACHE_HOME: path.join(dir, 'cache'), TIFA_CACHE_DIR: undefined };
  return { dir, env, cacheDir: path.join(dir, 'cache', 'tifa') };
}

/** 用户词典的缓存条目（内容里有测试词典的名字）。 */
function userEntry(cacheDir: string): string {
  const name = fs.readdirSync(cacheDir).find((n) => n.startsWith('dict-') && fs.readFileSync(path.join(cacheDir, n), 'utf8').includes('命令行测试词典'));
  if (!name) throw new Error('no cache entry for the test dictionary');
  return path.join(cacheDir, name);
}

describe('dictionary cache', () => {
  it('lives in the per-user cache directory with mode 0700, not in the shared temp directory', async () => {
    const { dir, env, cacheDir } = setup();
    // 子进程的系统临时目录单独给一个，别的进程写的不算
    const tmp = path.join(dir, 'tmp');
    fs.mkdirSync(tmp);
    // 短写法要判断词边界：会生成 jieba 精简词典的字典树快照
    fs.writeFileSync(path.join(dir, 'b.md'), '学生到企业顶岗实习。\n');
    await tifa(['lint', 'a.md', 'b.md'], { cwd: dir, env: { ...env, TMPDIR: tmp } });
    expect(fs.statSync(cacheDir).mode & 0o777).toBe(0o700);
    const names = fs.readdirSync(cacheDir);
    expect(names.some((n) => n.startsWith('dict-'))).toBe(true);
    expect(names.some((n) => /^jieba-.*\.trie$/.test(n))).toBe(true);
    for (const n of names) expect(fs.statSync(path.join(cacheDir, n)).mode & 0o077, n).toBe(0);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('gives the same dictionary warnings, at the same positions, cold and warm', async () => {
    const { dir, env } = setup(WARN_DICT);
    const cold = await tifa(['lint', 'a.md'], { cwd: dir, env });
    const warm = await tifa(['lint', 'a.md'], { cwd: dir, env });
    expect(cold.stderr).toMatch(/no-such-entry/);
    const line = WARN_DICT.split('\n').findIndex((l) => l.includes('no-such-entry')) + 1;
    expect(cold.stderr).toContain(`test-dict.yaml:${line}:`);
    expect(warm.stderr).toBe(cold.stderr);
    expect(warm.stdout).toBe(cold.stdout);
  });

  it('rebuilds a truncated segmenter snapshot and finds the same', async () => {
    const { dir, env, cacheDir } = setup();
    fs.writeFileSync(path.join(dir, 'b.md'), '学生到企业顶岗实习。\n');
    const first = await tifa(['lint', 'a.md', 'b.md', '--format', 'json'], { cwd: dir, env });
    const trie = fs.readdirSync(cacheDir).find((n) => n.endsWith('.trie'));
    expect(trie).toBeDefined();
    const file = path.join(cacheDir, trie!);
    const size = fs.statSync(file).size;
    fs.truncateSync(file, Math.floor(size / 2));
    const again = await tifa(['lint', 'a.md', 'b.md', '--format', 'json'], { cwd: dir, env });
    expect(again.stdout).toBe(first.stdout);
    expect(JSON.parse(again.stdout).some((f: { messages: { ruleId: string }[] }) => f.messages.length > 0)).toBe(true);
    expect(fs.statSync(file).size).toBe(size);
  });

  it('explains an entry the same from the compiled glossary snapshot as from the dictionaries (every field kept)', async () => {
    const { dir, env, cacheDir } = setup();
    const builtin = { ...env, TIFA_CONFIG: undefined };
    const cold = await tifa(['explain', 'shuanggao-jihua', '--json'], { cwd: dir, env: builtin });
    expect(fs.readdirSync(cacheDir).some((n) => n.startsWith('compiled-'))).toBe(true);
    const warm = await tifa(['explain', 'shuanggao-jihua', '--json'], { cwd: dir, env: builtin });
    expect(warm.stdout).toBe(cold.stdout);
    const entry = JSON.parse(warm.stdout).entry;
    for (const field of ['definition', 'sources', 'examples', 'related', 'file']) expect(entry[field], field).toBeDefined();
  });

  it('ignores a planted entry whose content hash does not match', async () => {
    const { dir, env, cacheDir } = setup();
    await tifa(['lint', 'a.md'], { cwd: dir, env });
    const entry = userEntry(cacheDir);
    const raw = fs.readFileSync(entry, 'utf8');
    fs.writeFileSync(entry, raw.split(NEW).join('被植入的文字'));
    const r = await tifa(['lint', '--fix-dry-run', 'a.md'], { cwd: dir, env });
    expect(r.stdout).toContain(NEW);
    expect(r.stdout).not.toContain('被植入的文字');
  });

  it.runIf(isRoot)('ignores a cache directory and entries owned by another user', async () => {
    const { dir, env, cacheDir } = setup();
    await tifa(['lint', 'a.md'], { cwd: dir, env });
    const entry = userEntry(cacheDir);
    const body = fs.readFileSync(entry, 'utf8').replace(/^[^\n]*\n/, '').split(NEW).join('被植入的文字');
    const planted = `tifa-cache-sha256:${crypto.createHash('sha256').update(body).digest('hex')}\n${body}`;
    fs.writeFileSync(entry, planted);
    fs.chownSync(entry, 65534, 65534);
    let r = await tifa(['lint', '--fix-dry-run', 'a.md'], { cwd: dir, env });
    expect(r.stdout).not.toContain('被植入的文字');
    // 整个目录属于别人：不用
    fs.writeFileSync(entry, planted);
    fs.chownSync(entry, 0, 0);
    fs.chownSync(cacheDir, 65534, 65534);
    r = await tifa(['lint', '--fix-dry-run', 'a.md'], { cwd: dir, env });
    expect(r.stdout).toContain(NEW);
    expect(r.stdout).not.toContain('被植入的文字');
  });

  it('is bounded: old entries are pruned', async () => {
    const { dir, env, cacheDir } = setup();
    fs.mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    const old = new Date(Date.now() - 86_400_000);
    for (let i = 0; i < 400; i++) {
      const f = path.join(cacheDir, `dict-${String(i).padStart(32, '0')}.json`);
      fs.writeFileSync(f, 'x');
      fs.utimesSync(f, old, old);
    }
    await tifa(['lint', 'a.md'], { cwd: dir, env });
    // 启动器的 V8 代码缓存在进程退出时才写，下一次运行时与其余缓存一起按数量修剪
    const left = fs.readdirSync(cacheDir).filter((n) => !n.endsWith('.sha256') && !n.endsWith('.v8cache'));
    expect(left.length).toBeLessThanOrEqual(256);
    // 刚写的（用户词典）留下
    expect(() => userEntry(cacheDir)).not.toThrow();
  });
});
