// Word 全文：页眉、页脚、脚注、尾注、批注也检查，位置写明部件、第几段与句子；--fix 写出带修订（w:del/w:ins，作者 tifa）
// 的 原名.tifa.docx，原文件不动；写出的文件能重新打开，接受修订得到修复后的文字，拒绝修订得到原文。
// 另有坏输入：压缩炸弹、未闭合的 mc:Fallback、UTF-16 的 document.xml、无效的字符引用。
import fs from 'node:fs';
import zlib from 'node:zlib';
import path from 'node:path';
import { deflateSync, strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, MISSPELT, NEW, OLD, TEST_DICTIONARY, testConfig, tifa, type JsonResult } from './helpers';

vi.setConfig({ testTimeout: 180_000 });
beforeAll(ensureBuilt);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
const R_PR = '<w:rPr><w:b/></w:rPr>';
const run = (t: string, rPr = '') => `<w:r w:rsidR="00AB">${rPr}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (...runs: string[]) => `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>${runs.join('')}</w:p>`;
const part = (root: string, body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${root} ${W}>${body}</w:${root}>`;

// 正文第 2 段里，过时写法被拆在三个 run 中（其中一个加粗）；表格里有不规范写法；页眉、脚注、批注里各有一处
const BODY = [
  para(run('年度工作报告')),
  para(run('本校与'), run(OLD.slice(0, 2)), run(OLD.slice(2, 4), R_PR), run(`${OLD.slice(4)}合作办学。`)),
  `<w:tbl><w:tr><w:tc>${para(run(`${MISSPELT}开设三个专业。`))}</w:tc></w:tr></w:tbl>`,
  para(run('结语。')),
].join('');

function docxFiles(): Zippable {
  return {
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    'word/document.xml': strToU8(part('document', `<w:body>${BODY}<w:sectPr/></w:body>`)),
    'word/header1.xml': strToU8(part('hdr', para(run(`${OLD}工作简报`)))),
    'word/footer1.xml': strToU8(part('ftr', para(run('第 1 页')))),
    'word/footnotes.xml': strToU8(part('footnotes', `<w:footnote w:type="separator" w:id="-1">${para('<w:r><w:separator/></w:r>')}</w:footnote><w:footnote w:id="1">${para(run(`见${OLD}章程。`))}</w:footnote>`)),
    'word/endnotes.xml': strToU8(part('endnotes', `<w:endnote w:id="1">${para(run('尾注没有问题。'))}</w:endnote>`)),
    'word/comments.xml': strToU8(part('comments', `<w:comment w:id="0" w:author="张老师">${para(run(`这里应写${MISSPELT}吗？`))}</w:comment>`)),
    'word/media/image1.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
  };
}

/** 读回一个部件的文字：accept=true 时取 w:t（接受修订），false 时取 w:t 与 w:delText、去掉 w:ins（拒绝修订）。 */
function partText(xml: string, accept: boolean): string {
  const src = accept ? xml : xml.replace(/<w:ins\b[^>]*>[\s\S]*?<\/w:ins>/g, '');
  const re = accept ? /<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g : /<w:(?:t|delText)(?:\s[^>]*)?>([^<]*)<\/w:(?:t|delText)>/g;
  return [...src.matchAll(re)].map((m) => m[1]).join('');
}

