// 词典文件监视与重载（坏词典报在 YAML 里、保留上一份好词表）、工作区检查命令、白名单、词表命令。
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CodeAction, type Diagnostic, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { MINIMAL_CAPABILITIES, VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, coreFindings, createWorkspace, positionOf, rangeOf, textInRange, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';
const CURRENT = '星火实训联盟';
const NEW_OUTDATED = '星火技能学社';

/** 在用户词典末尾加一个新的过时词条（重载后才会生效）。 */
function newEntry(): string {
  return [
    '',
    '  - id: xinghuo-jineng-xueshe',
    `    term: ${NEW_OUTDATED}`,
    '    definition: 测试用的过时词条：重载后才出现。',
    '    category: 测试词条',
    '    status: outdated',
    '    until: 2020-01-01',
    `    replacement: { terms: [${CURRENT}], id: xinghuo-shixun-lianmeng }`,
    '    confidence: high',
    '    sources:',
    '      - { title: 测试用文件, issuer: 测试机关, date: 2020-01-01, quote: 学社并入联盟 }',
    '',
  ].join('\n');
}

function lineOf(text: string, needle: string): number {
  return positionOf(text, needle).line;
}

describe.each([
  ['VS Code 式客户端（didChangeWatchedFiles 动态注册）', VSCODE_CAPABILITIES],
  ['最小客户端（服务器自己 fs.watch）', MINIMAL_CAPABILITIES],
])('词典重载：%s', (_name, capabilities) => {
  let ws: Workspace;
  let client: TestClient;
  const pull = capabilities === VSCODE_CAPABILITIES;

  beforeAll(async () => {
    ws = createWorkspace();
    const settings = { dictionaries: [DICTIONARY_SETTING], debounceMs: 0 };
    client = await TestClient.start({
      capabilities,
      workspaceFolders: [ws.dir],
      settings: () => settings,
      initializationOptions: { tifa: settings },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  /** 取某文档当前的诊断：拉取客户端直接拉，推送客户端等满足条件的发布。 */
  async function diagnosticsUntil(uri: string, ok: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    if (!pull) return (await client.waitForDiagnostics(uri, (p) => ok(p.diagnostics))).diagnostics;
    let items: Diagnostic[] = [];
    await expect
      .poll(async () => {
        items = ((await client.pull(uri)) as FullDocumentDiagnosticReport).items;
        return ok(items);
      }, { timeout: 10_000, interval: 50 })
      .toBe(true);
    return items;
  }

  async function touch(file: string, text: string): Promise<void> {
    fs.writeFileSync(file, text);
    if (pull) await client.filesChanged([{ uri: ws.uri(DICTIONARY_SETTING), type: 2 }]);
  }

  it('坏词典：问题报在 YAML 文件的对应行，继续用上一份好词表；修好后新词条生效、YAML 里的问题清除', async () => {
    const uri = ws.uri('doc.md');
    const text = `成立${OUTDATED}，又并入${NEW_OUTDATED}。\n`;
    await client.open(uri, text);
    const first = await diagnosticsUntil(uri, (d) => d.length > 0);
    expect(first.map((d) => textInRange(text, d.range))).toEqual([OUTDATED]);
    if (pull) {
      // 动态注册的监视：相对模式（baseUri + 文件名）指向用户词典
      const watched = () =>
        client.registrations
          .filter((r) => r.method === 'workspace/didChangeWatchedFiles')
          .flatMap((r) => (r.registerOptions as { watchers: { globPattern: { baseUri: string; pattern: string } }[] }).watchers)
          .map((w) => `${w.globPattern.baseUri}/${w.globPattern.pattern}`);
      await expect.poll(watched).toContain(ws.uri(DICTIONARY_SETTING));
    }

    const good = fs.readFileSync(ws.dictionary, 'utf8');
    // 改坏：新词条写进来了，但旧词条的 status 写错
    const broken = (good + newEntry()).replace('    status: outdated\n    until: 2020-01-01\n    replacement:\n      terms: [星火实训联盟]', '    status: obsolete\n    until: 2020-01-01\n    replacement:\n      terms: [星火实训联盟]');
    expect(broken).toContain('status: obsolete');
    const yamlUri = ws.uri(DICTIONARY_SETTING);
    // 等到报在那一行的诊断：fs.watch 可能在写入途中（文件刚被截断）就触发一次重载，先发一份针对半截文件的诊断
    const problems = client.waitForDiagnostics(yamlUri, (p) => p.diagnostics.some((d) => d.range.start.line === lineOf(broken, 'status: obsolete')));
    await touch(ws.dictionary, broken);
    const yamlDiagnostics = (await problems).diagnostics;
    expect(yamlDiagnostics.some((d) => d.range.start.line === lineOf(broken, 'status: obsolete'))).toBe(true);
    expect(yamlDiagnostics.every((d) => d.source === 'tifa')).toBe(true);
    // 上一份好词表仍在用：旧词照报，新词不报
    const stillOld = pull ? ((await client.pull(uri)) as FullDocumentDiagnosticReport).items : client.latest.get(uri)!.diagnostics;
    expect(stillOld.map((d) => textInRange(text, d.range))).toEqual([OUTDATED]);
    const info = await client.executeCommand<{ problems: number; entries: number }>('tifa.glossaryInfo');
    expect(info.problems).toBeGreaterThan(0);

    // 修好：YAML 的问题清空，新词条生效
    const cleared = client.waitForDiagnostics(yamlUri, (p) => p.diagnostics.length === 0);
    await touch(ws.dictionary, good + newEntry());
    await cleared;
    const after = await diagnosticsUntil(uri, (d) => d.length === 2);
    expect(after.map((d) => textInRange(text, d.range))).toEqual([OUTDATED, NEW_OUTDATED]);
    fs.writeFileSync(ws.dictionary, good);
  });

  it('YAML 语法错误也报在出错的行', async () => {
    const good = fs.readFileSync(ws.dictionary, 'utf8');
    const broken = good.replace('    definition: 测试用的过时词条：星火实训联盟的旧称。', '    definition: [没有闭合的方括号');
    const yamlUri = ws.uri(DICTIONARY_SETTING);
    const line = lineOf(broken, '[没有闭合的方括号');
    // 同上：半截文件的诊断可能先到，等报在出错行附近的那一份
    const problems = client.waitForDiagnostics(yamlUri, (p) => p.diagnostics.some((d) => Math.abs(d.range.start.line - line) <= 1));
    await touch(ws.dictionary, broken);
    const diagnostics = (await problems).diagnostics;
    expect(diagnostics.some((d) => Math.abs(d.range.start.line - line) <= 1)).toBe(true);
    const cleared = client.waitForDiagnostics(yamlUri, (p) => p.diagnostics.length === 0);
    await touch(ws.dictionary, good);
    await cleared;
  });
});

describe('命令', () => {
  let ws: Workspace;
  let client: TestClient;

  beforeAll(async () => {
    ws = createWorkspace();
    ws.write('docs/a.md', `# 甲\n\n本校成立${OUTDATED}。\n`);
    ws.write('docs/sub/b.markdown', `乙：${OUTDATED}和${OUTDATED}。\n`);
    ws.write('notes/c.txt', `丙：没有问题的${CURRENT}。\n`);
    ws.write('node_modules/pkg/README.md', `${OUTDATED}\n`);
    ws.write('.git/info.md', `${OUTDATED}\n`);
    ws.write('src/code.ts', `// ${OUTDATED}\n`);
    // GB18030 编码的纯文本：按 CLI 同样的规则识别编码
    fs.writeFileSync(ws.file('notes/gbk.txt'), iconv.encode(`丁：本校加入${OUTDATED}。\n`, 'gb18030'));
    client = await TestClient.start({
      capabilities: VSCODE_CAPABILITIES,
      workspaceFolders: [ws.dir],
      settings: () => ({ dictionaries: [DICTIONARY_SETTING], debounceMs: 0 }),
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('tifa.lintWorkspace 检查所有 .md/.markdown/.txt（跳过 node_modules、.git），逐个发布诊断并报告进度', async () => {
    const result = await client.executeCommand<{ files: number; problems: number; cancelled: boolean }>('tifa.lintWorkspace', [], 'lint-progress');
    expect(result).toMatchObject({ files: 4, problems: 4, cancelled: false });
    expect(client.latest.get(ws.uri('notes/gbk.txt'))!.diagnostics.map((d) => d.range)).toEqual([rangeOf(`丁：本校加入${OUTDATED}。\n`, OUTDATED)]);
    const a = client.latest.get(ws.uri('docs/a.md'))!;
    const aText = fs.readFileSync(ws.file('docs/a.md'), 'utf8');
    expect(a.diagnostics.map((d) => d.range)).toEqual([rangeOf(aText, OUTDATED)]);
    expect(client.latest.get(ws.uri('docs/sub/b.markdown'))!.diagnostics).toHaveLength(2);
    expect(client.latest.get(ws.uri('notes/c.txt'))!.diagnostics).toEqual([]);
    expect(client.latest.has(ws.uri('node_modules/pkg/README.md'))).toBe(false);
    expect(client.latest.has(ws.uri('.git/info.md'))).toBe(false);
    const kinds = client.progress.filter((p) => p.token === 'lint-progress').map((p) => (p.value as { kind: string }).kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds).toContain('report');
    expect(kinds[kinds.length - 1]).toBe('end');
  });

  it('没有 workDoneToken 时服务器自己创建进度', async () => {
    const before = client.progressTokens.length;
    await client.executeCommand('tifa.lintWorkspace');
    expect(client.progressTokens.length).toBe(before + 1);
    const token = client.progressTokens[client.progressTokens.length - 1];
    const kinds = client.progress.filter((p) => p.token === token).map((p) => (p.value as { kind: string }).kind);
    expect(kinds[0]).toBe('begin');
    expect(kinds[kinds.length - 1]).toBe('end');
  });

  it('tifa.searchGlossary：汉字与拼音都能搜到，带选择器需要的字段', async () => {
    const byHan = await client.executeCommand<{ id: string; term: string; category: string; status: string; definition: string; pinyin: string }[]>('tifa.searchGlossary', ['星火']);
    const item = byHan.find((i) => i.id === 'xinghuo-shixun-lianmeng');
    expect(item).toMatchObject({ term: CURRENT, category: '测试词条', status: 'current' });
    expect(item!.definition).toContain('协作组织');
    expect(item!.pinyin.replace(/\s/g, '')).toBe('xinghuoshixunlianmeng');
    const byPinyin = await client.executeCommand<{ id: string }[]>('tifa.searchGlossary', ['xhsx']);
    expect(byPinyin.map((i) => i.id)).toContain('xinghuo-shixun-lianmeng');
    const builtin = await client.executeCommand<{ term: string }[]>('tifa.searchGlossary', ['sgjh']);
    expect(builtin.map((i) => i.term)).toContain('双高计划');
  });

  it('tifa.explain 按 id 或写法给出 Markdown；不存在时为 null', async () => {
    const byId = await client.executeCommand<{ markdown: string; term: string }>('tifa.explain', ['xinghuo-shixun-xiehui']);
    expect(byId.term).toBe(OUTDATED);
    expect(byId.markdown).toContain(CURRENT);
    const byTerm = await client.executeCommand<{ id: string }>('tifa.explain', [CURRENT]);
    expect(byTerm.id).toBe('xinghuo-shixun-lianmeng');
    expect(await client.executeCommand('tifa.explain', ['没有这个词'])).toBeNull();
    expect(await client.executeCommand('tifa.explain', [])).toBeNull();
  });

  it('tifa.glossaryInfo：版本、条数、分词器', async () => {
    const info = await client.executeCommand<{ version: string; entries: number; segmenter: boolean; dictionaries: string[] }>('tifa.glossaryInfo');
    expect(info.version).toContain('语言服务器测试词典');
    expect(info.entries).toBeGreaterThan(3);
    expect(info.segmenter).toBe(true);
    expect(info.dictionaries).toEqual([ws.dictionary]);
  });

  it('忽略本词：代码操作的命令写入工作区白名单并重新检查', async () => {
    const uri = ws.uri('docs/a.md');
    const text = fs.readFileSync(ws.file('docs/a.md'), 'utf8');
    await client.open(uri, text);
    const [diagnostic] = ((await client.pull(uri)) as FullDocumentDiagnosticReport).items;
    const actions = (await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] })) as CodeAction[];
    const ignore = actions.find((a) => a.command?.command === 'tifa.ignoreTerm')!;
    const refreshes = client.refreshRequests;
    const result = await client.executeCommand<{ file: string; added: boolean }>(ignore.command!.command, ignore.command!.arguments);
    expect(result).toEqual({ file: ws.file('.tifa/allow.txt'), added: true });
    expect(fs.readFileSync(ws.file('.tifa/allow.txt'), 'utf8')).toMatch(/^xinghuo-shixun-xiehui\b/m);
    await expect.poll(() => client.refreshRequests).toBeGreaterThan(refreshes);
    expect(((await client.pull(uri)) as FullDocumentDiagnosticReport).items).toEqual([]);
    // 再加一次不重复写
    const again = await client.executeCommand<{ added: boolean }>(ignore.command!.command, ignore.command!.arguments);
    expect(again.added).toBe(false);
    // 手工删掉白名单里的这一行：文件变化后恢复报告
    fs.writeFileSync(ws.file('.tifa/allow.txt'), '# 空\n');
    await client.filesChanged([{ uri: ws.uri('.tifa/allow.txt'), type: 2 }]);
    await expect.poll(async () => ((await client.pull(uri)) as FullDocumentDiagnosticReport).items.length).toBe(1);
    expect(coreFindings(text, [ws.dictionary])).toHaveLength(1);
  });
});
