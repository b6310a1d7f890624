// Benches owned by other engineers (tests/bench/lsp-latency.mjs …): run them if present and keep their output.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR } from './paths.mjs';

/** Returns Markdown for RESULTS.md: the script's own Markdown output, or a note when it is missing or failed. */
export async function runCompanionBench(script, args = []) {
  const file = path.join(BENCH_DIR, script);
  if (!fs.existsSync(file)) return `待补：\`tests/bench/${script}\` 还不存在（由语言服务器负责人编写），本次未测。`;
  const r = spawnSync(process.execPath, [file, ...args], { encoding: 'utf8', timeout: 10 * 60_000, maxBuffer: 16 * 2 ** 20 });
  const out = (r.stdout ?? '').trim();
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `退出码 ${r.status}`;
    return `\`tests/bench/${script}\` 运行失败（${why}）：\n\n\`\`\`\n${(r.stderr ?? '').trim().slice(-2000)}\n\`\`\``;
  }
  process.stdout.write(out + '\n');
  // Markdown (tables, headings) is kept as is; anything else goes into a code block.
  return /^\s*(\||#|- )/m.test(out) ? `由 \`node tests/bench/${[script, ...args].join(' ')}\` 测得：\n\n${out}` : `由 \`node tests/bench/${[script, ...args].join(' ')}\` 测得：\n\n\`\`\`\n${out}\n\`\`\``;
}
