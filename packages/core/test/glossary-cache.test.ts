import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../src/node/index';
import { cacheKey } from '../src/node/glossary-cache';
import { STARTER } from './helpers';

describe('default glossary parse cache', () => {
  it('gives the same glossary from cache and notices edits to the files', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-cache-'));
    fs.writeFileSync(path.join(dir, 'schema.json'), '{}');
    const file = path.join(dir, 'starter.yaml');
    fs.writeFileSync(file, fs.readFileSync(STARTER, 'utf8'));
    process.env.TIFA_CACHE_DIR = path.join(dir, 'cache');
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
    delete process.env.TIFA_CACHE_DIR;
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
