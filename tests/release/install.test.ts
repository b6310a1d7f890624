// 发布的 tarball 在仓库外的一个“文档仓库”里能装能用：npm run release 生成 release/*.tgz，复制到临时目录后
// npm install（依赖来自 npm 仓库，不连回本仓库），再经装好的 bin 跑 tifa lint、tifa explain 和语言服务器的
// initialize → 诊断往返。临时项目里没有 nodejieba：用的是随包的 TypeScript 分词器（Windows/macOS 上的情形）。
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ROOT } from '../cli/helpers';
import { TestClient } from '../../server/test/support/lspClient';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 400_000 });

let project: string;
let tarballs: string[];

/** 默认词表里一个过时词条的反例句与它的 id（不写死具体词条）。 */
function outdatedExample(): { id: string; term: string; text: string } {
  for (const file of fs.readdirSync(path.join(ROOT, 'dictionaries/outdated')).sort()) {
    const doc = parse(fs.readFileSync(path.join(ROOT, 'dictionaries/outdated', file), 'utf8')) as {
      entries: { id: string; term: string; examples?: { flag?: (string | { text: string; asOf?: string })[] } }[];
    };
    for (const e of doc.entries) {
      const flag = e.examples?.flag?.find((x): x is string => typeof x === 'string');
      if (flag) return { id: e.id, term: e.term, text: flag };
    }
  }
  throw new Error('默认词表里没有带反例的过时词条');
}

