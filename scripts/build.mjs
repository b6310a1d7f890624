// 根构建：找到每个工作区的 build.config.mjs（默认导出 esbuild 选项数组），逐个打包。
// npm ci 时经 prepare 运行，所以 `npx tifa` 与 `tifa-language-server` 装完即可用。
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildIdDefine } from './build-id.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const started = Date.now();
// 构建号写进每个 bundle；随包的预编译快照（dictionaries/.compiled/）按它起键，只有同一次构建的程序才会读
const define = buildIdDefine(root);
console.log(await writePrebuilt());
const candidates = ['packages/core', 'packages/cli', 'server', 'extension'].map((d) => path.join(root, d, 'build.config.mjs'));
let count = 0;
for (const file of candidates) {
  if (!fs.existsSync(file)) continue;
  const { default: configs } = await import(pathToFileURL(file).href);
  for (const options of configs) {
    await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', ...options, define: { ...define, ...options.define } });
    count++;
  }
  const after = (await import(pathToFileURL(file).href)).afterBuild;
  if (typeof after === 'function') await after();
}
console.log(`tifa build: ${count} bundle(s) in ${Date.now() - started} ms`);

/** 把 packages/core/src/node/write-prebuilt.ts 用同一构建号打包，在子进程里运行（缓存写到临时目录，不碰用户的）。 */
async function writePrebuilt() {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-prebuilt-'));
  try {
    const out = path.join(tmp, 'write-prebuilt.cjs');
    await build({ entryPoints: [path.join(root, 'packages/core/src/node/write-prebuilt.ts')], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', external: ['nodejieba'], define });
    const args = [path.join(root, 'dictionaries'), path.join(root, 'packages/core/jieba')].map((a) => JSON.stringify(a)).join(', ');
    const script = `process.stdout.write(require(${JSON.stringify(out)}).writePrebuiltArtifacts(${args}))`;
    return execFileSync(process.execPath, ['-e', script], { encoding: 'utf8', env: { ...process.env, TIFA_CACHE_DIR: path.join(tmp, 'cache') } });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}
