#!/usr/bin/env node
// tifa 命令行的入口垫片：加载 esbuild 打好的 dist/tifa.js。
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const bundle = path.join(__dirname, '..', 'dist', 'tifa.js');
if (!fs.existsSync(bundle)) {
  process.stderr.write('tifa：找不到 ' + bundle + '\n请先运行 npm run build（在仓库根目录）生成命令行程序。\n');
  process.exit(2);
}
require(bundle);
