// 编码识别与 --fix 往返：GBK、UTF-16 LE/BE、UTF-8 BOM，CRLF 保留，幂等；--fix-dry-run 的 diff 能被 patch 应用。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, MISSPELT, NEW, OLD, OLD_SHORT, positionOf, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

// 每个用例要启动几次真实进程（每次加载词表），机器忙时会慢
vi.setConfig({ testTimeout: 180_000 });

beforeAll(ensureBuilt);

const TEXT = `# 招生简章\r\n\r\n本市的${OLD}今年招生五百人，${MISSPELT}也在扩招。\r\n${OLD_SHORT}的老师很多。\r\n`;
const FIXED = TEXT.replace(OLD, NEW).replace(MISSPELT, NEW).replace(OLD_SHORT, NEW);

const ENCODINGS: Record<string, (s: string) => Buffer> = {
  'gbk.txt': (s) => iconv.encode(s, 'gbk'),
  'gb18030.md': (s) => iconv.encode(s, 'gb18030'),
  'utf16le.txt': (s) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]),
  'utf16be.md': (s) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()]),
  'utf8bom.md': (s) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')]),
  'utf8.txt': (s) => Buffer.from(s, 'utf8'),
};

function tree() {
  const files: Record<string, Uint8Array> = {};
  for (const [name, encode] of Object.entries(ENCODINGS)) files[name] = encode(TEXT);
  return makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, ...files });
}

describe('encodings', () => {
  it('reads every encoding to the same findings at the same positions', async () => {
    const dir = tree();
    const r = await tifa(['lint', '-f', 'json'], { cwd: dir });
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results.map((x) => path.basename(x.filePath)).sort()).toEqual(Object.keys(ENCODINGS).sort());
    const expected = [OLD, MISSPELT, OLD_SHORT].map((m) => ({ matched: m, ...positionOf(TEXT, m) }));
    for (const res of results) {
      const got = res.messages.filter((m) => m.termId.startsWith('qinglan-')).map((m) => ({ matched: m.matched, line: m.line, column: m.column, offset: m.offset }));
      expect(got, path.basename(res.filePath)).toEqual(expected);
    }
    const enc = Object.fromEntries(results.map((x) => [path.basename(x.filePath), x.tifa.encoding]));
    expect(enc).toEqual({
      'gbk.txt': 'gb18030',
      'gb18030.md': 'gb18030',
      'utf16le.txt': 'utf-16le',
      'utf16be.md': 'utf-16be',
      'utf8bom.md': 'utf-8',
      'utf8.txt': 'utf-8',
    });
  });
});

describe('--fix', () => {
  it('rewrites in the original encoding, BOM and CRLF, and a second run changes nothing', async () => {
    const dir = tree();
    const first = await tifa(['lint', '--fix', '-f', 'json'], { cwd: dir });
    expect(first.stderr).toMatch(new RegExp(`已修复 ${3 * Object.keys(ENCODINGS).length} 处，写回 ${Object.keys(ENCODINGS).length} 个文件`));
    // 修复后剩下的问题里没有测试词条
    for (const res of JSON.parse(first.stdout) as JsonResult[]) expect(res.messages.filter((m) => m.termId.startsWith('qinglan-'))).toEqual([]);
    const after: Record<string, Buffer> = {};
    for (const [name, encode] of Object.entries(ENCODINGS)) {
      after[name] = fs.readFileSync(path.join(dir, name));
      expect(after[name].equals(encode(FIXED)), name).toBe(true);
    }
    // 没有留下临时文件
    expect(fs.readdirSync(dir).filter((f) => f.includes('.tifa-'))).toEqual([]);
    const second = await tifa(['lint', '--fix'], { cwd: dir });
    expect(second.stderr).toMatch(/没有可自动修复的问题/);
    for (const name of Object.keys(ENCODINGS)) expect(fs.readFileSync(path.join(dir, name)).equals(after[name]), name).toBe(true);
  });

  it('--fix-dry-run prints a unified diff that patch applies, and writes nothing', async () => {
    const dir = tree();
    const before = fs.readFileSync(path.join(dir, 'utf8.txt'));
    const r = await tifa(['lint', '--fix-dry-run', 'utf8.txt'], { cwd: dir });
    expect(r.stdout.startsWith('--- a/utf8.txt\n+++ b/utf8.txt\n@@ ')).toBe(true);
    expect(r.stdout).toContain(`+本市的${NEW}今年招生五百人，${NEW}也在扩招。\r\n`);
    expect(r.stderr).toMatch(/将修复 3 处，涉及 1 个文件（未写入）/);
    expect(fs.readFileSync(path.join(dir, 'utf8.txt')).equals(before)).toBe(true);
    execFileSync('patch', ['-p1', '--binary', '-s'], { cwd: dir, input: r.stdout });
    expect(fs.readFileSync(path.join(dir, 'utf8.txt'), 'utf8')).toBe(FIXED);
  });

  it('keeps file permissions', async () => {
    const dir = tree();
    const file = path.join(dir, 'utf8.txt');
    fs.chmodSync(file, 0o640);
    await tifa(['lint', '--fix', 'utf8.txt'], { cwd: dir });
    expect(fs.statSync(file).mode & 0o777).toBe(0o640);
    expect(fs.readFileSync(file, 'utf8')).toBe(FIXED);
  });
});
