#!/usr/bin/env node
// tifa 命令行（npm 包 tifa）：dist/tifa.js 是 esbuild 打好的完整程序，不依赖别的包。
'use strict';
require('../dist/tifa.js');