function run(cmd: string, args: string[], cwd: string, timeout = 60_000, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(cmd, args, { cwd, timeout, env: { ...cleanEnv(), ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** 不让仓库里的设置漏进临时项目：去掉 NODE_PATH、TIFA_* 与 npm 的工作区变量。 */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k === 'NODE_PATH' || k === 'NODE_OPTIONS' || k.startsWith('TIFA_') || k.startsWith('npm_')) continue;
    env[k] = v;
  }
  return env;
}

const sample = outdatedExample();

beforeAll(async () => {
  // 异步运行：同步等一分钟会卡住 vitest 的线程通信
  if (!fs.existsSync(path.join(ROOT, 'server/dist/server.js')) || !fs.existsSync(path.join(ROOT, 'packages/cli/dist/tifa.js'))) {
    const built = await run(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], ROOT, 300_000);
    expect(built.code, built.stderr).toBe(0);
  }
  const release = await run(process.execPath, [path.join(ROOT, 'scripts/release.mjs'), '--no-build'], ROOT, 300_000);
  expect(release.code, release.stderr).toBe(0);
  project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-docs-repo-')));
  expect(project.startsWith(ROOT)).toBe(false);
  // tarball 复制进临时项目：package-lock 里的 file: 路径也不指回仓库
  fs.mkdirSync(path.join(project, 'vendor'));
  tarballs = fs.readdirSync(path.join(ROOT, 'release')).filter((f) => f.endsWith('.tgz'));
  for (const t of tarballs) fs.copyFileSync(path.join(ROOT, 'release', t), path.join(project, 'vendor', t));
  fs.writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'school-docs', private: true }, null, 2));
  fs.mkdirSync(path.join(project, 'docs'));
  fs.writeFileSync(path.join(project, 'docs/自评报告.md'), `# 自评报告\n\n${sample.text}\n`);
  const install = await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--fetch-retries=1', '--fetch-timeout=30000', ...tarballs.map((t) => `./vendor/${t}`)],
    project,
    300_000,
  );
  if (install.code !== 0) {
    const offline = /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ETIMEDOUT|ECONNRESET|network/i.test(install.stderr);
    throw new Error(`${offline ? 'npm 仓库连不上，装不了依赖（这个测试需要 npm 仓库或本机 npm 缓存）' : 'npm install 失败'}：\n${install.stderr.slice(-3000)}`);
  }
}, 400_000);

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('tarballs installed in a documents repository outside this repo', () => {
  it('release/ holds tifa and @tifa/core tarballs', () => {
    expect(tarballs.sort()).toEqual(['tifa-0.1.0.tgz', 'tifa-core-0.1.0.tgz'].sort());
  });

  it('nothing in the installed tree resolves into the repository', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        const real = fs.realpathSync(file);
        if (real.startsWith(ROOT + path.sep)) offenders.push(file);
        if (entry.isDirectory()) walk(file);
      }
    };
    walk(path.join(project, 'node_modules'));
    expect(offenders).toEqual([]);
    expect(fs.readFileSync(path.join(project, 'package-lock.json'), 'utf8')).not.toContain(ROOT);
    // 没有 nodejieba：分词走随包的 TypeScript 实现
    expect(fs.existsSync(path.join(project, 'node_modules/nodejieba'))).toBe(false);
  });

  it('npx tifa lint finds the outdated term; npx tifa explain explains it', async () => {
    const lint = await run('npx', ['--no', 'tifa', 'lint', 'docs', '--format', 'json'], project);
    expect([0, 1], lint.stderr).toContain(lint.code); // 0：只有 info 级别的发现
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { termId: string }[] }[];
    expect(results[0].filePath.startsWith(project)).toBe(true);
    expect(results[0].messages.map((m) => m.termId)).toContain(sample.id);

    const explain = await run('npx', ['--no', 'tifa', 'explain', sample.id], project);
    expect(explain.code, explain.stderr).toBe(0);
    expect(explain.stdout).toContain(sample.term);

    const version = await run('npx', ['--no', '--', 'tifa', '--version'], project);
    expect(version.stdout).toContain('0.1.0');
  });

  it('the first run with an empty cache uses the bundled prebuilt glossary and segmenter snapshots (no YAML parsed)', async () => {
    const cache = path.join(project, '.fresh-cache');
    const lint = await run('npx', ['--no', 'tifa', 'lint', 'docs', '--format', 'json'], project, 60_000, { XDG_CACHE_HOME: cache });
    expect([0, 1], lint.stderr).toContain(lint.code);
    expect((JSON.parse(lint.stdout) as { messages: { termId: string }[] }[])[0].messages.map((m) => m.termId)).toContain(sample.id);
    const names = fs.readdirSync(path.join(cache, 'tifa'));
    expect(names.some((n) => n.startsWith('compiled-'))).toBe(true);
    expect(names.filter((n) => n.startsWith('dict-') || n.startsWith('builtin-'))).toEqual([]);
  });

  it('dict test passes every example with the bundled segmenter', async () => {
    const r = await run('npx', ['--no', 'tifa', 'dict', 'test'], project);
    expect(r.stdout).toMatch(/\d+ passed, 0 failed/);
  });

  it('tifa-language-server: initialize → didOpen → diagnostics', async () => {
    const bin = path.join(project, 'node_modules/.bin/tifa-language-server');
    expect(fs.realpathSync(bin).startsWith(path.join(project, 'node_modules/tifa/'))).toBe(true);
    const client = await TestClient.start({ capabilities: {}, workspaceFolders: [project], serverPath: bin, env: cleanEnv() });
    try {
      expect(client.initializeResult.serverInfo?.name).toMatch(/tifa/);
      const file = path.join(project, 'docs/自评报告.md');
      const uri = pathToFileURL(file).href;
      await client.connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') },
      });
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0, 30_000);
      expect(published.diagnostics.map((d) => (d.data as { termId?: string } | undefined)?.termId)).toContain(sample.id);
    } finally {
      await client.stop();
    }
  });

  it('@tifa/core works as a library from its built output, with type declarations', async () => {
    fs.writeFileSync(
      path.join(project, 'check.js'),
      `const { lint } = require('@tifa/core');
const { loadGlossary, createJiebaSegmenter, segmenterEngine } = require('@tifa/core/node');
const { glossary } = loadGlossary();
const findings = lint(process.argv[2], glossary, { language: 'plaintext', segmenter: createJiebaSegmenter(glossary) });
console.log(JSON.stringify({ engine: segmenterEngine(), ids: findings.map((f) => f.termId), main: require.resolve('@tifa/core') }));
`,
    );
    const r = await run(process.execPath, ['check.js', sample.text], project);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { engine: string; ids: string[]; main: string };
    expect(out.engine).toBe('js');
    expect(out.ids).toContain(sample.id);
    expect(out.main).toBe(path.join(project, 'node_modules/@tifa/core/dist/index.js'));
    for (const types of ['dist/index.d.ts', 'dist/node/index.d.ts']) expect(fs.existsSync(path.join(project, 'node_modules/@tifa/core', types)), types).toBe(true);
    expect(fs.existsSync(path.join(project, 'node_modules/@tifa/core/src'))).toBe(false);
  });
});
