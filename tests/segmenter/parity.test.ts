// 分词一致性：nodejieba（参照，TIFA_SEGMENTER=nodejieba）与屏蔽 nodejieba 后的 TypeScript 分词器（缺省，读二进制快照）
// 对 dict test 与语料 lint 给出完全相同的结果。
// 语料在测试时临时生成（内部语料存在时取自 ../shared/corpus/，另加 dictionaries/sources/ 与词典例句），不进仓库。
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, ROOT, tifa } from '../cli/helpers';

vi.setConfig({ testTimeout: 240_000 });

const BLOCK = path.join(ROOT, 'tests/support/block-nodejieba.cjs');
const CORPUS = path.join(ROOT, '../shared/corpus/zhijiao-dongtai-2024-06.txt');
const hasNodejieba = (() => {
  try {
    createRequire(path.join(ROOT, 'packages/core/package.json'))('nodejieba');
    return true;
  } catch {
    return false;
  }
})();

const blocked = { NODE_OPTIONS: `--require ${BLOCK}`, TIFA_WORKERS: '0' };
const reference = { TIFA_SEGMENTER: 'nodejieba', TIFA_WORKERS: '0' };

/** 词典里的全部例句（正例、反例），每句一行。 */
function dictionaryExamples(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const ent of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, ent.name);
      if (ent.isDirectory()) walk(file);
      else if (/\.ya?ml$/.test(ent.name)) {
        for (const e of (parse(fs.readFileSync(file, 'utf8')) as { entries?: { examples?: Record<string, unknown[]> }[] }).entries ?? []) {
          for (const list of Object.values(e.examples ?? {})) {
            for (const x of list) out.push(typeof x === 'string' ? x : (x as { text: string }).text);
          }
        }
      }
    }
  };
  walk(path.join(ROOT, 'dictionaries'));
  return out;
}

function corpusTree(): { dir: string; files: number; chars: number } {
  const files: Record<string, string> = { '例句.txt': dictionaryExamples().join('\n') + '\n' };
  const sources = path.join(ROOT, 'dictionaries/sources');
  for (const name of fs.existsSync(sources) ? fs.readdirSync(sources) : []) {
    if (name.endsWith('.md')) files[`sources/${name}`] = fs.readFileSync(path.join(sources, name), 'utf8');
  }
  if (fs.existsSync(CORPUS)) {
    // 按空行分成若干文件，让 lint 走多文件的路径
    const parts = fs.readFileSync(CORPUS, 'utf8').split(/\n\s*\n/);
    const per = Math.ceil(parts.length / 8);
    for (let i = 0; i < 8; i++) files[`corpus/${i}.txt`] = parts.slice(i * per, (i + 1) * per).join('\n\n');
  }
  const chars = Object.values(files).reduce((n, t) => n + t.length, 0);
  return { dir: makeTree(files), files: Object.keys(files).length, chars };
}

interface Message {
  ruleId: string;
  termId: string;
  line: number;
  column: number;
  message: string;
}

async function lintFindings(dir: string, env: Record<string, string>): Promise<string[]> {
  const r = await tifa(['lint', '.', '--format', 'json', '--as-of', '2026-06-01'], { cwd: dir, env });
  expect(r.stderr).not.toMatch(/Error|错误/);
  const results = JSON.parse(r.stdout) as { filePath: string; messages: Message[] }[];
  return results.flatMap((f) =>
    f.messages.map((m) => `${path.relative(dir, f.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.termId} ${m.message}`),
  );
}

beforeAll(ensureBuilt);

describe.skipIf(!hasNodejieba)('segmenter parity: nodejieba vs. TypeScript port (nodejieba blocked)', () => {
  it('dict test: same passing examples', async () => {
    const ref = await tifa(['dict', 'test'], { cwd: ROOT, env: reference });
    const alt = await tifa(['dict', 'test'], { cwd: ROOT, env: blocked });
    const summary = (s: string) => s.match(/(\d+) passed, (\d+) failed/)?.slice(1).map(Number);
    expect(summary(ref.stdout)).toBeDefined();
    expect(summary(alt.stdout)).toEqual(summary(ref.stdout));
    expect(alt.stdout).toBe(ref.stdout);
    // 对照：没有任何分词器时结果确实不同（这个测试能失败）
    const none = await tifa(['dict', 'test'], { cwd: ROOT, env: { ...blocked, TIFA_JIEBA_DIR: path.join(ROOT, 'no-such-dir') } });
    expect(summary(none.stdout)![0]).toBeLessThan(summary(ref.stdout)![0]);
  });

  it('corpus lint: identical findings', async () => {
    const { dir, files, chars } = corpusTree();
    const ref = await lintFindings(dir, reference);
    const alt = await lintFindings(dir, blocked);
    console.log(`segmenter parity: ${files} files, ${chars} chars, ${ref.length} findings (corpus ${fs.existsSync(CORPUS) ? 'included' : 'absent'})`);
    expect(ref.length).toBeGreaterThan(0);
    expect(alt).toEqual(ref);
  });
});

if (!hasNodejieba) console.warn('segmenter parity: nodejieba 未安装，跳过一致性测试（没有参照）');
