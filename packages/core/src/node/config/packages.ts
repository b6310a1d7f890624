// npm 包形式的配置与词典：像 Node 一样从配置所在目录向上找 node_modules/<name>，
// 包的 package.json 用 "tifa" 字段声明内容，如 {"tifa": {"dictionaries": ["dict/a.yaml"]}}（同 cspell 的词典包）。
import fs from 'node:fs';
import path from 'node:path';

const PACKAGE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*$/i;

/** 写法像包名（不是 ./ ../ / 开头，不以 .yaml/.yml/.json 结尾）。 */
export function isPackageSpec(spec: string): boolean {
  return PACKAGE_NAME.test(spec) && !/\.(?:ya?ml|json)$/i.test(spec);
}

/** 包目录；找不到时为 undefined。 */
export function findPackageDir(name: string, fromDir: string): string | undefined {
  for (let dir = path.resolve(fromDir); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', ...name.split('/'));
    if (fs.existsSync(path.join(candidate, 'package.json'))) return fs.realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}
