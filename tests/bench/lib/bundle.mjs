// Bundles the TypeScript core into tests/bench/.work/core.cjs so plain node scripts can call lint() in-process.
import { build } from 'esbuild';
import { keepFile } from './keeper.mjs';
import path from 'node:path';
import { WORK_DIR, BENCH_DIR } from './paths.mjs';

export const CORE_BUNDLE = path.join(WORK_DIR, 'core.cjs');

export async function bundleCore() {
  await build({
    entryPoints: [path.join(BENCH_DIR, 'lib/core-exports.mjs')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['nodejieba'],
    outfile: CORE_BUNDLE,
    logLevel: 'warning',
  });
  keepFile(CORE_BUNDLE);
  return CORE_BUNDLE;
}
