import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitLinesKeepEnds, unifiedDiff } from '../src/fix/unified-diff';

/** 用系统的 patch 把 diff 打到旧文本上，检验 diff 真能用。 */
function applyWithPatch(before: string, diff: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-diff-'));
  try {
    fs.writeFileSync(path.join(dir, 'f.md'), before);
    execFileSync('patch', ['-p1', '--binary', '-s'], { cwd: dir, input: diff });
    return fs.readFileSync(path.join(dir, 'f.md'), 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const hasPatch = (() => {
  try {
    execFileSync('patch', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('unifiedDiff', () => {
  it('keeps line endings in split lines', () => {
    expect(splitLinesKeepEnds('a\r\nb\nc\rd')).toEqual(['a\r\n', 'b\n', 'c\r', 'd']);
  });

  it('is empty for equal texts', () => {
    expect(unifiedDiff('f.md', '相同\n', '相同\n')).toBe('');
  });

  const cases: [string, string, string][] = [
    [
      'two distant edits in CRLF text',
      Array.from({ length: 40 }, (_, i) => `第${i}段提到高职高专院校。\r\n`).join(''),
      Array.from({ length: 40 }, (_, i) => (i === 2 || i === 30 ? `第${i}段提到职业专科学校。\r\n` : `第${i}段提到高职高专院校。\r\n`)).join(''),
    ],
    ['edit without trailing newline', '第一行\n最后一行高职高专', '第一行\n最后一行职业专科'],
    ['adjacent edits merge into one hunk', 'a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nB\nc\nd\nE\nf\ng\nh\n'],
  ];
  for (const [name, before, after] of cases) {
    it.skipIf(!hasPatch)(`produces a patch that applies: ${name}`, () => {
      const diff = unifiedDiff('f.md', before, after);
      expect(diff.startsWith('--- a/f.md\n+++ b/f.md\n@@ ')).toBe(true);
      expect(applyWithPatch(before, diff)).toBe(after);
    });
  }

  it('splits distant edits into separate hunks', () => {
    const [, before, after] = cases[0];
    expect(unifiedDiff('f.md', before, after).match(/^@@ /gm)).toHaveLength(2);
    expect(unifiedDiff('f.md', cases[2][1], cases[2][2]).match(/^@@ /gm)).toHaveLength(1);
  });
});
