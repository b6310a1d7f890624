// 术语中间夹着零宽字符（U+200B 等）不能让它漏检；位置精确指回原文（区间包含零宽字符），--fix 换成规范写法。
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, NEW, OLD, positionOf, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

describe('zero-width characters inside a term', () => {
  for (const zw of ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad']) {
    it(`U+${zw.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} does not hide the term`, async () => {
      const hidden = OLD.slice(0, 3) + zw + OLD.slice(3);
      const text = `第一行。\n本市的${hidden}今年招生五百人。\n`;
      const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'a.md': text });
      const r = await tifa(['lint', '-f', 'json', 'a.md'], { cwd: dir });
      const m = (JSON.parse(r.stdout) as JsonResult[])[0].messages.find((x) => x.termId === 'qinglan-gongcheng-xuetang');
      expect(m).toBeDefined();
      const at = positionOf(text, hidden);
      expect({ offset: m!.offset, length: m!.length, line: m!.line, column: m!.column }).toEqual({ offset: at.offset, length: hidden.length, line: at.line, column: at.column });
      expect(text.slice(m!.offset, m!.offset + m!.length)).toBe(hidden);
      await tifa(['lint', '--fix', 'a.md'], { cwd: dir });
      expect(fs.readFileSync(path.join(dir, 'a.md'), 'utf8')).toBe(`第一行。\n本市的${NEW}今年招生五百人。\n`);
    });
  }
});
