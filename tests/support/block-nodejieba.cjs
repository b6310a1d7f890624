// 用 NODE_OPTIONS="--require …/block-nodejieba.cjs" 预加载：让 require('nodejieba') 像没装一样失败，
// 模拟装不上原生模块的机器（Windows/macOS 无编译器、VS Code 扩展）。
'use strict';
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'nodejieba' || request.startsWith('nodejieba/')) {
    const err = new Error(`Cannot find module '${request}'（已被测试屏蔽）`);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  return resolve.call(this, request, ...rest);
};
