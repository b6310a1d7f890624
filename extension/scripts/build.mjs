// 只构建扩展（客户端 + 随附的语言服务器 + 词表与 nodejieba）：npm run build --workspace extension。
// 根目录的 npm run build 也会执行同一份 build.config.mjs。
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export async function buildExtension() {
  const started = Date.now();
  const config = await import(pathToFileURL(path.join(here, '..', 'build.config.mjs')).href);
  for (const options of config.default) await build({ logLevel: 'warning', ...options });
  await config.afterBuild();
  return Date.now() - started;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const ms = await buildExtension();
  console.log(`tifa extension build: ${ms} ms`);
}
