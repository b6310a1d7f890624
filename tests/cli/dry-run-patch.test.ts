// --fix-dry-run 的 diff 必须能被 patch 原样打上：UTF-8 BOM、UTF-16 LE/BE、GB18030、只有 CR 与混合换行、文件名含空格。
// 打上补丁后的文件与 --fix 写出的文件逐字节相同。
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BIN, ensureBuilt, makeTree, MISSPELT, NEW, OLD, TEST_DICTIONARY, testConfig, tifa } from './helpers';

vi.setConfig({ testTimeout: 240_000 });
beforeAll(ensureBuilt);

const hasPatch = (() => {
  try {
    execFileSync('patch', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const body = (eol: string) =>
  [`# 标题`, '', `本市的${OLD}今年招生五百人，${MISSPELT}也在扩招。`, '其他内容一', '其他内容二', '其他内容三', '其他内容四', `最后一行提到${OLD}。`].join(eol) + eol;
const MIXED = `# 标题\r\n\r\n本市的${OLD}今年招生。\n其他内容一\r其他内容二\r\n${MISSPELT}在扩招。\r`;

const FILES: Record<string, Buffer> = {
  'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body('\n'), 'utf8')]),
  'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(body('\r\n'), 'utf16le')]),
  'utf16be.md': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(body('\n'), 'utf16le').swap16()]),
  'gb18030.txt': iconv.encode(body('\r\n'), 'gb18030'),
  'cr-only.md': Buffer.from(body('\r'), 'utf8'),
  'mixed.txt': Buffer.from(MIXED, 'utf8'),
  'with space 文件.md': Buffer.from(body('\n'), 'utf8'),
  'plain.md': Buffer.from(body('\n').trimEnd(), 'utf8'),
};

describe('--fix-dry-run diffs apply with patch', () => {
  it.skipIf(!hasPatch)('in every encoding and line-ending style, byte-identical to --fix', async () => {
    const dry = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, ...FILES });
    const fixed = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, ...FILES });
    const r = await tifa(['lint', '--fix-dry-run', '.'], { cwd: dry });
    expect(r.stderr).toMatch(new RegExp(`涉及 ${Object.keys(FILES).length} 个文件`));
    const diff = await rawStdout(dry);
    expect(diff.includes(Buffer.from('--- "a/with space 文件.md\t'))).toBe(false);
    expect(diff.includes(Buffer.from('--- a/with space 文件.md\t\n'))).toBe(true);
    await tifa(['lint', '--fix', '.'], { cwd: fixed });
    execFileSync('patch', ['-p1', '--binary', '-s', '--no-backup-if-mismatch'], { cwd: dry, input: diff });
    for (const name of Object.keys(FILES)) {
      const got = fs.readFileSync(path.join(dry, name));
      expect(got.equals(fs.readFileSync(path.join(fixed, name))), name).toBe(true);
      expect(got.equals(FILES[name]), `${name} changed`).toBe(false);
    }
    // 确认修复的确发生（以 UTF-8 的文件为例）
    expect(fs.readFileSync(path.join(dry, 'with space 文件.md'), 'utf8')).toContain(NEW);
  });
});

/** diff 是各文件自己编码的字节：不能经过 UTF-8 解码，直接取子进程的原始输出。 */
function rawStdout(cwd: string): Promise<Buffer> {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.TIFA_WORKERS;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'lint', '--fix-dry-run', '.'], { cwd, env, stdio: ['ignore', 'pipe', 'ignore'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.on('error', reject);
    child.on('close', () => resolve(Buffer.concat(out)));
  });
}
