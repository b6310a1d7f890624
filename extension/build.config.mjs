// 扩展打包：客户端 src/extension.ts → dist/extension.js（vscode 由宿主提供），
// 语言服务器 ../server/src/main.ts → dist/server-main.js，由启动器 dist/server.js（scripts/code-cache-loader.cjs，
// V8 代码缓存）载入（与客户端一起发布，IPC 启动）。
// afterBuild 把运行时需要的非 JS 文件放到 dist/ 旁边：
//   dist/dictionaries/   默认词表（@tifa/core/node 从 bundle 所在目录向上找 dictionaries/schema.json）
//   dist/jieba/          jieba 词典与 HMM 模型（@tifa/core/node 的 TypeScript 分词器从 bundle 所在目录向上找 jieba/）
// 不带 nodejieba 等原生模块：扩展是一个通用包，任何平台的 VS Code 都能装，分词与 nodejieba 的判断相同。
//   dist/schemas/        tifa.config.schema.json（jsonValidation 用）
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildVendors, lazyVendorPlugin } from '../scripts/lazy-vendor.mjs';
import { builtinImportsPlugin } from '../scripts/builtin-imports.mjs';

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
    outfile: path.join(dist, 'server-main.js'),
    external: ['nodejieba', 'vscode'],
    // 拼音、YAML、ajv、iconv-lite 用到时才从 dist/vendor/ 载入（scripts/lazy-vendor.mjs）
    plugins: [lazyVendorPlugin(), builtinImportsPlugin()],
    logOverride: { 'unsupported-require-call': 'silent' },
  },
];

export async function afterBuild() {
  await buildVendors(dist, { ...common, sourcemap: false, external: ['nodejieba', 'vscode'], logLevel: 'warning' });
  copyFile(path.join(here, '../scripts/code-cache-loader.cjs'), path.join(dist, 'server.js'));
  copyDictionaries(path.join(here, '../dictionaries'), path.join(dist, 'dictionaries'));
  copyJiebaData(path.join(here, '../packages/core/jieba'), path.join(dist, 'jieba'));
  // 以前的构建留下的原生模块不能再进包
  fs.rmSync(path.join(dist, 'node_modules'), { recursive: true, force: true });
  // 配置文件的 JSON Schema（contributes.jsonValidation 指向它）
  copyFile(path.join(here, '../packages/core/tifa.config.schema.json'), path.join(dist, 'schemas', 'tifa.config.schema.json'));
}

/** 分词只读 jieba.dict.utf8（生成精简词典）与 hmm_model.utf8；不带 nodejieba 的 6 MB idf.utf8（只有关键词提取用）。 */
function copyJiebaData(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  for (const name of ['jieba.dict.utf8', 'hmm_model.utf8', 'LICENSE.cppjieba']) copyFile(path.join(from, name), path.join(to, name));
}

function copyFile(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

/** 默认词表：schema.json、所有 .yaml/.yml、sources/ 里的存档原文与预编译快照 .compiled/（保持子目录结构）。 */
function copyDictionaries(from, to) {
  fs.rmSync(to, { recursive: true, force: true });
  copyFile(path.join(from, 'schema.json'), path.join(to, 'schema.json'));
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.ya?ml$/i.test(entry.name) || (path.basename(dir) === 'sources' && entry.name.endsWith('.md') && entry.name !== 'README.md') || path.basename(dir) === '.compiled')
        copyFile(file, path.join(to, path.relative(from, file)));
    }
  };
  walk(from);
}
