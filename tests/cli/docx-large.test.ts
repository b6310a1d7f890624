// Word 文件（测试里用 fflate 现做）只读检查；10 MB 的大文件；多文件走线程池与主线程结果一致。
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, MISSPELT, NEW, OLD, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

// 每个用例要启动几次真实进程（每次加载词表），机器忙时会慢
vi.setConfig({ testTimeout: 180_000 });

beforeAll(ensureBuilt);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function docx(paragraphs: string[][]): Uint8Array {
  const body = paragraphs
    .map((runs) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.map((t) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`).join('')}</w:p>`)
    .join('');
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${W}><w:body>${body}<w:sectPr/></w:body></w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(xml),
  });
}

describe('docx', () => {
  it('reports paragraph and character positions and never writes the file', async () => {
    // 第 3 段里，过时写法被拆在两个 run 中
    const bytes = docx([['关于招生工作的通知'], [], ['今年', '本市的青蓝工', '程学堂扩招，', `${MISSPELT}同步开课。`]]);
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, '通知.docx': bytes });
    const r = await tifa(['lint', '-f', 'json'], { cwd: dir });
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    expect(res.tifa.kind).toBe('docx');
    const para = `今年本市的青蓝工程学堂扩招，${MISSPELT}同步开课。`;
    const got = res.messages.filter((m) => m.termId.startsWith('qinglan-')).map((m) => [m.matched, m.line, m.column]);
    expect(got).toEqual([
      [OLD, 3, para.indexOf(OLD) + 1],
      [MISSPELT, 3, para.indexOf(MISSPELT) + 1],
    ]);
    const stylish = await tifa(['lint'], { cwd: dir });
    expect(stylish.stdout).toMatch(/通知\.docx（Word：行号为段落序号/);
    expect(stylish.stdout).toContain(`正文第 3 段：“${para}”`);

    // --fix 不改原文件，修订写到 通知.tifa.docx（见 docx-tracked.test.ts）
    const fixed = await tifa(['lint', '--fix'], { cwd: dir });
    expect(fixed.stderr).toMatch(/通知\.tifa\.docx（原文件未改动）/);
    expect(Buffer.from(fs.readFileSync(path.join(dir, '通知.docx'))).equals(Buffer.from(bytes))).toBe(true);
    expect(fs.existsSync(path.join(dir, '通知.tifa.docx'))).toBe(true);
  });

  it('reports a broken .docx as an error instead of crashing', async () => {
    const dir = makeTree({ 'broken.docx': zipSync({ 'a.txt': strToU8('x') }), 'fake.docx': '不是压缩包' });
    const r = await tifa(['lint', '-f', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout) as { filePath: string; messages: { fatal?: boolean; message: string }[] }[];
    expect(results.map((x) => [path.basename(x.filePath), x.messages[0].fatal])).toEqual([
      ['broken.docx', true],
      ['fake.docx', true],
    ]);
    expect(results[0].messages[0].message).toMatch(/word\/document\.xml/);
  });
});

describe('large inputs', () => {
  it('lints and fixes a 10 MB file', async () => {
    const line = `第一段说明学校的办学情况与专业设置，${OLD}今年扩招。另有职业培训与社区服务等内容，篇幅较长。\n`;
    const text = line.repeat(Math.ceil((10 * 1024 * 1024) / Buffer.byteLength(line)));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(10 * 1024 * 1024);
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, 'big.md': text });
    const lines = text.split('\n').length - 1;
    const started = Date.now();
    const r = await tifa(['lint', '-f', 'json', 'big.md'], { cwd: dir });
    expect(r.status).toBe(0);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    const ours = res.messages.filter((m) => m.termId === 'qinglan-gongcheng-xuetang');
    expect(ours).toHaveLength(lines);
    expect(ours[lines - 1].line).toBe(lines);
    // stylish 对几万条发现也要能输出（曾因展开参数超出调用栈）
    const stylish = await tifa(['lint', 'big.md'], { cwd: dir });
    expect(stylish.status).toBe(0);
    expect(stylish.stdout).toMatch(new RegExp(`✖ ${res.messages.length} 个问题`));
    const fix = await tifa(['lint', '--fix', '-q', 'big.md'], { cwd: dir });
    expect(fix.status).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'big.md'), 'utf8')).toBe(text.split(OLD).join(NEW));
    expect(Date.now() - started).toBeLessThan(240_000);
  }, 300_000);

  it('gives the same results through the worker pool as in the main thread', async () => {
    const files: Record<string, string> = { 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY };
    for (let i = 0; i < 40; i++) files[`docs/part${String(i).padStart(2, '0')}.md`] = `# 第${i}节\n\n${i % 3 ? NEW : OLD}第${i}次招生。${i % 4 ? '' : MISSPELT}\n`;
    const dir = makeTree(files);
    const pooled = await tifa(['lint', '-f', 'json'], { cwd: dir, env: { TIFA_WORKERS: '2' } });
    const single = await tifa(['lint', '-f', 'json'], { cwd: dir, env: { TIFA_WORKERS: '0' } });
    expect(pooled.status).toBe(single.status);
    expect(JSON.parse(pooled.stdout)).toEqual(JSON.parse(single.stdout));
    expect((JSON.parse(single.stdout) as JsonResult[]).flatMap((x) => x.messages.filter((m) => m.termId.startsWith('qinglan-'))).length).toBe(
      Array.from({ length: 40 }, (_, i) => (i % 3 ? 0 : 1) + (i % 4 ? 0 : 1)).reduce((a, b) => a + b, 0),
    );
  }, 120_000);
});
