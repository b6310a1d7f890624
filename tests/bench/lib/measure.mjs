// Runs one tool invocation in its own node process and measures it: wall time (spawn → exit, as the user waits),
// CPU time and peak RSS (from lib/process-stats.cjs inside the child).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, WORK_DIR } from './paths.mjs';

const STATS_PRELOAD = path.join(BENCH_DIR, 'lib/process-stats.cjs');
let counter = 0;

/**
 * args: node arguments after the preload (script first). stdoutFile: where the child's stdout goes (else ignored).
 * Resolves { wallMs, cpuMs, peakRssKb, code, stderr }; a child killed by timeoutMs resolves with timedOut: true.
 */
export function measure(args, { stdoutFile, env = {}, cwd, timeoutMs = 30 * 60_000 } = {}) {
  const statsFile = path.join(WORK_DIR, `stats-${process.pid}-${counter++}.json`);
  fs.mkdirSync(WORK_DIR, { recursive: true });
  if (env.TMPDIR) fs.mkdirSync(env.TMPDIR, { recursive: true });
  fs.rmSync(statsFile, { force: true });
  const stdout = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'ignore';
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, ['--require', STATS_PRELOAD, ...args], {
      cwd,
      env: { ...process.env, ...env, BENCH_STATS_FILE: statsFile, NO_COLOR: '1' },
      stdio: ['ignore', stdout, 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (s) => {
      if (stderr.length < 20_000) stderr += s;
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      clearTimeout(timer);
      if (typeof stdout === 'number') fs.closeSync(stdout);
      let stats = {};
      try {
        stats = JSON.parse(fs.readFileSync(statsFile, 'utf8'));
        fs.rmSync(statsFile, { force: true });
      } catch {
        // killed before exit handlers ran
      }
      resolve({ wallMs, cpuMs: (stats.userMs ?? NaN) + (stats.systemMs ?? NaN), peakRssKb: stats.peakRssKb ?? NaN, code, stderr, timedOut });
    });
  });
}
