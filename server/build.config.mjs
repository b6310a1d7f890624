// 语言服务器打包：src/main.ts → dist/server.js（CJS，node）。nodejieba 是原生模块，不打包。
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default [
  {
    entryPoints: [path.join(here, 'src/main.ts')],
    outfile: path.join(here, 'dist/server.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    external: ['nodejieba', 'vscode'],
  },
];
