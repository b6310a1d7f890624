// 按作用域缓存的设置有上限：命令可以带任意多个不同的作用域 URI 来，缓存（和内存）不能跟着无限增长。
import { describe, expect, it } from 'vitest';
import { VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, createWorkspace } from './support/workspace';

describe('设置缓存', () => {
  it('2 万个不同的作用域 URI：最早的作用域已被淘汰（再用时重新取设置），内存不随之增长', async () => {
    const ws = createWorkspace();
    const client = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws.dir], settings: () => ({ dictionaries: [DICTIONARY_SETTING], debounceMs: 0 }) });
    try {
      const scope = (i: number) => ws.uri(`scopes/doc-${i}.md`);
      const run = async (from: number, to: number) => {
        for (let i = from; i < to; i += 500) {
          const batch = [];
          for (let k = i; k < Math.min(to, i + 500); k++) batch.push(client.executeCommand('tifa.glossaryInfo', [scope(k)]));
          await Promise.all(batch);
        }
      };
      await run(0, 1000);
      const before = client.rssKb();
      await run(1000, 20_000);
      const grown = client.rssKb() - before;
      // RSS 受 GC 时机影响大，只作宽松的上限；确定的检查是下面的淘汰。
      expect(grown).toBeLessThan(100 * 1024);
      const asked = client.configurationRequests.filter((s) => s === scope(0)).length;
      await client.executeCommand('tifa.glossaryInfo', [scope(0)]);
      expect(client.configurationRequests.filter((s) => s === scope(0)).length).toBe(asked + 1);
    } finally {
      await client.stop();
      ws.cleanup();
    }
  }, 180_000);
});
