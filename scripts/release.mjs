// npm run release：把可发布的 npm 包打成 tarball，放进 release/（不进 git）。
//   tifa        面向用户的包：命令行 tifa、语言服务器 tifa-language-server、默认词表、jieba 词典数据。
//               bundle 自带全部依赖（esbuild 打包），安装时不需要编译器；装了 nodejieba 时优先用它（可选 peer 依赖）。
//   @tifa/core  给程序用的核心库：dist/ 里编译好的 CJS 与 .d.ts，依赖照常从 npm 安装。
// 每个包先在 release/stage/<名字>/ 里按发布形态摆好，再在那里 npm pack。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildIdDefine } from './build-id.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'release');
const stage = path.join(out, 'stage');
const readJson = (file) => JSON.parse(fs.readFileSync(file, 'utf8'));
const writeJson = (file, data) => fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

function copyTree(from, to, keep) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const file = path.join(from, entry.name);
    if (entry.isDirectory()) copyTree(file, path.join(to, entry.name), keep);
    else if (keep(entry.name)) copy(file, path.join(to, entry.name));
  }
}

/** 默认词表：schema.json、全部 YAML、sources/ 里的官方原文与构建时生成的预编译快照（.compiled/）。 */
function copyDictionaries(to) {
  copyTree(path.join(root, 'dictionaries'), to, (name) => /\.(ya?ml|md|bin|trie)$/i.test(name) || name === 'schema.json');
}

/** 分词数据：jieba.dict.utf8、hmm_model.utf8 与 cppjieba 的许可证。 */
function copyJieba(to) {
  for (const name of ['jieba.dict.utf8', 'hmm_model.utf8', 'LICENSE.cppjieba', 'README.md']) copy(path.join(root, 'packages/core/jieba', name), path.join(to, name));
}

function pack(dir) {
  const json = execFileSync('npm', ['pack', '--json', '--pack-destination', out], { cwd: dir, encoding: 'utf8', shell: process.platform === 'win32' });
  const [info] = JSON.parse(json);
  return { file: path.join(out, info.filename), size: info.size, unpackedSize: info.unpackedSize, entries: info.entryCount };
}

/** 发布清单里共用的字段。 */
function common(pkg) {
  const rootPkg = readJson(path.join(root, 'package.json'));
  return { license: rootPkg.license, engines: rootPkg.engines, homepage: 'https://tifa.dev', ...pkg };
}

async function stageTifa() {
  const dir = path.join(stage, 'tifa');
  const template = path.join(root, 'packages/tifa');
  for (const name of ['package.json', 'README.md']) copy(path.join(template, name), path.join(dir, name));
  copyTree(path.join(template, 'bin'), path.join(dir, 'bin'), () => true);
  // 启动器、主程序、工作线程与延迟加载的第三方包（dist/vendor/）
  copyTree(path.join(root, 'packages/cli/dist'), path.join(dir, 'dist'), (name) => name.endsWith('.js'));
  // 语言服务器：启动器 server.js（V8 代码缓存）与它载入的 server-main.js
  for (const name of ['server.js', 'server-main.js']) copy(path.join(root, 'server/dist', name), path.join(dir, 'dist', name));
  copyDictionaries(path.join(dir, 'dictionaries'));
  copyJieba(path.join(dir, 'jieba'));
  copy(path.join(root, 'CHANGELOG.md'), path.join(dir, 'CHANGELOG.md'));
  copy(path.join(root, 'extension/LICENSE'), path.join(dir, 'LICENSE'));
  const pkg = readJson(path.join(dir, 'package.json'));
  // 版本与命令行一致（tifa --version 取 @tifa/cli 的版本）
  writeJson(path.join(dir, 'package.json'), common({ ...pkg, version: readJson(path.join(root, 'packages/cli/package.json')).version }));
  return pack(dir);
}

/** 相对导入的 .ts 文件不打进来，改成同目录结构下的 .js；JSON（词典 schema）内联。 */
const keepModules = {
  name: 'keep-modules',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (args) => {
      if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
      if (!args.importer.startsWith(path.join(root, 'packages/core/src'))) return undefined; // 打进来的依赖内部照常打包
      return { path: args.path.replace(/\.ts$/, '') + '.js', external: true };
    });
  },
};

