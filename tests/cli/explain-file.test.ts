// tifa explain <词条> --file：说明在这份文件里按哪个文档日期、从哪里取得，以及与该词条有关的发现（与 lint 同一套判断）。
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, makeTree, tifa } from './helpers';

beforeAll(() => ensureBuilt());

const DRAFT = '我校“十四五”期间累计培养毕业生两万人。\n\n学校将继续服务“十四五”规划。\n\n\n2026年6月1日\n';

describe('explain --file', () => {
  it('names the signature date and lists the findings of this entry only', async () => {
    const dir = makeTree({ 'draft.txt': DRAFT });
    const r = await tifa(['explain', '十四五', '--file', 'draft.txt', '--no-color'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('文档日期：2026-06-01（落款的成文日期，第 6 行）');
    expect(r.stdout).toMatch(/draft\.txt:3:\d+ +warning/);
    expect(r.stdout).not.toMatch(/draft\.txt:1:/); // 回顾性的“期间……累计”不报
  });

  it('uses front matter first, then --as-of, in JSON too', async () => {
    const dir = makeTree({ 'a.md': '---\ndate: 2024年3月1日\n---\n\n学校将继续服务“十四五”规划。\n', 'b.txt': '学校将继续服务“十四五”规划。\n' });
    const a = JSON.parse((await tifa(['explain', 'shisiwu', '--file', 'a.md', '--json'], { cwd: dir })).stdout);
    expect(a.file.documentDate).toMatchObject({ date: '2024-03-01', source: 'front-matter', line: 2 });
    expect(a.file.messages).toEqual([]);
    const b = JSON.parse((await tifa(['explain', 'shisiwu', '--file', 'b.txt', '--as-of', '2026-03-01', '--json'], { cwd: dir })).stdout);
    expect(b.file.documentDate).toMatchObject({ date: '2026-03-01', source: 'option' });
    expect(b.file.messages.map((m: { termId: string }) => m.termId)).toEqual(['shisiwu']);
  });

  it('lint --format json carries the document date of each file', async () => {
    const dir = makeTree({ 'c.txt': DRAFT });
    const r = await tifa(['lint', 'c.txt', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(r.stdout)[0].tifa.documentDate).toEqual({ date: '2026-06-01', source: 'signature', line: 6 });
  });

  it('a missing file or a bad date is a clear error', async () => {
    const dir = makeTree({});
    const r = await tifa(['explain', '十四五', '--file', 'nope.txt'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('找不到文件');
    const d = await tifa(['explain', '十四五', '--file', 'nope.txt', '--as-of', '2026/13/01'], { cwd: dir });
    expect(d.status).toBe(2);
    expect(d.stderr).toContain('--as-of');
  });
});
