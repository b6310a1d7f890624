#!/usr/bin/env node
// tifa-language-server --stdio | --node-ipc | --socket=<port>
// 入口垫片：实际代码由根目录的 `npm run build` 打包到 ../dist/server.js。
'use strict';
require('../dist/server.js');
