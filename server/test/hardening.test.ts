// 对抗测试发现的问题（issue 16）的回归测试，全部经真正的服务器进程：越界的增量修改、拉取诊断的 resultId、
// 行尾的“本行停用”、白名单的编码与路径、词条 id 里的换行。
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CodeAction, type Diagnostic, type FullDocumentDiagnosticReport, type TextEdit } from 'vscode-languageserver-protocol';
import { MINIMAL_CAPABILITIES, VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, applyEdits, createWorkspace, rangeOf, textInRange, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';
const TERM_ID = 'xinghuo-shixun-xiehui';

async function pullItems(client: TestClient, uri: string): Promise<Diagnostic[]> {
  return ((await client.pull(uri)) as FullDocumentDiagnosticReport).items;
}

describe('越界的增量修改：先夹到文档内再应用', () => {
  let ws: Workspace;
  let client: TestClient;
  beforeAll(async () => {
    ws = createWorkspace();
    client = await TestClient.start({
      capabilities: MINIMAL_CAPABILITIES,
      workspaceFolders: [ws.dir],
      initializationOptions: { tifa: { dictionaries: [DICTIONARY_SETTING], debounceMs: 0 } },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
  });

  it('打开 a\\n，把 (10,0)-(12,0) 换成两行加一句：诊断在第 3 行；之后的修改位置照样正确', async () => {
    const uri = ws.uri('clamp.md');
    await client.open(uri, 'a\n');
    await client.diagnosticsFor(uri, 1);
    const send = (version: number, range: object, text: string) =>
      client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    await send(2, { start: { line: 10, character: 0 }, end: { line: 12, character: 0 } }, `\n\n成立${OUTDATED}`);
    let text = `a\n\n\n成立${OUTDATED}`;
    const first = await client.diagnosticsFor(uri, 2);
    expect(first.diagnostics.map((d) => d.range)).toEqual([rangeOf(text, OUTDATED)]);
    expect(first.diagnostics[0].range.start).toEqual({ line: 3, character: 2 });
    // 在正确的文档末尾再加一行：两个诊断的位置都是整数且指向这个词
    await send(3, { start: { line: 3, character: 8 }, end: { line: 3, character: 8 } }, `。\n又见${OUTDATED}。`);
    text += `。\n又见${OUTDATED}。`;
    const second = await client.diagnosticsFor(uri, 3);
    expect(second.diagnostics.map((d) => textInRange(text, d.range))).toEqual([OUTDATED, OUTDATED]);
    expect(second.diagnostics.map((d) => d.range)).toEqual([rangeOf(text, OUTDATED, 0), rangeOf(text, OUTDATED, 1)]);
    // 反向的、负数的范围也不会弄乱行表
    await send(4, { start: { line: 99, character: 0 }, end: { line: -3, character: -1 } }, `${OUTDATED}\n`);
    text = `${OUTDATED}\n`;
    const third = await client.diagnosticsFor(uri, 4);
    expect(third.diagnostics.map((d) => d.range)).toEqual([rangeOf(text, OUTDATED)]);
  });
});

describe('拉取诊断：resultId 取决于内容', () => {
  it('关闭后以同一版本号重新打开另一段文字：不回答 unchanged', async () => {
    const ws = createWorkspace();
    const client = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws.dir], settings: () => ({ dictionaries: [DICTIONARY_SETTING], debounceMs: 0 }) });
    try {
      const uri = ws.uri('reopen.md');
      await client.open(uri, `成立${OUTDATED}。`);
      const first = (await client.pull(uri)) as FullDocumentDiagnosticReport;
      expect(first.items).toHaveLength(1);
      await client.close(uri);
      await client.open(uri, '没有问题的一句话。');
      const second = await client.pull(uri, first.resultId);
      expect(second.kind).toBe('full');
      expect((second as FullDocumentDiagnosticReport).items).toEqual([]);
      // 同样的内容再拉一次：unchanged
      expect((await client.pull(uri, (second as FullDocumentDiagnosticReport).resultId)).kind).toBe('unchanged');
    } finally {
      await client.stop();
      ws.cleanup();
    }
  });
});

