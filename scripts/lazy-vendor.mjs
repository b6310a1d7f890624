// 延迟加载的第三方包：拼音（pinyin-pro）、YAML、JSON Schema 校验（ajv）与 GB18030 编解码（iconv-lite）合起来是命令行
// bundle 的三分之二，一行文件的检查一个也用不到（词表有快照、文件是 UTF-8、不补全）。它们各打成 dist/vendor/<包>.js，
// 主 bundle 里只留一个同名导出的薄壳：第一次访问某个导出时才 require 真正的包。导出名在构建时从包本身读出。
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

export const LAZY_PACKAGES = ['pinyin-pro', 'yaml', 'ajv', 'iconv-lite'];

const fileOf = (pkg) => `${pkg.replace(/[^a-z0-9-]/gi, '_')}.js`;

/** esbuild 插件：把 LAZY_PACKAGES 的导入换成薄壳（只替换我们自己源码里的导入，包内部照常）。 */
export function lazyVendorPlugin() {
  return {
    name: 'lazy-vendor',
    setup(b) {
      const filter = new RegExp(`^(${LAZY_PACKAGES.map((p) => p.replace(/[-/]/g, '\\$&')).join('|')})$`);
      b.onResolve({ filter }, (args) => (args.importer.includes(`${path.sep}node_modules${path.sep}`) ? undefined : { path: args.path, namespace: 'lazy-vendor' }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-vendor' }, (args) => {
        const real = require(args.path);
        const names = Object.getOwnPropertyNames(real).filter((n) => n !== '__esModule');
        const contents = [
          `let real;`,
          `const load = () => real || (real = require(require('node:path').join(__dirname, 'vendor', ${JSON.stringify(fileOf(args.path))})));`,
          real.__esModule ? `Object.defineProperty(exports, '__esModule', { value: true });` : '',
          `for (const name of ${JSON.stringify(names)}) Object.defineProperty(exports, name, { enumerable: true, get: () => load()[name] });`,
        ].join('\n');
        return { contents, loader: 'js', resolveDir: process.cwd() };
      });
    },
  };
}

/** 把每个包打成 outDir/vendor/<包>.js。 */
export async function buildVendors(outDir, common) {
  for (const pkg of LAZY_PACKAGES) {
    await build({
      ...common,
      stdin: { contents: `module.exports = require(${JSON.stringify(pkg)});`, resolveDir: path.dirname(require.resolve(`${pkg}/package.json`)), loader: 'js' },
      outfile: path.join(outDir, 'vendor', fileOf(pkg)),
    });
  }
}
