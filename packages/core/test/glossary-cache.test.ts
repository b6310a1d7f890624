import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../src/node/index';
import { lint } from '../src/lint';
import { complete } from '../src/service/complete';
import { cacheKey } from '../src/node/glossary-cache';
import { STARTER } from './helpers';

/** 临时的默认词表目录（schema.json + 起步词典，可选 sources/）与它自己的缓存目录；用完删掉。 */
function withBuiltinDir(prefix: string, run: (dir: string, file: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(dir, 'schema.json'), '{}');
  const file = path.join(dir, 'starter.yaml');
  fs.writeFileSync(file, fs.readFileSync(STARTER, 'utf8'));
  process.env.TIFA_CACHE_DIR = path.join(dir, 'cache');
  try {
    run(dir, file);
  } finally {
    delete process.env.TIFA_CACHE_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('default glossary parse cache', () => {
  it('gives the same glossary from cache and notices edits to the files', () =>
    withBuiltinDir('tifa-cache-', (dir, file) => {
      const first = loadGlossary({ builtinDir: dir });
      const cacheFile = path.join(dir, 'cache', `dict-${cacheKey(file, 'builtin', fs.readFileSync(file, 'utf8'))}.json`);
      expect(fs.existsSync(cacheFile)).toBe(true);
      const second = loadGlossary({ builtinDir: dir });
      expect(first.diagnostics).toEqual([]);
      expect(second.glossary.entries).toEqual(first.glossary.entries);
      expect(second.glossary.version).toBe(first.glossary.version);
      // 改动文件：缓存失效，新词条生效；写坏：报错而不是用旧缓存
      fs.appendFileSync(file, '  - id: xin-citiao\n    term: 新词条甲\n    definition: 测试\n    category: 测试\n    status: current\n    sources: [{ title: t, issuer: i, date: 2024-01-01, quote: q }]\n');
      expect(loadGlossary({ builtinDir: dir }).glossary.byId('xin-citiao')?.term).toBe('新词条甲');
      fs.appendFileSync(file, '  - id: [broken\n');
      const broken = loadGlossary({ builtinDir: dir });
      expect(broken.diagnostics[0].code).toBe('yaml-syntax');
      expect(broken.diagnostics[0].file).toBe(file);
    }));
});

describe('default glossary snapshot (one file for all dictionaries and stored sources)', () => {
  it('is used while nothing changes and rebuilt when a dictionary or a source changes, appears or goes', () =>
    withBuiltinDir('tifa-snap-', (dir) => {
      fs.mkdirSync(path.join(dir, 'sources'));
      const source = (title: string) => `---\ntitle: ${title}\nissuer: 某部\ndate: 2024-01-01\nkind: ministry-document\n---\n\n推动职业教育高质量发展。\n`;
      fs.writeFileSync(path.join(dir, 'sources', '2024-01-01-a.md'), source('甲文件'));
      const first = loadGlossary({ builtinDir: dir });
      expect(first.diagnostics).toEqual([]);
      expect(fs.readdirSync(path.join(dir, 'cache')).some((n) => n.startsWith('builtin-'))).toBe(true);
      // 快照命中：词条与存档原文都与第一次相同；定位（报错位置）仍指向词典文件里的行
      const second = loadGlossary({ builtinDir: dir });
      expect(second.glossary.entries).toEqual(first.glossary.entries);
      expect(second.glossary.sourceDocuments.get('2024-01-01-a')?.title).toBe('甲文件');
      const dict = second.dictionaries[0];
      expect(dict.locate(['entries', 0]).line).toBe(first.dictionaries[0].locate(['entries', 0]).line);
      // 同样大小、不同内容与时间：存档原文改了就重新解析
      fs.writeFileSync(path.join(dir, 'sources', '2024-01-01-a.md'), source('乙文件'));
      fs.utimesSync(path.join(dir, 'sources', '2024-01-01-a.md'), new Date(), new Date(Date.now() + 5000));
      expect(loadGlossary({ builtinDir: dir }).glossary.sourceDocuments.get('2024-01-01-a')?.title).toBe('乙文件');
      // 新增一份、删掉一份
      fs.writeFileSync(path.join(dir, 'sources', '2024-02-01-b.md'), source('丙文件'));
      expect(loadGlossary({ builtinDir: dir }).glossary.sourceDocuments.has('2024-02-01-b')).toBe(true);
      fs.rmSync(path.join(dir, 'sources', '2024-01-01-a.md'));
      expect(loadGlossary({ builtinDir: dir }).glossary.sourceDocuments.has('2024-01-01-a')).toBe(false);
      // 写坏的存档原文：报错，不用旧快照
      fs.writeFileSync(path.join(dir, 'sources', '2024-02-01-b.md'), 'no front matter\n');
      expect(loadGlossary({ builtinDir: dir }).diagnostics.map((d) => d.code)).toContain('source-front-matter');
    }));
});

describe('compiled default glossary (merged entries + compiled matcher, for runs without user dictionaries)', () => {
  it('gives the same findings as a fresh compile and is rebuilt when a dictionary changes', () =>
    withBuiltinDir('tifa-compiled-', (dir, file) => {
      const text = '我校是高职高专院校，推进职普融合、产教融合、科教融汇，组建行业产教共同体。';
      const fresh = loadGlossary({ builtinDir: dir });
      const first = loadGlossary({ builtinDir: dir, precompiled: true });
      expect(fs.readdirSync(path.join(dir, 'cache')).some((n) => n.startsWith('compiled-'))).toBe(true);
      const second = loadGlossary({ builtinDir: dir, precompiled: true });
      expect(second.dictionaries).toEqual([]); // 来自快照
      // 快照里的词条：释义、来源等只在悬停与 explain 用到的字段由原型上的 getter 按需取出；读出的值与 JSON 都与新编译的相同
      const plain = (x: unknown) => JSON.parse(JSON.stringify(x));
      expect(plain(second.glossary.entries)).toEqual(plain(fresh.glossary.entries));
      fresh.glossary.entries.forEach((e, i) => {
        for (const field of ['definition', 'sources', 'examples', 'related', 'note', 'file', 'line'] as const) expect(second.glossary.entries[i]![field]).toEqual(e[field]);
      });
      expect([...second.glossary.sourceDocuments.keys()]).toEqual([...fresh.glossary.sourceDocuments.keys()]);
      // 补全用快照里预先算好的拼音键，结果与现算的相同
      expect(second.glossary.pinyinKeys?.size).toBeGreaterThan(0);
      expect(fresh.glossary.pinyinKeys).toBeUndefined();
      const typedAll = ['zhipu', 'cjrh', 'gaozhi', '产教'];
      for (const typed of typedAll) expect(complete(typed, second.glossary)).toEqual(complete(typed, fresh.glossary));
      expect(typedAll.filter((t) => /^[a-z]+$/.test(t) && complete(t, fresh.glossary).length > 0).length).toBeGreaterThan(0);
      const expected = lint(text, fresh.glossary);
      expect(expected.length).toBeGreaterThan(2);
      expect(lint(text, first.glossary)).toEqual(expected);
      expect(lint(text, second.glossary)).toEqual(expected);
      // 改动词典：快照失效，新词条生效
      fs.appendFileSync(file, '  - id: xin-citiao\n    term: 新词条甲\n    definition: 测试\n    category: 测试\n    status: current\n    sources: [{ title: t, issuer: i, date: 2024-01-01, quote: q }]\n');
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
      expect(loadGlossary({ builtinDir: dir, precompiled: true }).glossary.byId('xin-citiao')?.term).toBe('新词条甲');
      // 有用户词典时不用快照
      expect(loadGlossary({ builtinDir: dir, precompiled: true, dictionaries: [file] }).dictionaries.length).toBe(2);
    }));
});

describe('compiled snapshot details (read from the file on first use)', () => {
  it('reads them from a rewritten file with the same key, and leaves them out when the file now holds another glossary', () =>
    withBuiltinDir('tifa-compiled-details-', (dir, file) => {
      const fresh = loadGlossary({ builtinDir: dir }).glossary;
      loadGlossary({ builtinDir: dir, precompiled: true });
      const cacheDir = path.join(dir, 'cache');
      const snapshot = path.join(cacheDir, fs.readdirSync(cacheDir).find((n) => n.startsWith('compiled-'))!);
      const a = loadGlossary({ builtinDir: dir, precompiled: true }).glossary;
      const b = loadGlossary({ builtinDir: dir, precompiled: true }).glossary;
      // 同样的内容换了文件（新 inode）：核对键后照读
      fs.copyFileSync(snapshot, `${snapshot}.copy`);
      fs.renameSync(`${snapshot}.copy`, snapshot);
      expect(a.entries.map((e) => e.definition)).toEqual(fresh.entries.map((e) => e.definition));
      // 词典改了、快照被另一个进程重写：还没读详情的词表不拿别人的详情，检查照常
      fs.appendFileSync(file, '  - id: xin-citiao\n    term: 新词条甲\n    definition: 测试\n    category: 测试\n    status: current\n    sources: [{ title: t, issuer: i, date: 2024-01-01, quote: q }]\n');
      fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
      loadGlossary({ builtinDir: dir, precompiled: true });
      expect(b.entries[0]!.definition).toBeUndefined();
      expect(lint('我校是高职高专院校。', b).length).toBe(lint('我校是高职高专院校。', fresh).length);
    }));
});

describe('compiled snapshot and stored sources (checked only when details are read)', () => {
  it('keeps using the snapshot for checks after a source changes, and reads the changed source when details are needed', () =>
    withBuiltinDir('tifa-compiled-sources-', (dir) => {
      const sources = path.join(dir, 'sources');
      fs.mkdirSync(sources);
      const doc = path.join(sources, '2024-01-01-ceshi-yuanwen.md');
      fs.writeFileSync(doc, '---\ntitle: 测试原文\nissuer: 测试机关\ndate: 2024-01-01\nkind: news-report\n---\n第一段。\n');
      loadGlossary({ builtinDir: dir, precompiled: true });
      const cacheDir = path.join(dir, 'cache');
      const compiledFile = () => fs.readdirSync(cacheDir).find((n) => n.startsWith('compiled-'))!;
      const before = fs.statSync(path.join(cacheDir, compiledFile())).mtimeMs;
      // 原文改了标题：快照照用（键只含词典文件），检查不受影响
      fs.writeFileSync(doc, '---\ntitle: 改过的标题\nissuer: 测试机关\ndate: 2024-01-01\nkind: news-report\n---\n第一段。\n');
      fs.utimesSync(doc, new Date(), new Date(Date.now() + 5000));
      const g = loadGlossary({ builtinDir: dir, precompiled: true });
      expect(g.dictionaries).toEqual([]);
      expect(lint('我校是高职高专院校。', g.glossary).length).toBeGreaterThan(0);
      // 读详情时发现原文指纹不符：重新编译，详情里是新标题，快照也重写了
      expect(g.glossary.sourceDocuments.get('2024-01-01-ceshi-yuanwen')?.title).toBe('改过的标题');
      expect(fs.statSync(path.join(cacheDir, compiledFile())).mtimeMs).toBeGreaterThan(before);
      expect(loadGlossary({ builtinDir: dir, precompiled: true }).glossary.sourceDocuments.get('2024-01-01-ceshi-yuanwen')?.title).toBe('改过的标题');
    }));
});

