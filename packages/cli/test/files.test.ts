import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { ConfigResolver } from '../src/config/config-resolver';
import { collectFiles } from '../src/files/collect-files';
import { paragraphsFromDocumentXml, readDocxParagraphs } from '../src/files/docx';
import { globBase, globToRegExp } from '../src/files/glob';
import { writeFileAtomic } from '../src/files/write-atomic';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-files-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(rel: string, text: string | Buffer = '内容') {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

describe('glob', () => {
  it('matches *, **, ?, braces and classes on whole paths', () => {
    const re = globToRegExp('/r/docs/**/*.{md,txt}');
    expect(re.test('/r/docs/a.md')).toBe(true);
    expect(re.test('/r/docs/x/y/b.txt')).toBe(true);
    expect(re.test('/r/docs/x/b.docx')).toBe(false);
    expect(re.test('/r/other/a.md')).toBe(false);
    expect(globToRegExp('/r/报告?.md').test('/r/报告1.md')).toBe(true);
    expect(globToRegExp('/r/[ab].md').test('/r/c.md')).toBe(false);
    expect(globBase('/r/docs/**/*.md')).toBe('/r/docs');
    expect(globBase('*.md')).toBe('.');
  });
});

describe('collectFiles', () => {
  it('walks directories, honours .gitignore and config ignore, skips node_modules and hidden entries', () => {
    fs.mkdirSync(path.join(root, 'repo/.git'), { recursive: true });
    write('repo/.gitignore', 'build/\n*.tmp.md\n');
    write('repo/docs/tifa.config.json', '{"ignore": ["archive/**"]}');
    const keep = [write('repo/a.md'), write('repo/docs/b.txt'), write('repo/docs/c.docx'), write('repo/docs/sub/d.markdown')];
    write('repo/build/x.md');
    write('repo/notes.tmp.md');
    write('repo/docs/archive/old.md');
    write('repo/node_modules/pkg/readme.md');
    write('repo/.github/hidden.md');
    write('repo/image.png', Buffer.from([0x89, 0x50]));
    const { files } = collectFiles(['.'], path.join(root, 'repo'), new ConfigResolver());
    expect(files).toEqual([...keep].sort());
  });

  it('expands quoted globs and lists explicit files even with other extensions via config language', () => {
    write('g/tifa.config.json', '{"language": {".text": "plaintext"}}');
    const a = write('g/x/a.md');
    const t = write('g/x/b.text');
    write('g/x/c.txt');
    const cwd = path.join(root, 'g');
    expect(collectFiles(['x/*.md'], cwd, new ConfigResolver()).files).toEqual([a]);
    expect(collectFiles(['x/b.text'], cwd, new ConfigResolver()).files).toEqual([t]);
    const r = collectFiles(['x/*.rst'], cwd, new ConfigResolver());
    expect(r.files).toEqual([]);
    expect(r.notices[0]).toMatch(/没有文件匹配/);
  });
});

describe('docx', () => {
  const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
  it('takes w:t text per paragraph, keeps empty paragraphs, skips tab stops and mc:Fallback copies', () => {
    const xml =
      `<?xml version="1.0"?><w:document ${W}><w:body>` +
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>第一</w:t></w:r><w:r><w:t xml:space="preserve">段 &amp; 字</w:t></w:r></w:p>' +
      '<w:p/>' +
      '<w:p><w:r><w:tab/><w:t>第三段</w:t></w:r><w:r><w:delText>删掉的</w:delText></w:r></w:p>' +
      '<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Choice>' +
      '<mc:Fallback><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>外层</w:t></w:r></w:p>' +
      '</w:body></w:document>';
    expect(paragraphsFromDocumentXml(xml)).toEqual(['第一段 & 字', '', '\t第三段', '外层', '文本框']);
  });

  it('reads a zipped document and rejects other zips', () => {
    const xml = `<w:document ${W}><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>`;
    expect(readDocxParagraphs(zipSync({ 'word/document.xml': strToU8(xml) }))).toEqual(['正文']);
    expect(() => readDocxParagraphs(zipSync({ 'a.txt': strToU8('x') }))).toThrow(/缺少 word\/document.xml/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the file when it is unchanged since reading', () => {
    const file = write('w/a.txt', '旧内容');
    const before = fs.readFileSync(file);
    expect(writeFileAtomic(file, Buffer.from('新内容'), before)).toEqual({ status: 'written' });
    expect(fs.readFileSync(file, 'utf8')).toBe('新内容');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['a.txt']);
  });

  it('leaves a file alone when it changed after reading', () => {
    const file = write('w/b.txt', '旧内容');
    const before = fs.readFileSync(file);
    fs.writeFileSync(file, '别人刚改过');
    expect(writeFileAtomic(file, Buffer.from('新内容'), before)).toEqual({ status: 'changed-on-disk' });
    expect(fs.readFileSync(file, 'utf8')).toBe('别人刚改过');
  });
});
