// 语言服务器打包：src/main.ts → dist/server-main.js（CJS，node）；dist/server.js 是启动器（scripts/code-cache-loader.cjs），
// 用 V8 代码缓存载入它。nodejieba 是原生模块，不打包。
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendors, lazyVendorPlugin } from '../scripts/lazy-vendor.mjs';
import { builtinImportsPlugin } from '../scripts/builtin-imports.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export default [
  {
    entryPoints: [path.join(here, 'src/main.ts')],
    outfile: path.join(here, 'dist/server-main.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    external: ['nodejieba', 'vscode'],
    // 拼音（补全）、YAML、ajv、iconv-lite 用到时才从 dist/vendor/ 载入（scripts/lazy-vendor.mjs）
    plugins: [lazyVendorPlugin(), builtinImportsPlugin()],
    logOverride: { 'unsupported-require-call': 'silent' },
  },
];

export async function afterBuild() {
  await buildVendors(path.join(here, 'dist'), { bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['nodejieba', 'vscode'], logLevel: 'warning' });
  fs.copyFileSync(path.join(here, '../scripts/code-cache-loader.cjs'), path.join(here, 'dist/server.js'));
}
