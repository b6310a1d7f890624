// 诊断：推送（最小客户端）与拉取（VS Code 式客户端）、防抖与版本、配置变化、关闭文档。
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, DiagnosticTag, DocumentDiagnosticReportKind, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { MINIMAL_CAPABILITIES, VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, coreFindings, createWorkspace, rangeOf, textInRange, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';
const CURRENT = '星火实训联盟';
const REPORT = `# 年度工作报告\n\n本校牵头成立${OUTDATED}，与十二家企业共建实训基地。\n\n下一步继续扩大${CURRENT}的规模。\n`;

describe('推送诊断（没有拉取能力的客户端）', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    client = await TestClient.start({
      capabilities: MINIMAL_CAPABILITIES,
      workspaceFolders: [ws.dir],
      initializationOptions: { tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 20 } },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('静态声明全部能力', () => {
    const caps = client.initializeResult.capabilities;
    expect(caps.textDocumentSync).toMatchObject({ openClose: true, change: 2 });
    expect(caps.hoverProvider).toBe(true);
    expect(caps.completionProvider).toMatchObject({ resolveProvider: true });
    expect(caps.codeActionProvider).toMatchObject({ codeActionKinds: ['quickfix', 'source.fixAll.tifa'] });
    expect(caps.executeCommandProvider?.commands).toEqual(
      expect.arrayContaining(['tifa.lintWorkspace', 'tifa.searchGlossary', 'tifa.explain', 'tifa.ignoreTerm', 'tifa.glossaryInfo']),
    );
    expect(caps.diagnosticProvider).toMatchObject({ interFileDependencies: false, workspaceDiagnostics: false });
  });

  it('打开时推送诊断：范围、级别、代码、链接、删除线标记、数据', async () => {
    const uri = ws.uri('report.md');
    await client.open(uri, REPORT);
    const published = await client.diagnosticsFor(uri, 1);
    const expected = coreFindings(REPORT, [ws.dictionary]);
    expect(published.diagnostics).toHaveLength(expected.length);
    const outdated = published.diagnostics.find((d) => d.code === 'outdated-term');
    expect(outdated).toBeDefined();
    expect(outdated!.range).toEqual(rangeOf(REPORT, OUTDATED));
    expect(textInRange(REPORT, outdated!.range)).toBe(OUTDATED);
    expect(outdated!.source).toBe('tifa');
    expect(outdated!.severity).toBe(DiagnosticSeverity.Warning);
    expect(outdated!.tags).toContain(DiagnosticTag.Deprecated);
    expect(outdated!.codeDescription?.href).toBe('https://github.com/tifa-dev/tifa#rule-outdated-term');
    expect(outdated!.message).toContain(CURRENT);
    expect(outdated!.data).toMatchObject({ termId: 'xinghuo-shixun-xiehui', ruleId: 'outdated-term' });
    // 现行写法不报
    expect(published.diagnostics.some((d) => textInRange(REPORT, d.range) === CURRENT)).toBe(false);
  });

  it('修改后只发布最新版本；连续快速修改只检查最后一版', async () => {
    const uri = ws.uri('rapid.md');
    await client.open(uri, '');
    await client.diagnosticsFor(uri, 1);
    const before = client.published.filter((p) => p.uri === uri).length;
    let doc = client.docs.get(uri)!;
    const sentence = `成立${OUTDATED}。`;
    for (const ch of sentence) {
      doc = await client.change(uri, [{ range: { start: doc.positionAt(doc.getText().length), end: doc.positionAt(doc.getText().length) }, text: ch }]);
    }
    const last = await client.diagnosticsFor(uri, doc.version);
    expect(last.diagnostics.map((d) => textInRange(doc.getText(), d.range))).toEqual([OUTDATED]);
    const publishes = client.published.filter((p) => p.uri === uri).slice(before);
    // 防抖：一次次敲字不会每次都检查；发布的版本单调递增，最后一次是最新版本。
    expect(publishes.length).toBeLessThan(sentence.length);
    const versions = publishes.map((p) => p.version ?? -1);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
  });

  it('修改使问题消失时清空诊断；关闭时清空', async () => {
    const uri = ws.uri('fixme.md');
    await client.open(uri, `我们加入了${OUTDATED}。`);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toHaveLength(1);
    const doc = client.docs.get(uri)!;
    const next = await client.change(uri, [{ range: rangeOf(doc.getText(), OUTDATED), text: CURRENT }]);
    expect((await client.diagnosticsFor(uri, next.version)).diagnostics).toEqual([]);
    await client.change(uri, [{ range: rangeOf(next.getText(), CURRENT), text: OUTDATED }]);
    await client.diagnosticsFor(uri, next.version + 1);
    const cleared = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.close(uri);
    expect((await cleared).diagnostics).toEqual([]);
  });

  it('纯文本同样检查；其他语言不检查', async () => {
    const txt = ws.uri('notes.txt');
    await client.open(txt, `会议决定加入${OUTDATED}。\n`, 'plaintext');
    expect((await client.diagnosticsFor(txt, 1)).diagnostics).toHaveLength(1);
    const js = ws.uri('code.js');
    await client.open(js, `// ${OUTDATED}\n`, 'javascript');
    expect((await client.diagnosticsFor(js, 1)).diagnostics).toEqual([]);
  });

  it('didChangeConfiguration 推来的设置生效：规则关掉后诊断消失，再打开后恢复', async () => {
    const uri = ws.uri('config.md');
    await client.open(uri, `成立${OUTDATED}。`);
    expect((await client.diagnosticsFor(uri, 1)).diagnostics).toHaveLength(1);
    const off = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    await client.changeConfiguration({ tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 20, rules: { 'outdated-term': 'off' } } });
    await off;
    const back = client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.changeConfiguration({ tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 20, rules: { 'outdated-term': 'error' } } });
    expect((await back).diagnostics[0].severity).toBe(DiagnosticSeverity.Error);
  });
});

