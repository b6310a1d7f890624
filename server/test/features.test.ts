// 悬停、补全（汉字前缀与拼音）、代码操作（快速修复、本行停用、忽略、全部修复）及其编辑应用到文本后的结果。
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type FullDocumentDiagnosticReport,
  MarkupKind,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { applyFixes } from '@tifa/core';
import { VSCODE_CAPABILITIES } from './support/capabilities';
import { TestClient } from './support/lspClient';
import { DICTIONARY_SETTING, applyEdits, coreFindings, createWorkspace, positionOf, rangeOf, textInRange, type Workspace } from './support/workspace';

const OUTDATED = '星火实训协会';
const CURRENT = '星火实训联盟';

let ws: Workspace;
let client: TestClient;

beforeAll(async () => {
  ws = createWorkspace();
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

async function pullItems(uri: string): Promise<Diagnostic[]> {
  return ((await client.pull(uri)) as FullDocumentDiagnosticReport).items;
}

function edits(action: CodeAction, uri: string) {
  return action.edit?.changes?.[uri] ?? [];
}

describe('悬停', () => {
  it('过时写法与现行写法都有悬停：Markdown，范围就是这个词', async () => {
    const uri = ws.uri('hover.md');
    const text = `本校加入${OUTDATED}后，又牵头组建${CURRENT}。\n`;
    await client.open(uri, text);
    const onOutdated = await client.hover(uri, positionOf(text, OUTDATED, 0, 2));
    expect((onOutdated?.contents as MarkupContent).kind).toBe(MarkupKind.Markdown);
    expect((onOutdated?.contents as MarkupContent).value).toContain(OUTDATED);
    expect((onOutdated?.contents as MarkupContent).value).toContain(CURRENT);
    expect(onOutdated?.range).toEqual(rangeOf(text, OUTDATED));
    const onCurrent = await client.hover(uri, positionOf(text, CURRENT, 0, 1));
    expect((onCurrent?.contents as MarkupContent).value).toContain('协作组织');
    expect(onCurrent?.range).toEqual(rangeOf(text, CURRENT));
    expect(await client.hover(uri, positionOf(text, '本校'))).toBeNull();
  });

  it('默认词表里的术语也有悬停', async () => {
    const uri = ws.uri('hover-default.md');
    const text = '学校入选双高计划建设单位。\n';
    await client.open(uri, text);
    const hover = await client.hover(uri, positionOf(text, '双高计划', 0, 1));
    expect((hover?.contents as MarkupContent | undefined)?.value).toContain('双高计划');
  });
});

describe('补全', () => {
  it('句中输入汉字前缀：textEdit 恰好覆盖已输入的字，filterText 等于已输入的字', async () => {
    const uri = ws.uri('complete.md');
    const text = '今年我们继续扩大星火实';
    await client.open(uri, text);
    const list = (await client.completion(uri, positionOf(text, '星火实', 0, 3))) as CompletionList;
    const item = list.items.find((i) => i.label === CURRENT);
    expect(item).toBeDefined();
    expect(list.isIncomplete).toBe(true);
    const edit = item!.textEdit as { range: { start: unknown; end: unknown }; newText: string };
    expect(edit.range).toEqual(rangeOf(text, '星火实'));
    expect(item!.filterText).toBe('星火实');
    expect(item!.detail).toBe('测试词条');
    expect(applyEdits(text, [{ range: edit.range as never, newText: edit.newText }])).toBe(`今年我们继续扩大${CURRENT}`);
    // 过时写法从不出现在补全里
    expect(list.items.some((i) => i.label === OUTDATED)).toBe(false);
    // 释义在 resolve 时给出
    expect(item!.documentation).toBeUndefined();
    const resolved = await client.resolveCompletion(item!);
    expect((resolved.documentation as MarkupContent).value).toContain('协作组织');
  });

  it('拼音首字母：xhsx → 星火实训联盟；默认词表 sgjh → 双高计划', async () => {
    const uri = ws.uri('pinyin.md');
    const text = '学校加入 xhsx\n入选 sgjh';
    await client.open(uri, text);
    const mine = (await client.completion(uri, positionOf(text, 'xhsx', 0, 4))) as CompletionList;
    const item = mine.items.find((i) => i.label === CURRENT);
    expect(item?.filterText).toBe('xhsx');
    expect((item?.textEdit as { range: unknown }).range).toEqual(rangeOf(text, 'xhsx'));
    const builtin = (await client.completion(uri, positionOf(text, 'sgjh', 0, 4))) as CompletionList;
    expect(builtin.items.map((i) => i.label)).toContain('双高计划');
    // 排序键按名次，客户端按 sortText 排序后与服务器给的顺序一致
    const sorted = [...builtin.items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : 1));
    expect(sorted.map((i) => i.label)).toEqual(builtin.items.map((i) => i.label));
  });

  it('没有可补全的内容时返回空表', async () => {
    const uri = ws.uri('nothing.md');
    const text = '。。。';
    await client.open(uri, text);
    const list = (await client.completion(uri, positionOf(text, '。', 1))) as CompletionList;
    expect(list.items).toEqual([]);
  });
});

describe('代码操作', () => {
  const markdown = `# 总结\n\n  本校牵头成立${OUTDATED}，${OUTDATED}运行良好。\n\n另一段提到${OUTDATED}。\n`;

  it('快速修复把过时写法换成现行写法；本行停用插入注释后该行不再报', async () => {
    const uri = ws.uri('actions.md');
    await client.open(uri, markdown);
    const items = await pullItems(uri);
    const first = items.find((d) => d.code === 'outdated-term')!;
    expect(textInRange(markdown, first.range)).toBe(OUTDATED);
    const actions = (await client.codeActions(uri, first.range, { diagnostics: [first], only: ['quickfix'] })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(fix.kind).toBe('quickfix');
    expect(fix.diagnostics).toEqual([first]);
    const fixed = applyEdits(markdown, edits(fix, uri));
    expect(fixed).toBe(markdown.replace(OUTDATED, CURRENT));

    const disable = actions.find((a) => a.title.includes('停用'))!;
    const disabled = applyEdits(markdown, edits(disable, uri));
    // 行尾指令：不插入新行（插入的注释行会拆开表格、列表与段落）
    expect(disabled).toContain(`\n  本校牵头成立${OUTDATED}，${OUTDATED}运行良好。 <!-- tifa-disable-line xinghuo-shixun-xiehui -->\n`);
    expect(disabled.split('\n')).toHaveLength(markdown.split('\n').length);
    // 把编辑发给服务器：被停用的那一行不再有诊断，别的行照报
    const doc = client.docs.get(uri)!;
    await client.change(uri, edits(disable, uri).map((e) => ({ range: e.range, text: e.newText })));
    expect(client.docs.get(uri)!.getText()).toBe(disabled);
    const after = await pullItems(uri);
    expect(after.map((d) => textInRange(disabled, d.range))).toEqual([OUTDATED]);
    expect(after[0].range.start.line).toBe(positionOf(disabled, '另一段').line);
    expect(doc.version).toBeLessThan(client.docs.get(uri)!.version);

    const ignore = actions.find((a) => a.command?.command === 'tifa.ignoreTerm');
    expect(ignore?.command?.arguments?.[0]).toMatchObject({ uri, termId: 'xinghuo-shixun-xiehui' });
  });

  it('不属于词条的发现（ended-plan）：忽略的是这一处写法，不是整条规则', async () => {
    const uri = ws.uri('ended-plan.md');
    const text = '---\ndate: 2026-06-01\n---\n\n学院将深入实施教师教育振兴行动计划（2018—2022年）。\n';
    await client.open(uri, text);
    const diagnostic = (await pullItems(uri)).find((d) => d.code === 'ended-plan')!;
    expect(textInRange(text, diagnostic.range)).toBe('教师教育振兴行动计划（2018—2022年）');
    const actions = (await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] })) as CodeAction[];
    const ignore = actions.find((a) => a.command?.command === 'tifa.ignoreTerm');
    expect(ignore?.command?.arguments?.[0]).toMatchObject({ uri, termId: '教师教育振兴行动计划（2018—2022年）' });
  });

  it('纯文本里的本行停用是一行指令', async () => {
    const uri = ws.uri('actions.txt');
    const text = `第一行。\n本校牵头成立${OUTDATED}。\n`;
    await client.open(uri, text, 'plaintext');
    const [diagnostic] = await pullItems(uri);
    const actions = (await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic] })) as CodeAction[];
    const disabled = applyEdits(text, edits(actions.find((a) => a.title.includes('停用'))!, uri));
    expect(disabled).toBe(`第一行。\ntifa-disable-next-line xinghuo-shixun-xiehui\n本校牵头成立${OUTDATED}。\n`);
    await client.replaceAll(uri, disabled);
    expect(await pullItems(uri)).toEqual([]);
  });

  it('source.fixAll.tifa 一次修好全部安全问题，结果与核心 applyFixes 一致', async () => {
    const uri = ws.uri('fixall.md');
    await client.open(uri, markdown);
    const actions = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll'] })) as CodeAction[];
    expect(actions.map((a) => a.kind)).toEqual(['source.fixAll.tifa']);
    const fixed = applyEdits(markdown, edits(actions[0], uri));
    expect(fixed).toBe(applyFixes(markdown, coreFindings(markdown, [ws.dictionary])).text);
    expect(fixed).not.toContain(OUTDATED);
    await client.replaceAll(uri, fixed);
    expect(await pullItems(uri)).toEqual([]);
    // 没有可修的问题时不给 fixAll
    const none = (await client.codeActions(uri, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source.fixAll.tifa'] })) as CodeAction[];
    expect(none).toEqual([]);
  });

  it('客户端没回传诊断时按当前发现给出快速修复', async () => {
    const uri = ws.uri('nodiag.md');
    const text = `成立${OUTDATED}。`;
    await client.open(uri, text);
    const actions = (await client.codeActions(uri, rangeOf(text, OUTDATED), { diagnostics: [] })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.edit && !a.title.includes('停用'))!;
    expect(applyEdits(text, edits(fix, uri))).toBe(`成立${CURRENT}。`);
  });

  it('文档改过之后拿旧诊断来要快速修复：按当前文字给出正确的编辑', async () => {
    const uri = ws.uri('stale.md');
    const text = `成立${OUTDATED}。`;
    await client.open(uri, text);
    const [old] = await pullItems(uri);
    const next = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '去年' }]);
    const actions = (await client.codeActions(uri, old.range, { diagnostics: [old], only: ['quickfix'] })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred)!;
    expect(applyEdits(next.getText(), edits(fix, uri))).toBe(`去年成立${CURRENT}。`);
  });

  it('多个建议各有一个快速修复，依次对应各个替代写法', async () => {
    const uri = ws.uri('multi.md');
    const text = '原星火培训中心已撤销。\n本市星火培训中心继续运行。';
    await client.open(uri, text);
    const diagnostic = (await pullItems(uri)).find((d) => textInRange(text, d.range) === '星火培训中心')!;
    const actions = (await client.codeActions(uri, diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] })) as CodeAction[];
    const replacements = actions.filter((a) => a.edit && !a.title.includes('停用')).map((a) => textInRange(applyEdits(text, edits(a, uri)), { start: diagnostic.range.start, end: { line: diagnostic.range.start.line, character: diagnostic.range.start.character + 6 } }));
    expect(replacements).toEqual(['星火实训联盟', '星火实训基地']);
  });
});
