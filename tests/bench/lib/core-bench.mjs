// Issue 2's figure: MB/s of core lint() in-process on the largest single file, one child process per glossary.
import path from 'node:path';
import { CORE_BUNDLE } from './bundle.mjs';
import { restoreMissing } from './keeper.mjs';
import { measure } from './measure.mjs';
import { BENCH_DIR, WORK_DIR } from './paths.mjs';
import { mbPerSecond, median } from './stats.mjs';
import fs from 'node:fs';

const SCRIPT = path.join(BENCH_DIR, 'lib/core-throughput.mjs');

/**
 * glossaries: [{ key, label, dict?, cacheDir? }] — dict alone (builtin: false) or the default glossary. cacheDir: the
 * tifa cache directory to use (the default glossary shares the one its command-line races filled, so the fresh process
 * starts as a user's would: caches built, code cold); otherwise one of its own.
 */
export async function coreThroughput(file, glossaries, reps) {
  const results = [];
  for (const g of glossaries) {
    const out = path.join(WORK_DIR, `core-${g.key}.json`);
    restoreMissing();
    const r = await measure([SCRIPT, CORE_BUNDLE, file, String(reps), ...(g.dict ? [g.dict] : [])], { stdoutFile: out, env: { TMPDIR: path.join(WORK_DIR, 'tmp', `core-${g.key}`), TIFA_CACHE_DIR: g.cacheDir ?? path.join(WORK_DIR, 'tmp', `core-${g.key}`, 'cache') } });
    if (r.code !== 0) {
      results.push({ ...g, failed: `退出码 ${r.code}：${r.stderr.trim().split('\n').slice(-3).join(' / ')}` });
      process.stdout.write(`  core lint() ${g.key}: 失败 ${r.stderr.trim()}\n`);
      continue;
    }
    const data = JSON.parse(fs.readFileSync(out, 'utf8'));
    const ms = median(data.runsMs);
    const row = { ...g, ...data, runs: data.runsMs.length, medianMs: ms, mbps: mbPerSecond(data.bytes, ms), peakRssKb: r.peakRssKb };
    results.push(row);
    process.stdout.write(`  core lint() ${g.key}（${data.entries} 条）：${data.runsMs.map((x) => (x / 1000).toFixed(2)).join(' / ')} s → ${row.mbps.toFixed(2)} MB/s，${data.findings} 条发现，载入 ${(data.loadMs / 1000).toFixed(2)} s\n`);
  }
  return results;
}