describe('拉取诊断（VS Code 式客户端）', () => {
  let ws: Workspace;
  let client: TestClient;
  let settings: Record<string, unknown>;
  beforeAll(async () => {
    ws = createWorkspace();
    settings = { dictionaries: [DICTIONARY_SETTING], debounceMs: 0 };
    client = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws.dir], settings: () => settings });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('textDocument/diagnostic 返回完整报告，未变化时返回 unchanged；不推送', async () => {
    const uri = ws.uri('pull.md');
    await client.open(uri, REPORT);
    const report = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    expect(report.kind).toBe(DocumentDiagnosticReportKind.Full);
    const outdated = report.items.find((d) => d.code === 'outdated-term');
    expect(outdated?.range).toEqual(rangeOf(REPORT, OUTDATED));
    expect(report.items).toHaveLength(coreFindings(REPORT, [ws.dictionary]).length);
    const again = await client.pull(uri, report.resultId);
    expect(again.kind).toBe(DocumentDiagnosticReportKind.Unchanged);
    const doc = client.docs.get(uri)!;
    await client.change(uri, [{ range: rangeOf(doc.getText(), OUTDATED), text: CURRENT }]);
    const changed = (await client.pull(uri, report.resultId)) as FullDocumentDiagnosticReport;
    expect(changed.kind).toBe(DocumentDiagnosticReportKind.Full);
    expect(changed.items.some((d) => d.code === 'outdated-term')).toBe(false);
    expect(client.published.filter((p) => p.uri === uri)).toEqual([]);
  });

  it('设置按文档作用域从 workspace/configuration 取；配置变化后请客户端重新拉取', async () => {
    const uri = ws.uri('scoped.md');
    await client.open(uri, `成立${OUTDATED}。`);
    const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
    expect(first.items).toHaveLength(1);
    expect(client.configurationRequests).toContain(uri);
    const refreshes = client.refreshRequests;
    settings = { ...settings, terms: { 'xinghuo-shixun-xiehui': 'off' } };
    await client.changeConfiguration(null);
    await expect.poll(() => client.refreshRequests).toBeGreaterThan(refreshes);
    const second = (await client.pull(uri, first.resultId)) as FullDocumentDiagnosticReport;
    expect(second.kind).toBe(DocumentDiagnosticReportKind.Full);
    expect(second.items).toEqual([]);
    settings = { dictionaries: [DICTIONARY_SETTING], debounceMs: 0 };
    await client.changeConfiguration(null);
  });

  it('已关闭或从未打开的文档拉取得到空报告', async () => {
    const report = (await client.pull(ws.uri('never-opened.md'))) as FullDocumentDiagnosticReport;
    expect(report.items).toEqual([]);
  });
});
