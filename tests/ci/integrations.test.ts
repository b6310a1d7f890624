// GitHub Action 与 pre-commit 钩子：从 action.yml、.pre-commit-hooks.yaml 里取出它们真正运行的命令行来跑，两边不会走样。
// 临时“文档仓库”里的 node_modules/.bin/tifa 指向本仓库构建好的命令行（安装本身由 tests/release 测）。
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureBuilt, makeTree, ROOT } from '../cli/helpers';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(ensureBuilt);

interface ActionStep {
  id?: string;
  run?: string;
  env?: Record<string, string>;
  uses?: string;
  if?: string;
}
interface Action {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as Action;
const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; entry: string; files: string; language: string }[];

const DOC = '# 年度总结\n\n我校是高职高专院校，坚持“职普融合、产教融合、科教融汇”。\n';
const CLEAN = '# 说明\n\n本文没有需要修改的提法。\n';

function docsRepo(files: Record<string, string>): string {
  const dir = makeTree(files);
  fs.mkdirSync(path.join(dir, 'node_modules/.bin'), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'packages/cli/bin/tifa.js'), path.join(dir, 'node_modules/.bin/tifa'));
  return dir;
}

/** 按 GitHub 的做法展开 ${{ inputs.x }}：只允许这一种表达式，别的表达式会让测试失败而不是被悄悄忽略。 */
function expand(value: string, inputs: Record<string, string>): string {
  const out = value.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_, name: string) => {
    expect(Object.keys(action.inputs)).toContain(name);
    return inputs[name] ?? '';
  });
  expect(out).not.toContain('${{');
  return out;
}

function runAction(cwd: string, given: Record<string, string>) {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default ?? ''])), ...given };
  const step = action.runs.steps.find((s) => s.id === 'lint')!;
  const output = path.join(cwd, '.github-output');
  fs.writeFileSync(output, '');
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: output };
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = expand(v, inputs);
  const r = spawnSync('bash', ['-e', '-c', step.run!], { cwd, env, encoding: 'utf8', timeout: 120_000 });
  const outputs = Object.fromEntries(fs.readFileSync(output, 'utf8').trim().split('\n').filter(Boolean).map((l) => l.split('=', 2) as [string, string]));
  return { ...r, outputs };
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action with the documented inputs', () => {
    expect(action.runs.using).toBe('composite');
    expect(Object.keys(action.inputs)).toEqual(expect.arrayContaining(['paths', 'format', 'max-warnings', 'as-of', 'config', 'sarif']));
    const upload = action.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(upload?.if).toContain("inputs.sarif == 'true'");
  });

  it('runs tifa lint with github annotations, records the exit code and writes SARIF when asked', () => {
    const dir = docsRepo({ 'docs/总结.md': DOC, 'docs/说明.md': CLEAN });
    const r = runAction(dir, { paths: 'docs', 'as-of': '2026-06-01', sarif: 'true' });
    expect(r.status, r.stderr).toBe(0); // 失败留给最后一步，SARIF 照样上传
    expect(r.outputs['exit-code']).toBe('1');
    expect(r.stdout).toMatch(/^::error file=docs\/总结\.md,line=3,/m);
    expect(r.stdout).toMatch(/^::warning file=docs\/总结\.md,/m);
    const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'tifa.sarif'), 'utf8')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.length).toBeGreaterThanOrEqual(2);
  });

  it('passes space- or line-separated paths and globs, --config and --max-warnings through', () => {
    const dir = docsRepo({ 'a/说明.md': CLEAN, 'b/说明.txt': '开展新型职业农民培训。\n', 'tifa.config.json': '{ "rules": { "misquote": "off" } }' });
    const ok = runAction(dir, { paths: 'a b/*.txt', format: 'json', config: 'tifa.config.json', 'max-warnings': '5' });
    expect(ok.outputs['exit-code'], ok.stderr).toBe('0');
    const files = (JSON.parse(ok.stdout) as { filePath: string }[]).map((f) => path.relative(dir, f.filePath)).sort();
    expect(files).toEqual(['a/说明.md', 'b/说明.txt']);
    const lines = runAction(dir, { paths: 'a/说明.md\nb/*.txt\n', format: 'json', config: 'tifa.config.json' });
    expect((JSON.parse(lines.stdout) as unknown[]).length, lines.stderr).toBe(2);
    const strict = runAction(dir, { paths: 'b', format: 'stylish', 'max-warnings': '0' });
    expect(strict.outputs['exit-code']).toBe('1');
    expect(strict.stderr).toMatch(/--max-warnings 0/);
  });
});

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('lints the staged Markdown/text files with the entry pre-commit runs', () => {
    const hook = hooks.find((h) => h.id === 'tifa')!;
    expect(hook.language).toBe('system');
    const dir = docsRepo({ '总结.md': DOC, '说明.txt': CLEAN, 'data.csv': '高职高专\n', 'notes/草稿.md': DOC });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
    git('init', '-q');
    git('add', '总结.md', '说明.txt', 'data.csv'); // 草稿.md 未暂存
    const staged = git('diff', '--cached', '--name-only', '-z').split('\0').filter(Boolean);
    // pre-commit 的做法：按 files 正则筛选，把文件名接在 entry 后面
    const files = staged.filter((f) => new RegExp(hook.files).test(f));
    expect(files.sort()).toEqual(['总结.md', '说明.txt']);
    const [cmd, ...args] = hook.entry.split(/\s+/);
    const r = spawnSync(cmd!, [...args, ...files], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toContain('总结.md');
    expect(r.stdout).not.toContain('草稿.md');
    const clean = spawnSync(cmd!, [...args, '说明.txt'], { cwd: dir, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
  });
});
