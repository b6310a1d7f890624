// 随包的预编译快照（npm run build 写进 dictionaries/.compiled/）：每用户缓存是空的时候（装好后第一次运行、CI 的新机器）
// 直接用它，不解析 YAML；结果、详情与现场编译的一样；词典改过（内容对不上）或快照坏了时照常现场编译。
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, ROOT, tifa } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

const DICTIONARIES = path.join(ROOT, 'dictionaries');
const PREBUILT = path.join(DICTIONARIES, '.compiled');
// 一个过时提法，一个要判断词边界的短写法（用到分词字典树）
const TEXT = '学院坚持高职高专办学方向，组织学生到企业顶岗实习。\n';

/** 默认词表的一份拷贝（可选带上预编译快照）。 */
function copyDictionaries(to: string, withPrebuilt: boolean): string {
  fs.cpSync(DICTIONARIES, to, { recursive: true, filter: (src) => withPrebuilt || path.basename(src) !== '.compiled' });
  return to;
}

function setup(): { dir: string; cache: (name: string) => string } {
  const dir = makeTree({ 'a.md': TEXT });
  return { dir, cache: (name) => path.join(dir, `cache-${name}`) };
}

const parsedSomething = (cacheDir: string) => fs.readdirSync(cacheDir).some((n) => n.startsWith('dict-') || n.startsWith('builtin-'));

describe('prebuilt glossary snapshot', () => {
  it('is written by the build', () => {
    expect(fs.existsSync(path.join(PREBUILT, 'glossary.bin'))).toBe(true);
    expect(fs.existsSync(path.join(PREBUILT, 'jieba-lite.trie'))).toBe(true);
  });

  it('an empty cache uses it without parsing any YAML, and lints and explains the same as compiling from the dictionaries', async () => {
    const { dir, cache } = setup();
    const bare = copyDictionaries(path.join(dir, 'bare'), false);
    const withPrebuilt = { TIFA_CACHE_DIR: cache('prebuilt') };
    const compiled = { TIFA_CACHE_DIR: cache('compiled'), TIFA_DICTIONARIES: bare };
    const a = await tifa(['lint', 'a.md', '--format', 'json'], { cwd: dir, env: withPrebuilt });
    const b = await tifa(['lint', 'a.md', '--format', 'json'], { cwd: dir, env: compiled });
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('高职高专');
    expect(fs.readdirSync(cache('prebuilt')).some((n) => n.startsWith('compiled-'))).toBe(true);
    expect(fs.readdirSync(cache('prebuilt')).some((n) => n.endsWith('.trie'))).toBe(true);
    expect(parsedSomething(cache('prebuilt'))).toBe(false);
    expect(parsedSomething(cache('compiled'))).toBe(true);
    // 详情段（来源、例句）也来自快照
    const ea = await tifa(['explain', 'shuanggao-jihua', '--json'], { cwd: dir, env: { TIFA_CACHE_DIR: cache('explain') } });
    const eb = await tifa(['explain', 'shuanggao-jihua', '--json'], { cwd: dir, env: compiled });
    expect(ea.stdout).toBe(eb.stdout.split(bare).join(DICTIONARIES));
    expect(parsedSomething(cache('explain'))).toBe(false);
  });

  it('points entries, sources and documents at the dictionaries it is installed with, not at the build machine', async () => {
    const { dir, cache } = setup();
    const copy = copyDictionaries(path.join(dir, 'moved'), true);
    const filesIn = (value: unknown): string[] =>
      Array.isArray(value) ? value.flatMap(filesIn) : value && typeof value === 'object' ? Object.entries(value).flatMap(([k, v]) => (k === 'file' && typeof v === 'string' ? [v] : filesIn(v))) : [];
    for (const env of [{ TIFA_CACHE_DIR: cache('moved'), TIFA_DICTIONARIES: copy }, { TIFA_CACHE_DIR: path.join(dir, 'a.md', 'no-cache'), TIFA_DICTIONARIES: copy }]) {
      const r = await tifa(['explain', 'shuanggao-jihua', '--json'], { cwd: dir, env });
      expect(r.status).toBe(0);
      const files = filesIn(JSON.parse(r.stdout));
      expect(files.length).toBeGreaterThan(2);
      for (const f of files) {
        expect(f.startsWith(copy + path.sep)).toBe(true);
        expect(fs.existsSync(f)).toBe(true);
      }
    }
    expect(parsedSomething(cache('moved'))).toBe(false);
  });

  it('is not used once a dictionary file differs from the one it was built from', async () => {
    const { dir, cache } = setup();
    const copy = copyDictionaries(path.join(dir, 'edited'), true);
    const file = path.join(copy, 'outdated', 'system.yaml');
    // 同样的字节数、不同的内容：只看大小或修改时间的键认不出来
    const text = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, text.replaceAll('高职高专', '高职高转'));
    const r = await tifa(['lint', 'a.md', '--format', 'json'], { cwd: dir, env: { TIFA_CACHE_DIR: cache('edited'), TIFA_DICTIONARIES: copy } });
    expect(parsedSomething(cache('edited'))).toBe(true);
    expect(r.stdout).toContain('顶岗实习');
    expect(r.stdout).not.toContain('高职高专');
  });

  it('is read directly when the cache directory cannot be created (read-only home, container user)', async () => {
    const { dir } = setup();
    const copy = copyDictionaries(path.join(dir, 'marked'), true);
    // 给快照里的一个替换写法做记号（同样的字节数，偏移不变）：输出里出现记号，说明读的确实是这份快照而不是现场编译
    const file = path.join(copy, '.compiled', 'glossary.bin');
    const bytes = fs.readFileSync(file);
    const [from, to] = [Buffer.from('高职专科'), Buffer.from('高职专料')];
    expect(bytes.indexOf(from)).toBeGreaterThan(0);
    for (let i = bytes.indexOf(from); i >= 0; i = bytes.indexOf(from, i + 1)) to.copy(bytes, i);
    fs.writeFileSync(file, bytes);
    fs.writeFileSync(path.join(dir, 'blocker'), '');
    const env = { TIFA_CACHE_DIR: path.join(dir, 'blocker', 'cache'), TIFA_DICTIONARIES: copy };
    const r = await tifa(['lint', 'a.md', '--format', 'json'], { cwd: dir, env });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('高职专料');
    expect(r.stdout).toContain('顶岗实习');
    // 详情段（来源）也从内存里的快照读
    const e = await tifa(['explain', 'gaozhi-gaozhuan', '--json'], { cwd: dir, env });
    expect(e.status).toBe(0);
    expect(JSON.parse(e.stdout).entry.sources.length).toBeGreaterThan(0);
  });

  it('falls back to compiling when the prebuilt files are damaged', async () => {
    const { dir, cache } = setup();
    const copy = copyDictionaries(path.join(dir, 'damaged'), true);
    for (const name of ['glossary.bin', 'jieba-lite.trie']) {
      const file = path.join(copy, '.compiled', name);
      fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2));
    }
    const bare = copyDictionaries(path.join(dir, 'bare'), false);
    const a = await tifa(['lint', 'a.md', '--format', 'json'], { cwd: dir, env: { TIFA_CACHE_DIR: cache('damaged'), TIFA_DICTIONARIES: copy } });
    const b = await tifa(['lint', 'a.md', '--format', 'json'], { cwd: dir, env: { TIFA_CACHE_DIR: cache('bare'), TIFA_DICTIONARIES: bare } });
    expect(a.stderr).toBe('');
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toContain('高职高专');
  });
});
