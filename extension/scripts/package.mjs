// 生成 tifa-<version>.vsix（离线）：先构建扩展，再用 @vscode/vsce 打包。
// 通用包：不含原生模块（分词用 @tifa/core 的 TypeScript 实现，与 nodejieba 判断相同），
// win32-x64、darwin-x64、darwin-arm64、linux-x64、linux-arm64 等任何平台的 VS Code 都装同一个文件。
//   node scripts/package.mjs [--out path/to.vsix] [--no-build]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildExtension } from './build.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

function option(name) {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

if (!process.argv.includes('--no-build')) {
  const ms = await buildExtension();
  console.log(`tifa extension build: ${ms} ms`);
}

// 防止原生模块混进包里：通用包装到别的平台上会加载失败
const natives = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(file);
    else if (entry.name.endsWith('.node')) natives.push(path.relative(root, file));
  }
};
walk(path.join(root, 'dist'));
if (natives.length) throw new Error(`dist/ 里有原生模块，不能打通用包：${natives.join(', ')}`);

const out = path.resolve(option('--out') ?? path.join(root, `tifa-${manifest.version}.vsix`));
const require = createRequire(path.join(root, 'package.json'));
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out], {
  cwd: root,
  stdio: ['ignore', 'inherit', 'inherit'],
});
console.log(`tifa: ${path.relative(process.cwd(), out) || out}（通用包，${(fs.statSync(out).size / 1024 / 1024).toFixed(1)} MB）`);
