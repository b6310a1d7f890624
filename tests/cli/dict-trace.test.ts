// tifa dict check 追溯引语：ref 指向的存档原文里找不到的引语、不存在的存档、非官方链接，都报 文件:行:列 并以 2 退出；
// tifa explain 显示存档原文的发文字号与官方链接。
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, ensureBuilt, makeTree, tifa } from './helpers';

const SOURCE = `---
title: 关于测试追溯的通知
issuer: 某部
date: 2024-03-01
number: 某发〔2024〕1号
url: https://www.moe.gov.cn/srcsite/trace-test.html
kind: ministry-document
---

一、坚持产教融合、校企合作，推动职普融通。
`;

const dictionary = (quote: string, ref = '2024-03-01-trace') => `# yaml-language-server: $schema=../schema.json
meta:
  name: 追溯测试
  version: 1.0.0
entries:
  - id: chanjiao-ronghe-test
    term: 产教融合示范测试
    definition: 测试用词条。
    category: 测试
    status: current
    sources:
      - ref: ${ref}
        quote: ${quote}
`;

function builtin(quote: string, ref?: string) {
  return makeTree({
    'dicts/schema.json': fs.readFileSync(path.join(ROOT, 'dictionaries/schema.json'), 'utf8'),
    'dicts/sources/2024-03-01-trace.md': SOURCE,
    'dicts/terms/test.yaml': dictionary(quote, ref),
    'doc.md': '学院坚持产教融合示范测试。\n',
  });
}

beforeAll(() => ensureBuilt());

describe('tifa dict check traces every quote to a stored official text', () => {
  it('passes when the quote is verbatim in the stored excerpt', async () => {
    const root = builtin('坚持产教融合、校企合作');
    const r = await tifa(['dict', 'check'], { cwd: root, env: { TIFA_DICTIONARIES: path.join(root, 'dicts') } });
    expect(r.stdout).toContain('词典无错误');
    expect(r.status).toBe(0);
  });

  it('reports a quote that is not in the excerpt at its line and column, exit 2', async () => {
    const root = builtin('坚持产教融合、校企合作，推动普职融通');
    const r = await tifa(['dict', 'check'], { cwd: root, env: { TIFA_DICTIONARIES: path.join(root, 'dicts') } });
    expect(r.status).toBe(2);
    expect(r.stdout).toMatch(/terms\/test\.yaml:13:16/);
    expect(r.stdout).toContain('找不到');
  });

  it('reports a ref without a stored excerpt', async () => {
    const root = builtin('坚持产教融合', '2030-01-01-missing');
    const r = await tifa(['dict', 'check'], { cwd: root, env: { TIFA_DICTIONARIES: path.join(root, 'dicts') } });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('2030-01-01-missing');
  });

  it('explain shows the document number and the official link', async () => {
    const root = builtin('坚持产教融合、校企合作');
    const r = await tifa(['explain', 'chanjiao-ronghe-test', '--no-color'], { cwd: root, env: { TIFA_DICTIONARIES: path.join(root, 'dicts') } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('《关于测试追溯的通知》（某发〔2024〕1号），某部，2024-03-01');
    expect(r.stdout).toContain('https://www.moe.gov.cn/srcsite/trace-test.html');
  });

  it('dict stats counts entries by kind and area, links and untraced quotes', async () => {
    const root = builtin('坚持产教融合、校企合作');
    const r = await tifa(['dict', 'stats'], { cwd: root, env: { TIFA_DICTIONARIES: path.join(root, 'dicts') } });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('1 个词条，1 份存档原文');
    expect(r.stdout).toMatch(/现行术语\s+1/);
    expect(r.stdout).toMatch(/terms\/test\.yaml\s+1/);
    expect(r.stdout).toContain('没有官方链接的词条：0');
    expect(r.stdout).toContain('没有追溯到存档原文的引语：0');
  });
});
