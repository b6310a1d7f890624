// 同一份配置：服务器读 tifa.config.json（JSONC、overrides）与 .tifa/allow.txt，与 CLI 用同一个解析器；
// 编辑器设置只在用户设了的地方覆盖。配置文件有错时报在配置文件上，文档按没有配置检查。
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { MINIMAL_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, createWorkspace, textInRange, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';
const TERM_ID = 'xinghuo-shixun-xiehui';
const TEXT = `# 报告\n\n本校牵头成立${OUTDATED}。\n`;
const CONFIG = `// 学校的配置（JSONC）\n{\n  "dictionaries": ["${DICTIONARY_SETTING}"],\n  "terms": { "${TERM_ID}": "error", },\n  "overrides": [{ "files": ["archive/**"], "rules": { "outdated-term": "off" } }],\n}\n`;

describe('配置文件与白名单（服务器）', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    ws.write('tifa.config.json', CONFIG);
    ws.write('allowed/.tifa/allow.txt', `${TERM_ID}  # 在此工作区忽略\n`);
    client = await TestClient.start({ capabilities: MINIMAL_CAPABILITIES, workspaceFolders: [ws.dir], initializationOptions: { tifa: { debounceMs: 10 } } });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('用配置文件里的词典与词条级别', async () => {
    const uri = ws.uri('report.md');
    await client.open(uri, TEXT);
    const p = await client.diagnosticsFor(uri, 1);
    const d = p.diagnostics.find((x) => textInRange(TEXT, x.range) === OUTDATED);
    expect(d?.severity).toBe(DiagnosticSeverity.Error);
  });

  it('overrides 按 glob 生效，.tifa/allow.txt 的词条不报', async () => {
    for (const name of ['archive/2019/old.md', 'allowed/a.md']) {
      const uri = ws.uri(name);
      await client.open(uri, TEXT);
      const p = await client.diagnosticsFor(uri, 1);
      expect(p.diagnostics.filter((x) => textInRange(TEXT, x.range) === OUTDATED), name).toEqual([]);
    }
  });

  it('配置文件有错：报在配置文件上，改好后清除', async () => {
    const bad = ws.write('broken/tifa.config.json', '{\n  "root": true,\n  "asOf": "2024-02-30"\n}\n');
    const uri = ws.uri('broken/a.md');
    await client.open(uri, TEXT);
    const problem = await client.waitForDiagnostics(pathToFileURL(bad).href, (p) => p.diagnostics.length > 0);
    expect(problem.diagnostics[0].message).toMatch(/asOf 应为 YYYY-MM-DD/);
    expect(problem.diagnostics[0].range.start).toEqual({ line: 2, character: 10 });
  });
});

describe('编辑器设置只在设了的地方覆盖配置文件', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    ws.write('tifa.config.json', CONFIG);
    client = await TestClient.start({
      capabilities: MINIMAL_CAPABILITIES,
      workspaceFolders: [ws.dir],
      initializationOptions: { tifa: { debounceMs: 10, terms: { [TERM_ID]: 'info' } } },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('设置里的词条级别胜过配置文件，配置文件的词典仍然有效', async () => {
    const uri = ws.uri('report.md');
    await client.open(uri, TEXT);
    const p = await client.diagnosticsFor(uri, 1);
    const d = p.diagnostics.find((x) => textInRange(TEXT, x.range) === OUTDATED);
    expect(d?.severity).toBe(DiagnosticSeverity.Information);
  });
});
