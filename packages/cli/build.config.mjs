// tifa 命令行的打包配置：主程序与工作线程各一个 CJS bundle，输出到 packages/cli/dist/。
// 由根目录的 scripts/build.mjs 读取并运行（它补上 bundle、platform、format 等公共选项）。
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['nodejieba', 'vscode'],
  logLevel: 'warning',
};

export default [
  { ...common, entryPoints: [path.join(here, 'src/main.ts')], outfile: path.join(here, 'dist/tifa.js') },
  { ...common, entryPoints: [path.join(here, 'src/lint/worker.ts')], outfile: path.join(here, 'dist/tifa-worker.js') },
];
