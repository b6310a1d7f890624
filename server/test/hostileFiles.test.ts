// 设置里指向的敌意文件：让 YAML 解析器抛出的词典（别名炸弹、3000 层嵌套）、FIFO、设备。
// 服务器不能因此卡住或悄悄停掉所有诊断：问题报在该文件上，诊断照常，已有的好词表继续用。
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, createWorkspace, rangeOf, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';

/** 十层、每层十倍的别名：展开后 10^10 个节点。 */
function aliasBomb(): string {
  const lines = ['a0: &a0 ["x", "x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
  for (let i = 1; i < 10; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  lines.push('entries: *a9');
  return `${lines.join('\n')}\n`;
}

function deepNesting(depth = 3000): string {
  let text = '';
  for (let i = 0; i < depth; i++) text += `${'  '.repeat(i)}k${i}:\n`;
  return `${text}${'  '.repeat(depth)}v: 1\n`;
}

describe('让解析器抛出的用户词典', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    ws.write('bomb.yaml', aliasBomb());
    ws.write('deep.yaml', deepNesting());
    client = await TestClient.start({
      capabilities: MINIMAL_CAPABILITIES,
      workspaceFolders: [ws.dir],
      initializationOptions: { tifa: { dictionaries: ['bomb.yaml', 'deep.yaml', DICTIONARY_SETTING], debounceMs: 0 } },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('第一次加载就坏：问题报在这两个 YAML 上，其余词典（默认词表与好的用户词典）照常检查', async () => {
    const uri = ws.uri('doc.md');
    const text = `成立${OUTDATED}。\n`;
    await client.open(uri, text);
    const published = await client.diagnosticsFor(uri, 1, 30_000);
    expect(published.diagnostics.map((d) => d.range)).toEqual([rangeOf(text, OUTDATED)]);
    const bomb = await client.diagnosticsFor(ws.uri('bomb.yaml'), undefined, 30_000);
    expect(bomb.diagnostics[0]).toMatchObject({ severity: 1 });
    expect(bomb.diagnostics[0].message).toMatch(/[\u4e00-\u9fff]/);
    const deep = await client.diagnosticsFor(ws.uri('deep.yaml'), undefined, 30_000);
    expect(deep.diagnostics.length).toBeGreaterThan(0);
  }, 60_000);

  it('好词典被改成别名炸弹：报在该文件上，继续用上一份好词表', async () => {
    const uri = ws.uri('doc.md');
    const good = fs.readFileSync(ws.dictionary, 'utf8');
    fs.writeFileSync(ws.dictionary, aliasBomb());
    const reported = await client.waitForDiagnostics(ws.uri(DICTIONARY_SETTING), (p) => p.diagnostics.length > 0, 30_000);
    expect(reported.diagnostics[0].message).toMatch(/别名炸弹|嵌套过深|alias/i);
    // 文档照样有来自（上一份）用户词典的诊断
    await client.replaceAll(uri, `又成立${OUTDATED}。\n`);
    const after = await client.diagnosticsFor(uri, 2, 30_000);
    expect(after.diagnostics).toHaveLength(1);
    fs.writeFileSync(ws.dictionary, good);
  }, 60_000);
});

describe('FIFO 与设备作为词典或白名单', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    execFileSync('mkfifo', [ws.file('fifo-dict.yaml')]);
    execFileSync('mkfifo', [ws.file('allow.fifo')]);
    client = await TestClient.start({
      capabilities: MINIMAL_CAPABILITIES,
      workspaceFolders: [ws.dir],
      initializationOptions: { tifa: { dictionaries: ['fifo-dict.yaml', '/dev/zero', DICTIONARY_SETTING], allowListFile: 'allow.fifo', debounceMs: 0 } },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('不卡住：诊断照常，问题报在这些文件上', async () => {
    const uri = ws.uri('doc.md');
    const text = `成立${OUTDATED}。\n`;
    await client.open(uri, text);
    const published = await client.diagnosticsFor(uri, 1, 20_000);
    expect(published.diagnostics.map((d) => d.range)).toEqual([rangeOf(text, OUTDATED)]);
    const fifo = await client.diagnosticsFor(ws.uri('fifo-dict.yaml'), undefined, 5000);
    expect(fifo.diagnostics[0].message).toMatch(/不是普通文件/);
    const zero = await client.diagnosticsFor('file:///dev/zero', undefined, 5000);
    expect(zero.diagnostics[0].message).toMatch(/不是普通文件/);
    // 写白名单也不卡住：拒绝并告诉用户
    const result = await client.executeCommand<{ added: boolean }>('tifa.ignoreTerm', [{ uri, termId: 'xinghuo-shixun-xiehui' }]);
    expect(result.added).toBe(false);
    expect(client.alive).toBe(true);
    expect(client.logs.some((l) => l.message.includes('allow.fifo') && l.message.includes('不是普通文件'))).toBe(true);
  }, 60_000);
});
