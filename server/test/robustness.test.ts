// 健壮性：空文档、1 MB 文档、孤立代理项、增补平面汉字、快速连续修改、已关闭文档的请求、越界位置、畸形参数；内存不随编辑增长。
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CompletionList, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { MINIMAL_CAPABILITIES, VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, coreFindings, createWorkspace, positionOf, rangeOf, textInRange, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';
const CURRENT = '星火实训联盟';

let ws: Workspace;
let client: TestClient;

beforeAll(async () => {
  ws = createWorkspace();
  client = await TestClient.start({
    capabilities: MINIMAL_CAPABILITIES,
    workspaceFolders: [ws.dir],
    initializationOptions: { tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 10 } },
  });
});
afterAll(async () => {
  expect(client.alive).toBe(true);
  await client.stop();
  ws.cleanup();
});

/** 服务器仍然活着并正常应答。 */
async function stillServing(): Promise<void> {
  expect(client.alive).toBe(true);
  const uri = ws.uri('alive.md');
  if (!client.docs.has(uri)) await client.open(uri, `成立${OUTDATED}。`);
  const hover = await client.hover(uri, positionOf(client.docs.get(uri)!.getText(), OUTDATED, 0, 1));
  expect(hover).not.toBeNull();
}

describe('各种输入', () => {
  it('空文档', async () => {
    const uri = ws.uri('empty.md');
    await client.open(uri, '');
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toEqual([]);
    expect(await client.hover(uri, { line: 0, character: 0 })).toBeNull();
    expect(((await client.completion(uri, { line: 0, character: 0 })) as CompletionList).items).toEqual([]);
    expect(await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] })).toEqual([]);
  });

  it('孤立代理项与增补平面汉字：范围按 UTF-16 计算', async () => {
    const uri = ws.uri('surrogates.md');
    const text = `坏字\ud800符${OUTDATED}\udc00。\n𠀀𠀁${OUTDATED}尾\ud83d\n`;
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1);
    expect(diagnostics.map((d) => d.range)).toEqual([rangeOf(text, OUTDATED, 0), rangeOf(text, OUTDATED, 1)]);
    expect(diagnostics[1].range.start.character).toBe(4);
    const hover = await client.hover(uri, positionOf(text, OUTDATED, 1, 1));
    expect(hover?.range).toEqual(rangeOf(text, OUTDATED, 1));
    // 在代理对中间悬停、补全也不出错
    await client.hover(uri, { line: 1, character: 1 });
    await client.completion(uri, { line: 0, character: 3 });
  });

  it('1 MB 文档：诊断与核心一致，悬停与补全照常', async () => {
    const uri = ws.uri('big.md');
    const paragraph = `本段介绍学校的实训基地建设情况，并说明${OUTDATED}的组建过程与${CURRENT}的运行机制。\n\n`;
    let text = '# 大文档\n\n';
    while (text.length < 1_000_000) text += paragraph;
    await client.open(uri, text);
    const { diagnostics } = await client.diagnosticsFor(uri, 1, 60_000);
    expect(diagnostics.length).toBe(coreFindings(text, [ws.dictionary]).length);
    const last = diagnostics[diagnostics.length - 1];
    expect(textInRange(text, last.range)).toBe(OUTDATED);
    const lastLine = text.split('\n').length - 3;
    const hover = await client.hover(uri, positionOf(text, OUTDATED, Math.floor(diagnostics.length / 2), 1));
    expect(hover).not.toBeNull();
    expect(lastLine).toBeGreaterThan(1000);
    await client.close(uri);
  }, 120_000);

  it('越界与畸形的位置：不报错，按文档边界处理', async () => {
    const uri = ws.uri('bounds.md');
    const text = `成立${OUTDATED}。`;
    await client.open(uri, text);
    expect(await client.hover(uri, { line: 999, character: 999 })).toBeNull();
    expect(await client.hover(uri, { line: 0, character: 10_000 })).toBeNull();
    expect(await client.hover(uri, { line: -1, character: -5 })).toBeNull();
    expect(await client.hover(uri, { line: 0.5, character: 3.7 } as never)).not.toBeNull();
    const list = (await client.completion(uri, { line: 5, character: 0 })) as CompletionList;
    expect(Array.isArray(list.items)).toBe(true);
    const actions = await client.codeActions(uri, { start: { line: 50, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [] });
    expect(Array.isArray(actions)).toBe(true);
    // 越界的增量修改：按文档末尾处理，与客户端副本一致
    const next = await client.change(uri, [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 5 } }, text: `又见${OUTDATED}` }]);
    const published = await client.diagnosticsFor(uri, next.version);
    expect(published.diagnostics.map((d) => textInRange(next.getText(), d.range))).toEqual([OUTDATED, OUTDATED]);
  });

  it('已关闭与从未打开的文档：请求得到空结果', async () => {
    const uri = ws.uri('closed.md');
    await client.open(uri, `成立${OUTDATED}。`);
    await client.diagnosticsFor(uri, 1);
    await client.close(uri);
    const pos = { line: 0, character: 3 };
    expect(await client.hover(uri, pos)).toBeNull();
    expect(((await client.completion(uri, pos)) as CompletionList).items).toEqual([]);
    expect(await client.codeActions(uri, { start: pos, end: pos }, { diagnostics: [] })).toEqual([]);
    expect(await client.hover('untitled:Untitled-1', pos)).toBeNull();
    expect(await client.hover('not a uri', pos)).toBeNull();
  });

  it('畸形参数与未知命令：回退值，服务器不崩溃', async () => {
    const uri = ws.uri('alive.md');
    await client.open(uri, `成立${OUTDATED}。`);
    const raw = client.connection;
    // 缺少必需参数：InvalidParams（-32602），不是内部错误
    await expect(raw.sendRequest('textDocument/hover', { textDocument: { uri } })).rejects.toMatchObject({ code: -32602 });
    await expect(raw.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null })).rejects.toMatchObject({ code: -32602 });
    await expect(raw.sendRequest('textDocument/completion', {})).rejects.toMatchObject({ code: -32602 });
    expect(await client.executeCommand('tifa.noSuchCommand')).toBeNull();
    expect(await client.executeCommand('tifa.ignoreTerm', [{ nonsense: true }])).toEqual({ file: null, added: false });
    expect(await client.executeCommand('tifa.searchGlossary', [42])).toBeInstanceOf(Array);
    await raw.sendNotification('textDocument/didChange', { textDocument: { uri }, contentChanges: [{ text: 'x' }] });
    await raw.sendNotification('textDocument/didOpen', {});
    // 错误的设置项：记日志并用缺省值，其余设置照常生效
    await raw.sendNotification('workspace/didChangeConfiguration', {
      settings: { tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 'fast', rules: { nope: 'error' }, unknownKey: 1 } },
    });
    await stillServing();
    await expect.poll(() => client.logs.filter((l) => /tifa\.debounceMs|unknownKey|nope/.test(l.message)).length).toBe(3);
    await raw.sendNotification('workspace/didChangeConfiguration', { settings: { tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 10 } } });
  });
});