/** 打进 @tifa/core 的 dist、不作为运行时依赖的包。 */
const BUNDLED = ['jsonc-parser'];

async function stageCore() {
  const dir = path.join(stage, 'core');
  const src = path.join(root, 'packages/core/src');
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.ts')) files.push(file);
    }
  };
  walk(src);
  await build({
    entryPoints: files,
    outdir: path.join(dir, 'dist'),
    outbase: src,
    bundle: true,
    // 依赖照常从 npm 安装；jsonc-parser 例外：核心用它的 ESM 文件（无扩展名的相对导入），Node 不能直接加载，所以打进来
    external: Object.keys(readJson(path.join(root, 'packages/core/package.json')).dependencies).filter((d) => !BUNDLED.includes(d)),
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [keepModules],
    // 与 npm run build 相同的构建号：库也读随包的预编译快照（dictionaries/.compiled/）
    define: buildIdDefine(root),
    logLevel: 'warning',
  });
  // 类型声明：tsc 只产出 .d.ts；schema.json 在 src 之外，所以以仓库根为 rootDir，再取 packages/core/src 那一支
  const types = path.join(stage, 'core-types');
  execFileSync(process.execPath, [
    path.join(root, 'node_modules/typescript/bin/tsc'),
    ...['--declaration', '--emitDeclarationOnly', '--skipLibCheck', '--strict', '--esModuleInterop', '--resolveJsonModule'],
    ...['--target', 'ES2022', '--module', 'ESNext', '--moduleResolution', 'Bundler', '--types', 'node', '--rootDir', root, '--outDir', types],
    path.join(src, 'index.ts'),
    path.join(src, 'node/index.ts'),
  ], { cwd: root, stdio: 'inherit' });
  copyTree(path.join(types, 'packages/core/src'), path.join(dir, 'dist'), (name) => name.endsWith('.d.ts'));
  copyDictionaries(path.join(dir, 'dictionaries'));
  copyJieba(path.join(dir, 'jieba'));
  copy(path.join(root, 'CHANGELOG.md'), path.join(dir, 'CHANGELOG.md'));
  copy(path.join(root, 'extension/LICENSE'), path.join(dir, 'LICENSE'));
  copy(path.join(root, 'packages/core/README.md'), path.join(dir, 'README.md'));

  const dev = readJson(path.join(root, 'packages/core/package.json'));
  const { nodejieba, ...all } = dev.dependencies;
  const dependencies = Object.fromEntries(Object.entries(all).filter(([name]) => !BUNDLED.includes(name)));
  writeJson(
    path.join(dir, 'package.json'),
    common({
      name: dev.name,
      version: dev.version,
      description: dev.description,
      keywords: dev.keywords,
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: {
        '.': { types: './dist/index.d.ts', default: './dist/index.js' },
        './node': { types: './dist/node/index.d.ts', default: './dist/node/index.js' },
        './package.json': './package.json',
      },
      files: ['dist', 'dictionaries', 'jieba', 'CHANGELOG.md'],
      dependencies,
      // nodejieba 是参照分词器，要本机编译：装了就用，不装则用随包的 TypeScript 实现（判断相同）
      peerDependencies: { nodejieba },
      peerDependenciesMeta: { nodejieba: { optional: true } },
    }),
  );
  return pack(dir);
}

const started = Date.now();
if (!process.argv.includes('--no-build')) execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(stage, { recursive: true });
const results = [await stageTifa(), await stageCore()];
fs.rmSync(stage, { recursive: true, force: true });
for (const r of results) {
  console.log(`${path.relative(root, r.file)}  ${(r.size / 1024 / 1024).toFixed(2)} MB（解开 ${(r.unpackedSize / 1024 / 1024).toFixed(2)} MB，${r.entries} 个文件）`);
}
console.log(`tifa release: ${results.length} 个包，用时 ${Date.now() - started} ms`);