describe('“本行停用”不拆开 Markdown 的表格、列表和段落', () => {
  it('在行尾写 <!-- tifa-disable-line … -->：行数不变，被停用的行不再报，别的行照报', async () => {
    const ws = createWorkspace();
    const client = await TestClient.start({ capabilities: VSCODE_CAPABILITIES, workspaceFolders: [ws.dir], settings: () => ({ dictionaries: [DICTIONARY_SETTING], debounceMs: 0 }) });
    try {
      const text = [
        '| 名称 | 说明 |',
        '| --- | --- |',
        `| 甲 | 成立${OUTDATED} |`,
        '',
        `- 第一项：成立${OUTDATED}，`,
        '  续行。',
        '- 第二项',
        '',
        '段落第一行，',
        `提到${OUTDATED}，  `,
        '段落第三行。',
        '',
        `## 标题里的${OUTDATED} ##`,
        '',
        `最后一段也有${OUTDATED}。`,
        '',
      ].join('\n');
      const expected = [
        `| 甲 | 成立${OUTDATED} <!-- tifa-disable-line ${TERM_ID} --> |`,
        `- 第一项：成立${OUTDATED}， <!-- tifa-disable-line ${TERM_ID} -->`,
        `提到${OUTDATED}， <!-- tifa-disable-line ${TERM_ID} -->  `,
        `## 标题里的${OUTDATED} <!-- tifa-disable-line ${TERM_ID} --> ##`,
      ];
      const uri = ws.uri('structure.md');
      await client.open(uri, text);
      const items = await pullItems(client, uri);
      expect(items).toHaveLength(5);
      let current = text;
      // 依次停用前四处（每次都按当前文字重新要代码操作）
      for (let k = 0; k < 4; k++) {
        const diagnostics = await pullItems(client, uri);
        const target = diagnostics[0];
        const actions = (await client.codeActions(uri, target.range, { diagnostics: [target], only: ['quickfix'] })) as CodeAction[];
        const disable = actions.find((a) => a.title.includes('停用'))!;
        const edits = disable.edit!.changes![uri] as TextEdit[];
        const next = applyEdits(current, edits);
        expect(next.split('\n')).toHaveLength(current.split('\n').length);
        expect(next.split('\n')[target.range.start.line]).toBe(expected[k]);
        current = next;
        await client.replaceAll(uri, current);
      }
      const left = await pullItems(client, uri);
      expect(left.map((d) => d.range.start.line)).toEqual([14]);
    } finally {
      await client.stop();
      ws.cleanup();
    }
  });
});

