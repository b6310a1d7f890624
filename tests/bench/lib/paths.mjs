// Where the bench lives and where it writes its generated files (gitignored).
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT_DIR = path.resolve(BENCH_DIR, '../..');
export const WORK_DIR = path.join(BENCH_DIR, '.work');
export const CLI_BUNDLE = path.join(ROOT_DIR, 'packages/cli/dist/tifa.js');
/** The run's own copy of the CLI bundle and of the default glossary, so a rebuild or an edit mid-run cannot mix versions. */
export const CLI_SNAPSHOT = path.join(WORK_DIR, 'cli/tifa.js');
export const DICTIONARIES_SNAPSHOT = path.join(WORK_DIR, 'dictionaries');

/**
 * The corpus lives outside any git work tree so that neither tool's ignore rules (tests/bench/.work/ is
 * gitignored, and tifa honours .gitignore when it walks a folder) nor config discovery touch it.
 */
export const CORPUS_DIR = path.join(os.tmpdir(), 'tifa-bench-corpus');