describe('快速连续修改与内存', () => {
  it('不等待地连续改 300 次：最后只按最新版本发布，结果与核心一致', async () => {
    const uri = ws.uri('rapid.md');
    await client.open(uri, '');
    await client.diagnosticsFor(uri, 1);
    const words = [`成立${OUTDATED}，`, '继续建设，', `加入${CURRENT}。`, '\n'];
    let doc = client.docs.get(uri)!;
    for (let i = 0; i < 300; i++) {
      const end = doc.positionAt(doc.getText().length);
      doc = await client.change(uri, [{ range: { start: end, end }, text: words[i % words.length] }]);
    }
    const final = await client.diagnosticsFor(uri, doc.version, 30_000);
    expect(final.diagnostics.length).toBe(coreFindings(doc.getText(), [ws.dictionary]).length);
    const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version ?? 0);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(versions.length).toBeLessThan(300);
  });

  it('长时间编辑内存不增长（3000 次编辑前后 RSS 相差不到 40 MB）', async () => {
    const uri = ws.uri('memory.md');
    let text = '';
    for (let i = 0; i < 200; i++) text += `第${i}段：学校成立${OUTDATED}，并与${CURRENT}合作开展实训。\n\n`;
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1, 30_000);
    let doc = client.docs.get(uri)!;
    const edit = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const at = doc.positionAt((i * 37) % doc.getText().length);
        doc = await client.change(uri, [{ range: { start: at, end: at }, text: i % 2 ? '改' : '。' }]);
        if (i % 50 === 0) await client.diagnosticsFor(uri, doc.version, 30_000);
      }
      await client.diagnosticsFor(uri, doc.version, 30_000);
    };
    await edit(500);
    const before = client.rssKb();
    await edit(3000);
    const after = client.rssKb();
    expect(after - before).toBeLessThan(40 * 1024);
  }, 180_000);
});

describe('反复打开关闭', () => {
  it('打开关闭 600 个不同的文档：每个都有诊断，关闭后清空，内存不随文档数增长', async () => {
    const text = `成立${OUTDATED}，加入${CURRENT}。\n`.repeat(20);
    const cycle = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const uri = ws.uri(`many/doc-${i}.md`);
        await client.open(uri, text);
        await client.diagnosticsFor(uri, 1);
        const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
        await client.close(uri);
        await cleared;
      }
    };
    await cycle(0, 100);
    const before = client.rssKb();
    await cycle(100, 600);
    expect(client.rssKb() - before).toBeLessThan(30 * 1024);
  }, 180_000);
});

describe('拉取客户端的健壮性', () => {
  it('拉取已关闭的文档、未知 resultId 都正常', async () => {
    const ws2 = createWorkspace();
    const c = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws2.dir], settings: () => ({ dictionaries: [DICTIONARY_SETTING] }) });
    try {
      const uri = ws2.uri('a.md');
      await c.open(uri, `成立${OUTDATED}。`);
      const report = (await c.pull(uri, 'bogus')) as FullDocumentDiagnosticReport;
      expect(report.items).toHaveLength(1);
      await c.close(uri);
      expect(((await c.pull(uri, report.resultId)) as FullDocumentDiagnosticReport).items).toEqual([]);
      expect(c.alive).toBe(true);
    } finally {
      await c.stop();
      ws2.cleanup();
    }
  });
});