describe('忽略本词：白名单的编码、换行符与路径', () => {
  const LINES = ['# 白名单', '旧写法甲', '旧写法乙'];
  type Case = { name: string; bytes: Buffer; encoding: string; eol: string; refused?: boolean };
  const text = (eol: string) => LINES.join(eol) + eol;
  const cases: Case[] = [
    { name: 'utf16le-bom-crlf', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text('\r\n'), 'utf16le')]), encoding: 'utf-16le', eol: '\r\n' },
    { name: 'utf16be-bom', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text('\n'), 'utf16le').swap16()]), encoding: 'utf-16be', eol: '\n' },
    { name: 'gb18030-crlf', bytes: iconv.encode(text('\r\n'), 'gb18030'), encoding: 'gb18030', eol: '\r\n' },
    { name: 'utf8-bom-cr', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(LINES.join('\r'), 'utf8')]), encoding: 'utf-8', eol: '\r' },
    { name: 'utf16le-no-bom', bytes: Buffer.from(text('\n'), 'utf16le'), encoding: '', eol: '', refused: true },
    { name: 'nul-bytes', bytes: Buffer.from(`旧写法甲\n\u0000\u0000二进制\n旧写法乙\n`, 'utf8'), encoding: '', eol: '', refused: true },
    { name: 'broken-utf8', bytes: Buffer.concat([Buffer.from('旧写法甲\n', 'utf8'), Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x0a])]), encoding: '', eol: '', refused: true },
  ];
  let ws: Workspace;
  let home: string;
  let client: TestClient;
  let allowListFile = '.tifa/allow.txt';

  beforeAll(async () => {
    ws = createWorkspace();
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-home-'));
    for (const c of cases) {
      fs.mkdirSync(ws.file(`${c.name}/.tifa`), { recursive: true });
      fs.writeFileSync(ws.file(`${c.name}/.tifa/allow.txt`), c.bytes);
      ws.write(`${c.name}/doc.md`, `成立${OUTDATED}。\n`);
    }
    client = await TestClient.start({
      capabilities: VSCODE_CAPABILITIES,
      workspaceFolders: [ws.dir, ...cases.map((c) => ws.file(c.name))],
      settings: () => ({ dictionaries: [ws.dictionary], debounceMs: 0, allowListFile }),
      env: { HOME: home },
    });
  });
  afterAll(async () => {
    await client.stop();
    ws.cleanup();
    fs.rmSync(home, { recursive: true, force: true });
  });

  for (const c of cases) {
    it(`${c.name}：${c.refused ? '不能无损解码，拒绝写入并告诉用户，文件一个字节不变' : '按原编码与换行符追加，原有字节不变'}`, async () => {
      const uri = ws.uri(`${c.name}/doc.md`);
      const file = ws.file(`${c.name}/.tifa/allow.txt`);
      await client.open(uri, `成立${OUTDATED}。\n`);
      expect(await pullItems(client, uri)).toHaveLength(1);
      const messages = client.messages.length;
      const result = await client.executeCommand<{ file: string | null; added: boolean }>('tifa.ignoreTerm', [{ uri, termId: TERM_ID, matched: OUTDATED }]);
      const after = fs.readFileSync(file);
      if (c.refused) {
        expect(result.added).toBe(false);
        expect(after.equals(c.bytes)).toBe(true);
        await expect.poll(() => client.messages.slice(messages).map((m) => m.message).join('\n')).toMatch(/没有写入工作区白名单/);
        return;
      }
      expect(result).toEqual({ file, added: true });
      expect(after.subarray(0, c.bytes.length).equals(c.bytes)).toBe(true);
      const added = after.subarray(c.bytes.length);
      const decode = (b: Buffer) => (c.encoding === 'gb18030' ? iconv.decode(b, 'gb18030') : c.encoding === 'utf-16be' ? Buffer.from(b).swap16().toString('utf16le') : b.toString(c.encoding as BufferEncoding));
      const needsBreak = c.name === 'utf8-bom-cr'; // 这个文件最后一行没有换行符
      expect(decode(added)).toBe(`${needsBreak ? c.eol : ''}${TERM_ID}  # ${OUTDATED}${c.eol}`);
      await expect.poll(async () => (await pullItems(client, uri)).length).toBe(0);
      await client.close(uri);
    });
  }

  it('词条 id 里有换行：不写入（不会变成好几条白名单）', async () => {
    const uri = ws.uri('doc.md');
    await client.open(uri, `成立${OUTDATED}。\n`);
    const result = await client.executeCommand<{ added: boolean }>('tifa.ignoreTerm', [{ uri, termId: `${TERM_ID}\n星火\r\n# x\n其他`, matched: OUTDATED }]);
    expect(result.added).toBe(false);
    expect(fs.existsSync(ws.file('.tifa/allow.txt'))).toBe(false);
    const ok = await client.executeCommand<{ added: boolean }>('tifa.ignoreTerm', [{ uri, termId: TERM_ID, matched: `换行\n注入\u2028行` }]);
    expect(ok.added).toBe(true);
    expect(fs.readFileSync(ws.file('.tifa/allow.txt'), 'utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'))).toEqual([`${TERM_ID}  # 换行 注入 行`]);
  });

  it('allowListFile 是绝对路径、~ 或跑出工作区的 ../：不接受，什么也不写', async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-outside-'));
    try {
      const uri = ws.uri('doc.md');
      // 工作区里的符号链接指向外面：目录链接与文件链接都不跟着写出去
      fs.symlinkSync(outside, ws.file('linked-dir'));
      fs.writeFileSync(path.join(outside, 'target.txt'), '');
      fs.symlinkSync(path.join(outside, 'target.txt'), ws.file('linked-file.txt'));
      for (const setting of [path.join(outside, 'evil.txt'), '~/evil.txt', '../evil.txt', 'sub/../../evil.txt', 'linked-dir/evil.txt', 'linked-file.txt']) {
        allowListFile = setting;
        await client.changeConfiguration();
        const result = await client.executeCommand<{ file: string | null; added: boolean }>('tifa.ignoreTerm', [{ uri, termId: 'shuang-gao-jihua' }]);
        expect({ setting, result }).toEqual({ setting, result: { file: null, added: false } });
      }
      expect(fs.readdirSync(outside)).toEqual(['target.txt']);
      expect(fs.readFileSync(path.join(outside, 'target.txt'), 'utf8')).toBe('');
      expect(fs.existsSync(path.join(home, 'evil.txt'))).toBe(false);
      expect(fs.existsSync(path.join(path.dirname(ws.dir), 'evil.txt'))).toBe(false);
      await expect.poll(() => client.logs.some((l) => /tifa\.allowListFile.*(相对工作区|之外)/.test(l.message))).toBe(true);
      // 工作区里的子目录可以
      allowListFile = 'config/allow.txt';
      await client.changeConfiguration();
      const inside = await client.executeCommand<{ file: string | null }>('tifa.ignoreTerm', [{ uri, termId: 'shuang-gao-jihua' }]);
      expect(inside.file).toBe(ws.file('config/allow.txt'));
    } finally {
      allowListFile = '.tifa/allow.txt';
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });
});
