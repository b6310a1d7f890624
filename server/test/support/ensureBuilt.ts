// 测试跑的是真正的打包产物 server/dist/server.js（启动器）与 server-main.js：缺失或比源码旧时先构建（多个测试文件并行时用目录锁串行）。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '../../..');
export const SERVER_BUNDLE = path.join(ROOT, 'server/dist/server.js');
const SERVER_MAIN = path.join(ROOT, 'server/dist/server-main.js');
const SOURCES = ['server/src', 'packages/core/src', 'server/build.config.mjs', 'scripts/code-cache-loader.cjs'].map((p) => path.join(ROOT, p));
const LOCK = path.join(ROOT, 'server/dist/.build-lock');
const BUILD_SCRIPT = `
import { build } from 'esbuild';
const { default: configs, afterBuild } = await import('./server/build.config.mjs');
for (const options of configs) await build({ logLevel: 'warning', ...options });
await afterBuild?.();
`;

function newestSource(target: string): number {
  let newest = 0;
  const visit = (p: string) => {
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  if (fs.existsSync(target)) visit(target);
  return newest;
}

function stale(): boolean {
  if (!fs.existsSync(SERVER_BUNDLE) || !fs.existsSync(SERVER_MAIN)) return true;
  const built = Math.min(fs.statSync(SERVER_BUNDLE).mtimeMs, fs.statSync(SERVER_MAIN).mtimeMs);
  return SOURCES.some((s) => newestSource(s) > built);
}

export async function ensureServerBuilt(): Promise<void> {
  if (!stale()) return;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  for (let waited = 0; ; waited += 100) {
    try {
      fs.mkdirSync(LOCK);
      break;
    } catch {
      // 别的测试文件正在构建；锁超过一分钟视为残留。
      if (waited > 60_000) fs.rmSync(LOCK, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    // 只构建语言服务器自己的配置（与根构建同一份 build.config.mjs），不受其他包构建状态影响。
    if (stale()) execFileSync(process.execPath, ['--input-type=module', '-e', BUILD_SCRIPT], { cwd: ROOT, stdio: 'pipe' });
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
}
