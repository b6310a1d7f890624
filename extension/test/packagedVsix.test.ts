// 打包出的 .vsix：解开后按客户端的方式启动其中的语言服务器，经真实连接拿到诊断；
// 通用包（不含原生模块）的分词结果与本进程里的 nodejieba 相同；去掉 jieba 词典数据的布局降级但能工作。打包每次测试只做一次（beforeAll）。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lint, type Finding, type Glossary } from '@tifa/core';
import { createJiebaSegmenter, loadGlossary } from '@tifa/core/node';
import { COMMAND_IDS } from '../src/commandIds';
import { toGlossaryPickItems } from '../src/glossaryItems';
import { FIX_ALL_KIND, SERVER_COMMANDS, asExplanation, asGlossaryInfo, asSearchResults } from '../src/serverProtocol';
import { contributedSettingKeys, toServerSettings } from '../src/settings';
import { EXTENSION_DIR, tEnglish } from './helpers/l10n';
import { startPackagedServer, type PackagedServer } from './helpers/packagedServer';

const REPO = path.resolve(EXTENSION_DIR, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'package.json'), 'utf8')) as {
  version: string;
  contributes: { configuration: { properties: Record<string, { default?: unknown }> } };
};

let tmp: string;
let entries: Record<string, Uint8Array>;
let vsixManifest: string;
/** 打包时仓库里的默认词典（别人可能正在添加词典文件，所以和打包同时取）。 */
let sourceDictionaries: string[];
const layouts = { full: '', noData: '' };

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-vsix-'));
  const vsix = path.join(tmp, `tifa-${manifest.version}.vsix`);
  sourceDictionaries = yamlFiles(path.join(REPO, 'dictionaries'));
  execFileSync(process.execPath, [path.join(EXTENSION_DIR, 'scripts', 'package.mjs'), '--out', vsix], { cwd: EXTENSION_DIR, stdio: 'pipe' });
  entries = unzipSync(fs.readFileSync(vsix));
  vsixManifest = Buffer.from(entries['extension.vsixmanifest']).toString('utf8');
  layouts.full = unpack(path.join(tmp, 'full'));
  layouts.noData = unpack(path.join(tmp, 'no-data'));
  fs.rmSync(path.join(layouts.noData, 'dist', 'jieba'), { recursive: true });
}, 240_000);

afterAll(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** 解开到 dir/，返回扩展根目录（vsix 里的 extension/）。 */
function unpack(dir: string): string {
  for (const [name, data] of Object.entries(entries)) {
    if (name.endsWith('/')) continue;
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data);
  }
  return path.join(dir, 'extension');
}

const names = () => Object.keys(entries).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));

function yamlFiles(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return yamlFiles(file, base);
    return /\.ya?ml$/.test(entry.name) ? [path.relative(base, file).split(path.sep).join('/')] : [];
  });
}

