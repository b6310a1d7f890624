// Where the bench lives and where it writes its generated files (gitignored).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ROOT_DIR = path.resolve(BENCH_DIR, '../..');
export const WORK_DIR = path.join(BENCH_DIR, '.work');
export const CLI_BUNDLE = path.join(ROOT_DIR, 'packages/cli/dist/tifa.js');
