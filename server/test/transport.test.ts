// 传输方式与降级：--node-ipc、bin 垫片、--version；原生分词模块加载不到时仍能工作并只提示一次。
import { execFileSync, fork, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createProtocolConnection,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  InitializeRequest,
  InitializedNotification,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  ShutdownRequest,
  ExitNotification,
} from 'vscode-languageserver-protocol/node';
import { MINIMAL_CAPABILITIES } from './support/capabilities';
import { ROOT, SERVER_BUNDLE, ensureServerBuilt } from './support/ensureBuilt';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, createWorkspace, rangeOf, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';

beforeAll(ensureServerBuilt);

describe('传输方式', () => {
  it('--node-ipc：initialize 与诊断推送', async () => {
    const ws = createWorkspace();
    const child = fork(SERVER_BUNDLE, ['--node-ipc'], { silent: true });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const published: PublishDiagnosticsParams[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      published.push(p);
    });
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: pathToFileURL(ws.dir).href,
        workspaceFolders: [{ uri: pathToFileURL(ws.dir).href, name: 'ws' }],
        capabilities: MINIMAL_CAPABILITIES,
        initializationOptions: { tifa: { dictionaries: [DICTIONARY_SETTING] } },
      });
      expect(result.serverInfo?.name).toBe('tifa-language-server');
      await connection.sendNotification(InitializedNotification.type, {});
      const uri = ws.uri('ipc.md');
      const text = `成立${OUTDATED}。`;
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
      await expect.poll(() => published.find((p) => p.uri === uri)?.diagnostics.map((d) => d.range), { timeout: 20_000 }).toEqual([rangeOf(text, OUTDATED)]);
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } finally {
      connection.dispose();
      child.kill();
      ws.cleanup();
    }
  });

  it('bin 垫片可执行：--version 与无参数时的用法说明', () => {
    const bin = path.join(ROOT, 'server/bin/tifa-language-server.js');
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' })).toMatch(/^tifa-language-server \d+\.\d+\.\d+/);
    const usage = spawnSync(process.execPath, [bin], { encoding: 'utf8' });
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--stdio');
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
  });
});

describe('启动器的 V8 代码缓存', () => {
  it('第一次运行在退出时写下 server-*.v8cache，下一次运行读它、不再重写', async () => {
    const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-v8cache-'));
    fs.chmodSync(cacheDir, 0o700);
    const run = async () => {
      const client = await TestClient.start({ capabilities: MINIMAL_CAPABILITIES, workspaceFolders: [], env: { TIFA_CACHE_DIR: cacheDir } });
      await client.stop();
    };
    const caches = () => fs.readdirSync(cacheDir).filter((n) => /^server-[0-9a-f]+\.v8cache$/.test(n));
    try {
      await run();
      expect(caches()).toHaveLength(1);
      const file = path.join(cacheDir, caches()[0]!);
      const written = fs.statSync(file).mtimeMs;
      await run();
      expect(caches()).toHaveLength(1);
      expect(fs.statSync(file).mtimeMs).toBe(written);
    } finally {
      fs.rmSync(cacheDir, { recursive: true, force: true });
    }
  });
});

describe('没有原生分词模块（打包产物复制到仓库外）', () => {
  let ws: Workspace;
  let client: TestClient;
  let outside: string;

  beforeAll(async () => {
    ws = createWorkspace();
    outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-nojieba-'));
    // 启动器 server.js 与它载入的 server-main.js
    for (const name of ['server.js', 'server-main.js']) fs.copyFileSync(path.join(path.dirname(SERVER_BUNDLE), name), path.join(outside, name));
    // 延迟加载的第三方包（YAML、拼音等）随 bundle 一起发布在 vendor/ 里
    fs.cpSync(path.join(path.dirname(SERVER_BUNDLE), 'vendor'), path.join(outside, 'vendor'), { recursive: true });
    client = await TestClient.start({
      capabilities: MINIMAL_CAPABILITIES,
      workspaceFolders: [ws.dir],
      initializationOptions: { tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 0 } },
      serverPath: path.join(outside, 'server.js'),
      env: { TIFA_DICTIONARIES: path.join(ROOT, 'dictionaries'), NODE_PATH: '' },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('照常检查，只发一次中文提示，glossaryInfo 报告分词器不可用', async () => {
    const a = ws.uri('a.md');
    const b = ws.uri('b.md');
    await client.open(a, `成立${OUTDATED}。`);
    await client.open(b, `又成立${OUTDATED}。`);
    expect((await client.diagnosticsFor(a, 1, 20_000)).diagnostics).toHaveLength(1);
    expect((await client.diagnosticsFor(b, 1, 20_000)).diagnostics).toHaveLength(1);
    await client.changeConfiguration({ tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 0, asOf: '2026-01-01' } });
    await client.waitForDiagnostics(a);
    const notices = client.messages.filter((m) => m.message.includes('分词'));
    expect(notices).toHaveLength(1);
    expect(notices[0].message).toMatch(/[\u4e00-\u9fff]/);
    const info = await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'tifa.glossaryInfo', arguments: [] });
    expect(info).toMatchObject({ segmenter: false });
  });
});
