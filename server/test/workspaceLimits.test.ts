// tifa.lintWorkspace 的上限与取消：超大文件先看大小再决定（不读进来），跳过的文件计数并列出；
// $/cancelRequest 与进度条上的取消都能中途停下。
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CancellationTokenSource, ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, createWorkspace, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';

type Result = { files: number; problems: number; cancelled: boolean; skipped: number; skippedFiles: { file: string; reason: string }[] };

describe('超大文件', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    ws.write('a.md', `成立${OUTDATED}。\n`);
    // 600 MB 的稀疏文件：不占磁盘，读进来却要 600 MB 内存
    fs.writeFileSync(ws.file('huge.md'), '');
    fs.truncateSync(ws.file('huge.md'), 600 * 1024 * 1024);
    client = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws.dir], settings: () => ({ dictionaries: [DICTIONARY_SETTING], debounceMs: 0 }) });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('600 MB 的 .md 不读进来，计入 skipped 并说明原因', async () => {
    await client.executeCommand('tifa.glossaryInfo');
    const before = client.rssKb();
    const started = Date.now();
    const result = await client.executeCommand<Result>('tifa.lintWorkspace');
    expect(result).toMatchObject({ files: 1, problems: 1, skipped: 1, cancelled: false });
    expect(result.skippedFiles).toEqual([{ file: ws.file('huge.md'), reason: expect.stringMatching(/超过上限/) }]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(client.rssKb() - before).toBeLessThan(100 * 1024);
    await expect.poll(() => client.logs.some((l) => l.message.includes('跳过') && l.message.includes('huge.md'))).toBe(true);
  }, 60_000);
});

describe('取消', () => {
  let ws: Workspace;
  let client: TestClient;
  const COUNT = 3000;
  beforeAll(async () => {
    ws = createWorkspace();
    const text = `# 标题\n\n本校成立${OUTDATED}，开展实训。\n\n`.repeat(20);
    for (let i = 0; i < COUNT; i++) ws.write(`docs/d${String(i).padStart(4, '0')}.md`, text);
    client = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws.dir], settings: () => ({ dictionaries: [DICTIONARY_SETTING], debounceMs: 0 }) });
    await client.executeCommand('tifa.glossaryInfo');
  }, 60_000);
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('$/cancelRequest：很快回 RequestCancelled，之后服务器照常回答', async () => {
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'tifa.lintWorkspace', arguments: [], workDoneToken: 'cancel-me' }, source.token);
    await expect.poll(() => client.progress.filter((p) => p.token === 'cancel-me').length, { timeout: 20_000, interval: 10 }).toBeGreaterThan(3);
    const cancelledAt = Date.now();
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: -32800 });
    expect(Date.now() - cancelledAt).toBeLessThan(2000);
    const published = new Set(client.published.map((p) => p.uri)).size;
    expect(published).toBeLessThan(COUNT);
    expect(await client.executeCommand('tifa.glossaryInfo')).toHaveProperty('entries');
  }, 60_000);

  it('进度条上的取消（window/workDoneProgress/cancel）：结果标明已取消，只检查了一部分', async () => {
    const before = client.progressTokens.length;
    const pending = client.executeCommand<Result>('tifa.lintWorkspace');
    await expect.poll(() => client.progressTokens.length, { timeout: 20_000, interval: 10 }).toBe(before + 1);
    const token = client.progressTokens[before];
    await expect.poll(() => client.progress.filter((p) => p.token === token).length, { timeout: 20_000, interval: 10 }).toBeGreaterThan(3);
    await client.connection.sendNotification('window/workDoneProgress/cancel', { token });
    const result = await pending;
    expect(result.cancelled).toBe(true);
    expect(result.files).toBeLessThan(COUNT);
  }, 60_000);
});
