// esbuild 插件：`import fs from 'node:fs'` 这类默认导入 Node 内置模块的写法，打进 CJS bundle 时 esbuild 在每个源文件里
// 各调一次 __toESM(require('node:fs'))：给 fs 的上百个属性逐个定义 getter。几十个文件加起来，每次启动白花 7–8 ms
// （一行文件检查的启动开销里排得上号）。这里把它们换成一个 ESM 小模块 `export default require('node:fs')`：
// 整个 bundle 只 require 一次，各处直接引用同一个对象，不再包装。只替换我们自己源码里的默认导入（包内部照常）。
export const BUILTINS = ['fs', 'path', 'os'];

export function builtinImportsPlugin() {
  return {
    name: 'builtin-imports',
    setup(b) {
      const filter = new RegExp(`^(node:)?(${BUILTINS.join('|')})$`);
      b.onResolve({ filter }, (args) =>
        args.kind !== 'import-statement' || args.importer.includes('node_modules') ? undefined : { path: args.path.replace(/^node:/, ''), namespace: 'builtin-imports' },
      );
      b.onLoad({ filter: /.*/, namespace: 'builtin-imports' }, (args) => ({ contents: `export default require(${JSON.stringify(`node:${args.path}`)});`, loader: 'js' }));
    },
  };
}
