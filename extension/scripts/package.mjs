// 生成 tifa-<version>.vsix（离线）：先构建扩展，再用 @vscode/vsce 打包。
// nodejieba 是原生模块：dist/ 里带了它的二进制时按当前平台打包（vsce --target），否则打成通用包（无分词器）。
//   node scripts/package.mjs [--target linux-x64] [--out path/to.vsix] [--no-build] [--universal]
// --universal：不带 nodejieba，打成任何平台都能装的通用包（分词相关检查降级）。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

/** 当前平台对应的 vsce 目标名（win32-x64、linux-arm64、darwin-arm64、alpine-x64 …）。 */
export function currentTarget() {
  const arch = process.arch === 'arm' ? 'armhf' : process.arch;
  if (process.platform === 'linux') {
    // musl（Alpine）上的原生模块与 glibc 的不通用。
    const glibc = typeof process.report?.getReport === 'function' && process.report.getReport().header?.glibcVersionRuntime;
    return `${glibc ? 'linux' : 'alpine'}-${arch}`;
  }
  return `${process.platform}-${arch}`;
}

if (!process.argv.includes('--no-build')) {
  const ms = await buildExtension();
  console.log(`tifa extension build: ${ms} ms`);
}

const universal = process.argv.includes('--universal');
const hasNative = !universal && fs.existsSync(path.join(root, 'dist', 'node_modules', 'nodejieba', 'build', 'Release', 'nodejieba.node'));
const target = option('--target') ?? (hasNative ? currentTarget() : undefined);
const out = path.resolve(option('--out') ?? path.join(root, `tifa-${manifest.version}.vsix`));

const require = createRequire(path.join(root, 'package.json'));
const vsce = path.join(path.dirname(require.resolve('@vscode/vsce/package.json')), 'vsce');
const args = [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', out];
if (target) args.push('--target', target);
if (!hasNative) {
  // 不带 nodejieba：用去掉那一行的 .vscodeignore 副本，dist/ 本身不动。
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n').filter((line) => !line.includes('nodejieba')).join('\n');
  const ignoreFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-vsce-')), '.vscodeignore');
  fs.writeFileSync(ignoreFile, ignore);
  args.push('--ignoreFile', ignoreFile);
}
execFileSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
console.log(target ? `tifa: ${path.relative(process.cwd(), out)}（平台 ${target}，含 nodejieba）` : `tifa: ${path.relative(process.cwd(), out)}（通用包，不含分词器）`);
