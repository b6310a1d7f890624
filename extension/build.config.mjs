// 扩展打包：客户端 src/extension.ts → dist/extension.js（vscode 由宿主提供），
// 语言服务器 ../server/src/main.ts → dist/server.js（与客户端一起发布，IPC 启动）。
// afterBuild 把运行时需要的非 JS 文件放到 dist/ 旁边：
//   dist/dictionaries/   默认词表（@tifa/core/node 从 bundle 所在目录向上找 dictionaries/schema.json）
//   dist/schemas/        tifa.config.schema.json（jsonValidation 用）
//   dist/node_modules/nodejieba/   原生分词模块（server.js 里 require('nodejieba') 从这里解析）
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, 'dist');
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'linked' };

export default [
  {
    ...common,
    entryPoints: [path.join(here, 'src/extension.ts')],
    outfile: path.join(dist, 'extension.js'),
    external: ['vscode'],
  },
  {
    ...common,
    entryPoints: [path.join(here, '../server/src/main.ts')],
    outfile: path.join(dist, 'server.js'),
    external: ['nodejieba', 'vscode'],
  },
];

export async function afterBuild() {
  copyDictionaries(path.join(here, '../dictionaries'), path.join(dist, 'dictionaries'));
  copyNodejieba(path.join(dist, 'node_modules', 'nodejieba'));
  // 配置文件的 JSON Schema（contributes.jsonValidation 指向它）
  copyFile(path.join(here, '../packages/core/tifa.config.schema.json'), path.join(dist, 'schemas', 'tifa.config.schema.json'));
}

function copyFile(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** 默认词表：schema.json 与所有 .yaml/.yml（保持子目录结构）。 */
function copyDictionaries(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  copyFile(path.join(from, 'schema.json'), path.join(to, 'schema.json'));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/i.test(entry.name)) copyFile(file, path.join(to, path.relative(from, file)));
    }
  };
  walk(from);
}

/** nodejieba 运行只需要：package.json、index.js、构建出的 .node 和 DEFAULT_DICT 所在目录的词典。 */
function copyNodejieba(to) {
  fs.rmSync(to, { recursive: true, force: true });
  const require = createRequire(path.join(here, 'package.json'));
  let pkgFile;
  try {
    pkgFile = require.resolve('nodejieba/package.json');
  } catch {
    console.warn('tifa extension build: nodejieba 未安装，扩展将不带分词器（依赖分词的检查会降级）。');
    return;
  }
  const root = path.dirname(pkgFile);
  const binary = path.join(root, 'build', 'Release', 'nodejieba.node');
  if (!fs.existsSync(binary)) {
    console.warn(`tifa extension build: 找不到 ${binary}，扩展将不带分词器。`);
    return;
  }
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
  const main = pkg.main ?? 'index.js';
  copyFile(pkgFile, path.join(to, 'package.json'));
  copyFile(path.join(root, main), path.join(to, main));
  copyFile(binary, path.join(to, 'build', 'Release', 'nodejieba.node'));
  // 词典目录以 index.js 里 DEFAULT_DICT 指向的位置为准。
  const dictDir = path.dirname(require(root).DEFAULT_DICT);
  for (const name of fs.readdirSync(dictDir)) {
    const file = path.join(dictDir, name);
    if (/\.utf8$/.test(name) && fs.statSync(file).isFile()) copyFile(file, path.join(to, path.relative(root, file)));
  }
  // 随二进制一起分发的许可证（nodejieba 与其中的 cppjieba 都是 MIT）。
  for (const license of ['LICENSE', 'submodules/cppjieba/LICENSE']) {
    if (fs.existsSync(path.join(root, license))) copyFile(path.join(root, license), path.join(to, license));
  }
}
