// tifa 命令行的打包配置：主程序与工作线程各一个 CJS bundle，输出到 packages/cli/dist/。
// 由根目录的 scripts/build.mjs 读取并运行（它补上 bundle、platform、format 等公共选项）。
import fs from 'node:fs';
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
  { ...common, entryPoints: [path.join(here, 'src/main.ts')], outfile: path.join(here, 'dist/tifa-main.js') },
  { ...common, entryPoints: [path.join(here, 'src/lint/worker.ts')], outfile: path.join(here, 'dist/tifa-worker.js') },
];

/** dist/tifa.js 是启动器（loader/tifa.js）：用 V8 代码缓存加载 dist/tifa-main.js。 */
export function afterBuild() {
  fs.copyFileSync(path.join(here, 'loader/tifa.js'), path.join(here, 'dist/tifa.js'));
}