/** 打包文件里 require 的非内置模块。 */
function externalRequires(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
  // 跳过字符串里的 require（ajv 生成代码的模板）：前面紧挨引号的不算。
  const found = new Set([...text.matchAll(/(?<![`'"])\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]));
  return [...found].filter((name) => !builtins.has(name)).sort();
}

describe('the .vsix contents', () => {
  it('ships the bundles, manifest, localization, every default dictionary and the jieba data — nothing native, nothing else', () => {
    const files = names();
    for (const needed of [
      'package.json',
      'package.nls.json',
      'package.nls.zh-cn.json',
      'l10n/bundle.l10n.zh-cn.json',
      'dist/extension.js',
      'dist/server.js',
      'dist/server-main.js',
      'dist/dictionaries/schema.json',
      'dist/jieba/jieba.dict.utf8',
      'dist/jieba/hmm_model.utf8',
      'dist/jieba/LICENSE.cppjieba',
      // 随包的预编译快照：更新后缓存还是空的第一次启动不必解析全部词典
      'dist/dictionaries/.compiled/glossary.bin',
      'dist/dictionaries/.compiled/jieba-lite.trie',
    ]) {
      expect(files, needed).toContain(needed);
    }
    expect(sourceDictionaries.length).toBeGreaterThan(0);
    for (const yaml of sourceDictionaries) expect(files).toContain(`dist/dictionaries/${yaml}`);
    const unexpected = files.filter(
      (f) =>
        f.endsWith('.map') ||
        f.endsWith('.ts') ||
        /^(src|test|scripts)\//.test(f) ||
        /(^|\/)(build\.config\.mjs|\.vscodeignore|tsconfig\.json)$/.test(f) ||
        f.endsWith('.node') ||
        f.endsWith('idf.utf8') || // 服务器不做关键词提取
        f.includes('node_modules/'),
    );
    expect(unexpected).toEqual([]);
  });

  it('is one universal package (no TargetPlatform): the same file installs on win32, darwin and linux', () => {
    expect(vsixManifest).not.toMatch(/TargetPlatform=/);
  });

  it('bundles everything except the host-provided vscode (nodejieba only if the user happens to have it)', () => {
    expect(externalRequires(path.join(layouts.full, 'dist', 'extension.js'))).toEqual(['vscode']);
    // 核心经变量 require('nodejieba')，正则看不到；包里没有它，服务器用 TypeScript 分词器（下面的测试证明判断相同）。
    expect(externalRequires(path.join(layouts.full, 'dist', 'server-main.js')).filter((name) => name !== 'nodejieba')).toEqual([]);
    // 启动器只用 Node 自带的模块
    expect(externalRequires(path.join(layouts.full, 'dist', 'server.js'))).toEqual([]);
  });
});

/** VS Code 的 workspace.getConfiguration('tifa')：清单里的缺省值，按点号嵌套（trace.server → {trace: {server}}）。 */
function vscodeStyleSettings(): Record<string, unknown> {
  const settings: Record<string, unknown> = {};
  for (const key of contributedSettingKeys(manifest)) {
    const parts = key.split('.').slice(1);
    let target = settings;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = structuredClone(manifest.contributes.configuration.properties[key].default);
  }
  return settings;
}

/** 取若干词条自带的 examples.flag 拼成样例文档（不写死具体词条，词表变了也成立）。 */
function sampleDocument(glossary: Glossary): string {
  const sentences: string[] = [];
  const preferred = [...glossary.entries].sort((a, b) => Number(b.status === 'outdated') - Number(a.status === 'outdated'));
  for (const entry of preferred) {
    const example = entry.examples?.flag?.find((e): e is string => typeof e === 'string');
    if (example && !sentences.includes(example)) sentences.push(example);
    if (sentences.length >= 6) break;
  }
  return `# 样例\n\n${sentences.join('\n\n')}\n`;
}

const key = (ruleId: unknown, termId: unknown) => `${String(ruleId)}:${String(termId)}`;

async function checkLayout(extensionRoot: string, withSegmenter: boolean) {
  const workspace = fs.mkdtempSync(path.join(tmp, 'ws-'));
  const { glossary } = loadGlossary({ builtinDir: path.join(extensionRoot, 'dist', 'dictionaries') });
  const text = sampleDocument(glossary);
  const file = path.join(workspace, '样例.md');
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).href;
  const segmenter = withSegmenter ? createJiebaSegmenter(glossary) : null;
  const expected: Finding[] = lint(text, glossary, { language: 'markdown', segmenter });
  expect(expected.length).toBeGreaterThan(0);

  const server: PackagedServer = await startPackagedServer({
    serverModule: path.join(extensionRoot, 'dist', 'server.js'),
    workspaceFolder: workspace,
    settings: () => toServerSettings(vscodeStyleSettings(), { folder: workspace, home: os.homedir() }),
  });
  try {
    const { capabilities } = server.initializeResult;
    // 客户端依赖的约定：这些命令与 source.fixAll.tifa 由服务器提供。
    expect(capabilities.executeCommandProvider?.commands).toEqual(expect.arrayContaining(Object.values(SERVER_COMMANDS)));
    const kinds = typeof capabilities.codeActionProvider === 'object' ? capabilities.codeActionProvider.codeActionKinds : [];
    expect(kinds).toContain(FIX_ALL_KIND);

    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as {
      kind: string;
      items: { source?: string; code?: unknown; data?: { termId?: string; fixes?: { safe: boolean }[] } }[];
    };
    expect(report.kind).toBe('full');
    const tifaItems = report.items.filter((d) => d.source === 'tifa');
    expect(tifaItems.map((d) => key(d.code, d.data?.termId)).sort()).toEqual(expected.map((f) => key(f.ruleId, f.termId)).sort());

    const info = asGlossaryInfo(await server.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.glossaryInfo, arguments: [uri] }));
    expect(info).toMatchObject({ version: glossary.version, entries: glossary.entries.length, segmenter: withSegmenter });

    const target = glossary.byId(expected[0].termId)!;
    const search = asSearchResults(
      await server.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.searchGlossary, arguments: [target.term, uri] }),
    );
    const items = toGlossaryPickItems(search, tEnglish);
    expect(items.map((item) => item.id)).toContain(target.id);
    expect(items.find((item) => item.id === target.id)?.term).toBe(target.term);

    const explanation = asExplanation(await server.connection.sendRequest('workspace/executeCommand', { command: SERVER_COMMANDS.explain, arguments: [target.id, uri] }));
    expect(explanation?.id).toBe(target.id);
    expect(explanation?.markdown).toContain(target.term);

    if (tifaItems.some((d) => d.data?.fixes?.some((fix) => fix.safe))) {
      const lines = text.split('\n');
      const actions = (await server.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } },
        context: { diagnostics: [], only: [FIX_ALL_KIND], triggerKind: 1 },
      })) as { kind?: string; edit?: unknown }[];
      expect(actions.map((a) => a.kind)).toContain(FIX_ALL_KIND);
    }

    // 客户端映射过的设置（去掉 tifa.trace.server）服务器照单全收。
    expect(server.logs.filter((line) => line.includes('不认识的设置'))).toEqual([]);
    return server;
  } finally {
    const code = await server.close();
    expect(code).toBe(0);
  }
}