describe('Word 全文', () => {
  it('reads headers, footers, footnotes, endnotes and comments and says where each finding is', async () => {
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, '报告.docx': zipSync(docxFiles()) });
    const r = await tifa(['lint', '-f', 'json', '--max-warnings', '0', '报告.docx'], { cwd: dir });
    expect(r.status).toBe(1);
    const [res] = JSON.parse(r.stdout) as JsonResult[];
    const where = res.messages.map((m) => [m.matched, m.paragraph?.part, m.paragraph?.index]);
    expect(where).toEqual([
      [OLD, '正文', 2],
      [MISSPELT, '正文', 3],
      [OLD, '页眉 1', 1],
      [OLD, '脚注', 2],
      [MISSPELT, '批注', 1],
    ]);
    expect(res.messages[0].line).toBe(2);
    expect(res.messages[0].message).toContain(`（正文第 2 段：“本校与${OLD}合作办学。”）`);
  });

  it('--fix writes 报告.tifa.docx with tracked changes by tifa and leaves the original alone', async () => {
    const original = zipSync(docxFiles());
    const dir = makeTree({ 'tifa.config.json': testConfig(), 'test-dict.yaml': TEST_DICTIONARY, '报告.docx': original });
    const dry = await tifa(['lint', '--fix-dry-run', '--max-warnings', '0', '报告.docx'], { cwd: dir });
    expect(dry.status).toBe(1);
    expect(dry.stderr).toMatch(/将把 \d+ 处修改以修订形式写入 报告\.tifa\.docx（未写入）/);
    expect(fs.existsSync(path.join(dir, '报告.tifa.docx'))).toBe(false);

    const r = await tifa(['lint', '--fix', '报告.docx'], { cwd: dir });
    expect(r.stderr).toMatch(/报告\.tifa\.docx（原文件未改动）/);
    expect(Buffer.from(fs.readFileSync(path.join(dir, '报告.docx'))).equals(Buffer.from(original))).toBe(true);

    const out = unzipSync(fs.readFileSync(path.join(dir, '报告.tifa.docx')));
    expect(Object.keys(out).sort()).toEqual(Object.keys(docxFiles()).sort());
    expect(out['word/media/image1.png']).toEqual(docxFiles()['word/media/image1.png']);
    const doc = strFromU8(out['word/document.xml']);
    const dels = [...doc.matchAll(/<w:del w:id="(\d+)" w:author="tifa" w:date="[\dTZ:-]+">/g)];
    const inss = [...doc.matchAll(/<w:ins w:id="(\d+)" w:author="tifa" w:date="[\dTZ:-]+">/g)];
    // 正文：拆在三个 run 里的过时写法 → 三段删除 + 一处插入；表格里的不规范写法 → 一删一插
    expect(dels).toHaveLength(4);
    expect(inss).toHaveLength(2);
    const ids = [...dels, ...inss].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc).toContain(`<w:del w:id="${dels[1][1]}"`);
    // 加粗 run 里删掉的字保留加粗
    expect(doc).toMatch(new RegExp(`<w:del [^>]*><w:r>${R_PR.replace(/\//g, '\\/')}<w:delText xml:space="preserve">${OLD.slice(2, 4)}</w:delText>`));
    // 接受修订 = 修复后的文字；拒绝修订 = 原文
    expect(partText(doc, true)).toBe(`年度工作报告本校与${NEW}合作办学。${NEW}开设三个专业。结语。`);
    expect(partText(doc, false)).toBe(`年度工作报告本校与${OLD}合作办学。${MISSPELT}开设三个专业。结语。`);
    expect(partText(strFromU8(out['word/header1.xml']), true)).toBe(`${NEW}工作简报`);
    expect(partText(strFromU8(out['word/footnotes.xml']), true)).toBe(`见${NEW}章程。`);

    // 重新打开修订稿：tifa 读到的是接受修订后的文字，不再有可修复的问题
    const again = await tifa(['lint', '-f', 'json', '报告.tifa.docx'], { cwd: dir });
    const [res] = JSON.parse(again.stdout) as JsonResult[];
    expect(res.messages.filter((m) => m.matched === OLD || m.matched === MISSPELT).map((m) => m.paragraph?.part)).toEqual(['批注']);
    // 目录检查时跳过修订稿（不会套出 .tifa.tifa.docx）
    const all = await tifa(['lint', '--fix', '.'], { cwd: dir });
    expect(all.status).not.toBe(2);
    expect(fs.existsSync(path.join(dir, '报告.tifa.tifa.docx'))).toBe(false);
  });
});

describe('Word 坏输入', () => {
  it('refuses a zip bomb with a clear message and bounded memory', async () => {
    // 2 MB 的压缩包，解压后 2 GiB：32 个条目共用同一段压缩数据（64 MiB 的零），声明的大小都是真的
    const patched = zipBomb(32, 64 * 1024 * 1024);
    expect(patched.length).toBeLessThan(3 * 1024 * 1024);
    const dir = makeTree({ 'bomb.docx': patched });
    const started = Date.now();
    const r = await tifa(['lint', '-f', 'json', 'bomb.docx'], { cwd: dir, env: { NODE_OPTIONS: '--max-old-space-size=256' } });
    expect(r.status).toBe(1);
    const [res] = JSON.parse(r.stdout) as { messages: { fatal?: boolean; message: string }[] }[];
    expect(res.messages[0].fatal).toBe(true);
    expect(res.messages[0].message).toMatch(/解压后过大.*压缩炸弹/);
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('keeps text after an unclosed mc:Fallback, reads UTF-16 parts and survives invalid character references', async () => {
    const unclosed = part('document', `<w:body>${para(run('第一段'))}<mc:AlternateContent><mc:Fallback>${para(run(OLD))}</w:body>`);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(part('document', `<w:body>${para(run(`UTF-16 里的${OLD}`))}</w:body>`).replace('UTF-8', 'UTF-16'), 'utf16le')]);
    const badRef = part('document', `<w:body>${para(run('坏引用&#xFFFFFFF;和&#0;之后'), run(OLD))}</w:body>`);
    const dir = makeTree({
      'tifa.config.json': testConfig(),
      'test-dict.yaml': TEST_DICTIONARY,
      'unclosed.docx': zipSync({ 'word/document.xml': strToU8(unclosed) }),
      'utf16.docx': zipSync({ 'word/document.xml': new Uint8Array(utf16) }),
      'badref.docx': zipSync({ 'word/document.xml': strToU8(badRef) }),
    });
    const r = await tifa(['lint', '-f', 'json', '.'], { cwd: dir });
    const results = JSON.parse(r.stdout) as JsonResult[];
    for (const res of results) {
      const name = path.basename(res.filePath);
      expect(res.messages.map((m) => m.matched), name).toContain(OLD);
    }
    expect(results).toHaveLength(3);
  });
});

/** 手写的 zip：count 个条目（word/document.xml 与 word/headerN.xml），每个都是 size 字节的零。 */
function zipBomb(count: number, size: number): Buffer {
  const zeros = Buffer.alloc(size);
  const data = Buffer.from(deflateSync(zeros, { level: 9 }));
  const crc = zlib.crc32(zeros);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    const name = Buffer.from(i === 0 ? 'word/document.xml' : `word/header${i}.xml`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}
