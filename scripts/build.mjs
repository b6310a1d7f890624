// 根构建：找到每个工作区的 build.config.mjs（默认导出 esbuild 选项数组），逐个打包。
// npm ci 时经 prepare 运行，所以 `npx tifa` 与 `tifa-language-server` 装完即可用。
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const candidates = ['packages/core', 'packages/cli', 'server', 'extension'].map((d) => path.join(root, d, 'build.config.mjs'));
const started = Date.now();
let count = 0;
for (const file of candidates) {
  if (!fs.existsSync(file)) continue;
  const { default: configs } = await import(pathToFileURL(file).href);
  for (const options of configs) {
    await build({ bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'warning', ...options });
    count++;
  }
  const after = (await import(pathToFileURL(file).href)).afterBuild;
  if (typeof after === 'function') await after();
}
console.log(`tifa build: ${count} bundle(s) in ${Date.now() - started} ms`);