describe('the language server inside the unpacked .vsix', () => {
  it('starts over IPC as the client starts it and reports the same diagnostics as nodejieba-backed lint in this process', async () => {
    const server = await checkLayout(layouts.full, true);
    expect(server.shownMessages.filter((m) => m.message.includes('nodejieba'))).toEqual([]);
    expect(server.stderr.join('')).not.toMatch(/Error/);
  }, 60_000);

  it('still starts and works without the jieba data folder, with a one-time notice', async () => {
    const server = await checkLayout(layouts.noData, false);
    const notices = server.shownMessages.filter((m) => m.message.includes('nodejieba'));
    expect(notices).toHaveLength(1);
    expect(notices[0].type).toBe(2); // Warning
  }, 60_000);
});

/** 本进程派生的、运行 server.js 的子进程（POSIX ps；僵尸进程的命令行不再含路径，不算）。 */
function serverProcesses(serverModule: string): number[] {
  const out = execFileSync('ps', ['-A', '-o', 'pid=,ppid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) === process.pid && m[3].includes(serverModule))
    .map((m) => Number(m[1]));
}

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`等待超时：${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

interface StubState {
  commands: Map<string, (...args: unknown[]) => unknown>;
  messages: { kind: string; text: string }[];
  outputLines: string[];
  statusItems: { id: string; text: string; tooltip: string; command?: string }[];
  workspaceFolders: unknown;
}

// 真实 VS Code 无法在这里下载运行：用 'vscode' 替身（helpers/vscodeStub.cjs）加载打包好的 dist/extension.js，
// 让真实的 vscode-languageclient 经 IPC 启动真实的服务器。
describe.skipIf(process.platform === 'win32')('the packaged extension activated in a stub extension host', () => {
  let extension: { activate(context: unknown): Promise<void>; deactivate(): Promise<void> };
  let stub: { __test: StubState; Uri: { file(p: string): unknown } };
  let serverModule: string;

  beforeAll(() => {
    const root = path.dirname(layouts.noData); // 用不带分词数据的布局：重启快
    fs.mkdirSync(path.join(root, 'node_modules', 'vscode'), { recursive: true });
    fs.copyFileSync(path.join(__dirname, 'helpers', 'vscodeStub.cjs'), path.join(root, 'node_modules', 'vscode', 'index.js'));
    const requireFromDist = createRequire(path.join(layouts.noData, 'dist', 'extension.js'));
    stub = requireFromDist('vscode');
    extension = requireFromDist('./extension.js');
    serverModule = path.join(layouts.noData, 'dist', 'server.js');
    const workspace = fs.mkdtempSync(path.join(tmp, 'ws-host-'));
    stub.__test.workspaceFolders = [{ uri: stub.Uri.file(workspace), name: 'ws', index: 0 }];
  });

  afterAll(async () => {
    await extension?.deactivate();
  });

  it('activates, starts the server, registers its own commands once and the server’s remaining ones', async () => {
    const context = {
      subscriptions: [] as { dispose(): void }[],
      extensionPath: layouts.noData,
      asAbsolutePath: (relative: string) => path.join(layouts.noData, relative),
      extension: { packageJSON: JSON.parse(fs.readFileSync(path.join(layouts.noData, 'package.json'), 'utf8')) },
    };
    await extension.activate(context);
    const state = stub.__test;
    expect(serverProcesses(serverModule)).toHaveLength(1);
    const ids = [...state.commands.keys()];
    expect(ids).toEqual(expect.arrayContaining([...COMMAND_IDS]));
    // tifa.lintWorkspace 由扩展注册（ClientOwnedCommandsFeature 拦下了客户端库的重复注册），其余服务器命令由客户端库注册。
    const serverOnly = Object.values(SERVER_COMMANDS).filter((id) => !(COMMAND_IDS as readonly string[]).includes(id));
    expect(ids).toEqual(expect.arrayContaining(serverOnly));
    expect(state.messages.filter((m) => m.kind === 'error')).toEqual([]);
    expect(state.outputLines.join('\n')).not.toMatch(/already exists/);

    const info = asGlossaryInfo(await state.commands.get(SERVER_COMMANDS.glossaryInfo)!());
    expect(info?.segmenter).toBe(false);
    // 状态栏：启动后取词表版本显示出来。
    const item = state.statusItems.find((i) => i.id === 'tifa.status')!;
    await waitFor('状态栏显示词表版本', () => item.text.includes(info!.version));
    expect(item.command).toBe('workbench.actions.view.problems');
  }, 60_000);

  it('restarts on command without duplicate registrations', async () => {
    const state = stub.__test;
    const before = serverProcesses(serverModule);
    await state.commands.get('tifa.restartServer')!();
    const after = serverProcesses(serverModule);
    expect(after).toHaveLength(1);
    expect(after).not.toEqual(before);
    expect(asGlossaryInfo(await state.commands.get(SERVER_COMMANDS.glossaryInfo)!())?.entries).toBeGreaterThan(0);
    expect(state.messages.filter((m) => m.kind === 'error')).toEqual([]);
  }, 60_000);

  it('restarts a crashed server, and gives up with a notice after repeated crashes', async () => {
    const state = stub.__test;
    const killed: number[] = [];
    // 每次杀掉新起来的服务器进程：前 4 次自动重启，第 5 次放弃并提示。
    for (let crash = 1; crash <= 5; crash++) {
      const pid = await waitFor(`第 ${crash} 个服务器进程`, () => serverProcesses(serverModule).find((p) => !killed.includes(p)));
      killed.push(pid);
      process.kill(pid, 'SIGKILL');
    }
    const notice = await waitFor('崩溃通知', () => state.messages.find((m) => m.kind === 'error' && m.text.includes('5 times')));
    expect(notice.text).toContain('will not be restarted');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(serverProcesses(serverModule)).toEqual([]);
    const item = state.statusItems.find((i) => i.id === 'tifa.status')!;
    await waitFor('状态栏显示已停止', () => item.text === '$(error) tifa');
    expect(item.command).toBe('tifa.showLog');

    // 手动重启后恢复。
    await state.commands.get('tifa.restartServer')!();
    expect(serverProcesses(serverModule)).toHaveLength(1);
    expect(asGlossaryInfo(await state.commands.get(SERVER_COMMANDS.glossaryInfo)!())).toBeDefined();
  }, 90_000);

  it('stops the server on deactivate', async () => {
    await extension.deactivate();
    await waitFor('服务器进程退出', () => serverProcesses(serverModule).length === 0, 10_000);
  }, 30_000);
});
