import os from 'node:os';
import { defineConfig } from 'vitest/config';

// 每个核一个测试进程：vitest 默认少用一个核，2 核的 CI 上就只剩一个进程；而端到端测试大半时间在等子进程（CLI、服务器、npm），
// 两个进程并行时整套测试从约 230 s 降到约 180 s。
const cores = os.availableParallelism();

// 一个 vitest 进程跑所有工作区的测试：核心单测、词表自测、CLI/语言服务器/扩展的端到端测试。
export default defineConfig({
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'server/test/**/*.test.ts',
      'extension/test/**/*.test.ts',
      'tests/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', 'tests/bench/**'],
    maxWorkers: cores,
    minWorkers: Math.min(2, cores),
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
