// tifa 命令行的打包配置：主程序与工作线程各一个 CJS bundle，输出到 packages/cli/dist/。
// 由根目录的 scripts/build.mjs 读取并运行（它补上 bundle、platform、format 等公共选项）。
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendors, lazyVendorPlugin } from '../../scripts/lazy-vendor.mjs';
import { builtinImportsPlugin } from '../../scripts/builtin-imports.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['nodejieba', 'vscode'],
  logLevel: 'warning',
};
// 命令行的两个 bundle 不含拼音、YAML、ajv 与 iconv-lite：用到时才从 dist/vendor/ 载入（scripts/lazy-vendor.mjs）
const lazy = { plugins: [lazyVendorPlugin(), builtinImportsPlugin()], logOverride: { 'unsupported-require-call': 'silent' } };

export default [
  { ...common, entryPoints: [path.join(here, 'src/main.ts')], outfile: path.join(here, 'dist/tifa-main.js'), ...lazy },
  { ...common, entryPoints: [path.join(here, 'src/lint/worker.ts')], outfile: path.join(here, 'dist/tifa-worker.js'), ...lazy },
];

/** dist/tifa.js 是启动器（scripts/code-cache-loader.cjs）：用 V8 代码缓存加载 dist/tifa-main.js。 */
export async function afterBuild() {
  await buildVendors(path.join(here, 'dist'), common);
  fs.copyFileSync(path.join(here, '../../scripts/code-cache-loader.cjs'), path.join(here, 'dist/tifa.js'));
}
