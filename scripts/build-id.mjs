// 构建号：核心源码、依赖锁文件与 esbuild 版本的哈希，经 esbuild define 写进每个 bundle（__TIFA_BUILD_ID__）。
// 随包的预编译快照（dictionaries/.compiled/，packages/core/src/node/prebuilt.ts）按它起键：任何一样变了，旧快照就不再被读。
// scripts/build.mjs 与 scripts/release.mjs（@tifa/core 的逐文件编译）共用，两边算出的相同。
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { version as esbuildVersion } from 'esbuild';

export function buildId(root) {
  const hash = createHash('sha256');
  const files = (dir) =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of [...files(path.join(root, 'packages/core/src')), path.join(root, 'package-lock.json')]) {
    if (!fs.existsSync(file)) continue;
    hash.update(`${path.relative(root, file).split(path.sep).join('/')}\0`).update(fs.readFileSync(file));
  }
  hash.update(esbuildVersion);
  return hash.digest('hex').slice(0, 32);
}

/** esbuild 的 define 选项。 */
export function buildIdDefine(root) {
  return { __TIFA_BUILD_ID__: JSON.stringify(buildId(root)) };
}
