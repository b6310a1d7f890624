import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver } from '@tifa/core/node';
import { collectFiles } from '../src/files/collect-files';
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
    expect(r.unmatched[0]).toMatch(/没有文件匹配/);
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
