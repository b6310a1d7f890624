// Speed work must not change findings. This runs two builds of the CLI on the same inputs with the same glossary
// (this repo's dictionaries/) and compares every finding (rule, term, offset, length, message, suggestions) and the
// output of `tifa dict test`. Exit 0 = identical, 1 = differences (listed), 2 = could not run.
//
//   node tests/bench/compare-findings.mjs --ref <git-ref> [files…]      base = that commit, built in .work/base
//   node tests/bench/compare-findings.mjs --base <dir with tifa.js> [files…]   (inside the repo, so nodejieba resolves)
//
// Without files: the real-prose compilation (as .txt and as .md), its 1 MB shuffle (tests/bench/.work/real/) and the
// generated 1 MB corpus when present. The new side is packages/cli/dist/tifa.js (run `npm run build` first).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { CLI_BUNDLE, CORPUS_DIR, ROOT_DIR, WORK_DIR } from './lib/paths.mjs';
import { REAL_DIR, REAL_SOURCE, writeRealCorpus } from './lib/real-prose.mjs';

const { values, positionals } = parseArgs({ options: { ref: { type: 'string' }, base: { type: 'string' } }, allowPositionals: true });

function fail(msg) {
  console.error(msg);
  process.exit(2);
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, ...opts });
  if (r.error) fail(`${cmd} ${args.join(' ')}：${r.error.message}`);
  return r;
}

/**
 * node_modules for the base worktree: every package linked from this repo's node_modules, except the workspace
 * packages (@tifa/*). Those are linked to the worktree's own folders, with the same relative targets: a plain link to
 * this repo's node_modules would resolve @tifa/core to this repo's packages/core, and the "old" build would bundle
 * the new core.
 */
function linkNodeModules(dir) {
  const from = path.join(ROOT_DIR, 'node_modules');
  const to = path.join(dir, 'node_modules');
  fs.mkdirSync(path.join(to, '@tifa'), { recursive: true });
  for (const name of fs.readdirSync(from)) {
    if (name !== '@tifa') fs.symlinkSync(path.join(from, name), path.join(to, name));
  }
  for (const name of fs.readdirSync(path.join(from, '@tifa'))) {
    fs.symlinkSync(fs.readlinkSync(path.join(from, '@tifa', name)), path.join(to, '@tifa', name));
  }
}

/** Builds the CLI of a git ref in a detached worktree under .work/base (node_modules linked from this repo). */
function buildRef(ref) {
  const dir = path.join(WORK_DIR, 'base');
  if (fs.existsSync(dir)) run('git', ['-C', ROOT_DIR, 'worktree', 'remove', '--force', dir]);
  fs.rmSync(dir, { recursive: true, force: true });
  const add = run('git', ['-C', ROOT_DIR, 'worktree', 'add', '--detach', dir, ref]);
  if (add.status !== 0) fail(`git worktree add ${ref} 失败：${add.stderr}`);
  linkNodeModules(dir);
  const b = run(process.execPath, ['scripts/build.mjs'], { cwd: dir });
  if (b.status !== 0) fail(`构建 ${ref} 失败：${b.stderr}`);
  return path.join(dir, 'packages/cli/dist');
}

function inputs() {
  if (positionals.length) return positionals.map((f) => path.resolve(f));
  const files = [];
  if (fs.existsSync(REAL_SOURCE)) {
    const real = writeRealCorpus([['1m', 1_000_000]]);
    const md = path.join(REAL_DIR, 'source.md');
    fs.copyFileSync(REAL_SOURCE, md);
    files.push(REAL_SOURCE, md, real['real-1m'].paths[0]);
  }
  const generated = path.join(CORPUS_DIR, '1m.md');
  if (fs.existsSync(generated)) files.push(generated);
  if (!files.length) fail('没有可比对的输入：给出文件，或先准备 ../shared/corpus');
  return files;
}

const env = { ...process.env, TIFA_DICTIONARIES: path.join(ROOT_DIR, 'dictionaries'), NO_COLOR: '1' };

function lintFindings(cliDir, file) {
  const r = run(process.execPath, [path.join(cliDir, 'tifa.js'), 'lint', '--format', 'json', file], { env });
  if (r.status !== 0 && r.status !== 1) fail(`${cliDir}：lint ${file} 退出码 ${r.status}\n${r.stderr}`);
  return JSON.parse(r.stdout).flatMap((x) =>
    x.messages.map((m) => JSON.stringify([m.offset, m.length, m.ruleId, m.termId, m.severity, m.message, m.suggestions])),
  );
}

function dictTest(cliDir) {
  const r = run(process.execPath, [path.join(cliDir, 'tifa.js'), 'dict', 'test', '--no-color'], { env });
  return `退出码 ${r.status}\n${r.stdout.replace(/\d+(\.\d+)? ?m?s\b/g, '#')}`;
}

const baseDir = values.base ? path.resolve(values.base) : values.ref ? buildRef(values.ref) : fail('用 --ref <git 提交> 或 --base <目录> 指定比对的旧版本');
const newDir = path.dirname(CLI_BUNDLE);
let differences = 0;
for (const file of inputs()) {
  const a = lintFindings(baseDir, file);
  const b = lintFindings(newDir, file);
  const setA = new Set(a);
  const setB = new Set(b);
  const onlyA = a.filter((x) => !setB.has(x));
  const onlyB = b.filter((x) => !setA.has(x));
  differences += onlyA.length + onlyB.length;
  console.log(`${path.relative(process.cwd(), file)}：旧 ${a.length} 条，新 ${b.length} 条${onlyA.length + onlyB.length ? `，不同 ${onlyA.length + onlyB.length} 条` : '，完全相同'}`);
  for (const x of onlyA.slice(0, 20)) console.log(`  - 仅旧版：${x}`);
  for (const x of onlyB.slice(0, 20)) console.log(`  + 仅新版：${x}`);
}
const ta = dictTest(baseDir);
const tb = dictTest(newDir);
if (ta !== tb) {
  differences++;
  console.log('tifa dict test 的输出不同：\n--- 旧\n' + ta.slice(0, 3000) + '\n+++ 新\n' + tb.slice(0, 3000));
} else console.log(`tifa dict test：输出相同（${ta.split('\n')[0]}）`);
// the base build's worktree is only needed for this run
if (values.ref) run('git', ['-C', ROOT_DIR, 'worktree', 'remove', '--force', path.join(WORK_DIR, 'base')]);
process.exit(differences ? 1 : 0);
