import { defineConfig } from 'vitest/config';

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
    testTimeout: 30000,
    hookTimeout: 60000,
  },
});
