#!/usr/bin/env node
// tifa-language-server --stdio | --node-ipc | --socket=<port>（npm 包 tifa）
'use strict';
require('../dist/server.js');
