// 启动器：用 V8 代码缓存编译同目录下的主程序 <名字>-main.js。构建时复制为命令行的 dist/tifa.js（载入 tifa-main.js）
// 和语言服务器的 dist/server.js（载入 server-main.js）。
// 约 2 MB 的 bundle 每次启动都要整个解析一遍，是一行文件检查、服务器启动里最大的一笔开销；有了缓存，V8 直接读入编译结果。
// 缓存只放在本用户的缓存目录（POSIX 上目录 0700、属主是自己，否则不用缓存）：缓存里是字节码，不能让别人替换。
// 键含源码的哈希与 Node 版本；V8 另行校验缓存与源码是否相符，不符时照常编译（cachedDataRejected）并重写缓存。
// 设 TIFA_NO_CODE_CACHE=1 可关闭。
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const os = require('node:os');
const { createRequire } = require('node:module');

const name = path.basename(__filename, '.js');
const file = path.join(__dirname, `${name}-main.js`);
const source = fs.readFileSync(file, 'utf8');
const stamp = fs.statSync(file);

/** 32 位 FNV-1a 的四路变体，32 个十六进制字符：只用来给缓存文件起名，V8 另行核对缓存与源码是否相符。 */
function cacheKey(text) {
  const h = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b];
  const primes = [0x01000193, 0x01000197, 0x0100019d, 0x010001a9];
  for (let i = 0; i < text.length; i++) for (let k = 0; k < 4; k++) h[k] = Math.imul(h[k] ^ text.charCodeAt(i), primes[k]);
  return h.map((x) => (x >>> 0).toString(16).padStart(8, '0')).join('');
}

function cacheDir() {
  if (process.env.TIFA_NO_CODE_CACHE) return null;
  try {
    // 与 @tifa/core 的缓存目录同一处（node/cache-dir.ts）：$TIFA_CACHE_DIR，Windows 的 %LOCALAPPDATA%\tifa，其余 $XDG_CACHE_HOME/tifa 或 ~/.cache/tifa
    const env = process.env;
    const xdg = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
    const dir = env.TIFA_CACHE_DIR
      ? path.resolve(env.TIFA_CACHE_DIR)
      : process.platform === 'win32' && env.LOCALAPPDATA
        ? path.join(env.LOCALAPPDATA, 'tifa')
        : path.join(xdg ?? path.join(os.homedir(), '.cache'), 'tifa');
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory()) return null;
    // POSIX：目录要属于自己、别人无权写；Windows 没有这些权限位（%LOCALAPPDATA% 本身只属于这个用户）
    if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o077) !== 0)) return null;
    return dir;
  } catch {
    return null;
  }
}

const dir = cacheDir();
// 键：Node 版本、架构、V8 选项与主程序的大小、修改时间、inode（不载入 crypto、不对 2 MB 源码算哈希：两者合计约 8 ms）
const key = cacheKey(`${file}\0${process.version}\0${process.arch}\0${process.execArgv.join(' ')}\0${stamp.size}\0${stamp.mtimeMs}\0${stamp.ino}`);
const cacheFile = dir ? path.join(dir, `${name}-${key}.v8cache`) : null;
let cachedData;
if (cacheFile) {
  try {
    const st = fs.lstatSync(cacheFile);
    if (st.isFile() && (typeof process.getuid !== 'function' || st.uid === process.getuid())) cachedData = fs.readFileSync(cacheFile);
  } catch {
    /* 没有缓存：照常编译 */
  }
}

const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
const script = new vm.Script(wrapped, { filename: file, cachedData });
if (cacheFile && (!cachedData || script.cachedDataRejected)) {
  // 运行一阵再生成：此时已运行过的函数都已编译，一并进入缓存。命令行在退出时写；
  // 长驻的语言服务器可能被直接结束而收不到 exit，启动 10 秒后先写一次（打开文档、第一次检查用到的函数已编译）。
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    try {
      const tmp = `${cacheFile}.${process.pid}.tmp`;
      fs.writeFileSync(tmp, script.createCachedData(), { mode: 0o600 });
      fs.renameSync(tmp, cacheFile);
    } catch {
      /* 写不了缓存不影响结果 */
    }
  };
  process.once('exit', write);
  setTimeout(write, 10_000).unref();
}
const mod = { exports: {}, filename: file, id: file, loaded: false };
script.runInThisContext()(mod.exports, createRequire(file), mod, file, __dirname);
module.exports = mod.exports;
