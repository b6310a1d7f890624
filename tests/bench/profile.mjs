// Where the time goes: runs one tifa invocation under `node --cpu-prof` and prints the top functions by self and
// inclusive time, each with the source file it came from (esbuild marks every module in a bundle with a
// `// path/to/file.ts` comment, so bundle lines map back to files).
//
//   node tests/bench/profile.mjs cli lint --format json <file.md> [--dict x.yaml]   the CLI bundle
//   node tests/bench/profile.mjs core <file.md> [dictionary.yaml] [--reps N]        core lint() in-process (N = 3)
// Run `npm run bench` (or `--quick`) first so the corpus, dictionaries and core bundle exist.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { bundleCore, CORE_BUNDLE } from './lib/bundle.mjs';
import { BENCH_DIR, CLI_BUNDLE, WORK_DIR } from './lib/paths.mjs';

const TOP = 25;

/** Line → module path for one esbuild bundle. */
function moduleMap(bundleFile) {
  const marks = [];
  fs.readFileSync(bundleFile, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      const m = /^\/\/ ((?:\.\.\/)*(?:node_modules|packages|server|src)\/\S+)$/.exec(line);
      if (m) marks.push([i + 1, m[1].replace(/^(\.\.\/)+/, '')]);
    });
  return (line) => {
    let lo = 0;
    let hi = marks.length - 1;
    let best = '';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid][0] <= line) {
        best = marks[mid][1];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
}

function summarize(profileFile, maps) {
  const p = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => {
    const cf = n.callFrame;
    const map = maps.get(cf.url.replace(/^file:\/\//, ''));
    const where = map ? map(cf.lineNumber + 1) || path.basename(cf.url) : cf.url ? path.basename(cf.url) : '';
    return { fn: `${cf.functionName || '(anonymous)'}  ${where}`, file: where || cf.functionName };
  };
  const self = new Map();
  const incl = new Map();
  const files = new Map();
  let total = 0;
  const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const l = label(byId.get(id));
    add(self, l.fn, dt);
    add(files, l.file, dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = label(byId.get(cur)).fn;
      if (!seen.has(k)) {
        seen.add(k);
        add(incl, k, dt);
      }
    }
  });
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, TOP)
      .map(([k, v]) => `${(v / 1000).toFixed(0).padStart(7)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  return `${path.basename(profileFile)}：共 ${(total / 1000).toFixed(0)} ms\n\n按函数（自身）：\n${top(self)}\n\n按函数（含调用）：\n${top(incl)}\n\n按源文件（自身）：\n${top(files)}`;
}

const [mode, ...args] = process.argv.slice(2);
const repsAt = mode === 'core' ? args.indexOf('--reps') : -1;
const reps = repsAt >= 0 ? args[repsAt + 1] : '3';
const rest = repsAt >= 0 ? args.filter((_, i) => i !== repsAt && i !== repsAt + 1) : args;
if (mode !== 'cli' && mode !== 'core') {
  console.error('用法：node tests/bench/profile.mjs cli <tifa 参数…> | core <file.md> [dictionary.yaml]');
  process.exit(2);
}
const dir = path.join(WORK_DIR, 'profile');
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });
if (mode === 'core') await bundleCore();
const script = mode === 'cli' ? [CLI_BUNDLE, ...rest] : [path.join(BENCH_DIR, 'lib/core-throughput.mjs'), CORE_BUNDLE, rest[0], reps, ...rest.slice(1)];
const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, ...script], { stdio: ['ignore', 'ignore', 'inherit'] });
if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
const bundles = [CLI_BUNDLE, ...['tifa-main.js', 'tifa-worker.js'].map((f) => path.join(path.dirname(CLI_BUNDLE), f)), CORE_BUNDLE].filter((f) => fs.existsSync(f));
const maps = new Map(bundles.map((b) => [b, moduleMap(b)]));
for (const f of fs.readdirSync(dir).sort()) console.log(summarize(path.join(dir, f), maps) + '\n');
