#!/usr/bin/env node
// 语言服务器延迟基准：通过 stdio 驱动真正的服务器进程（server/dist/server.js），
// 在用默认词表生成的 10 万字报告上测：启动到就绪、打开后首次诊断、单字编辑 → 诊断（防抖 0 与缺省）、
// 悬停、补全的 p50/p95，以及 1000 次编辑后的常驻内存（/proc/<pid>/status 的 VmRSS）。
// 用法：node tests/bench/lsp-latency.mjs [--chars 100000] [--edits 1000] [--samples 200] [--no-segmenter] [--node-flags "--max-semi-space-size=2"] [--env MALLOC_ARENA_MAX=2] [--json] [--dump report.md]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SERVER = path.join(ROOT, 'server/dist/server.js');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const CHARS = arg('chars', 100_000);
const EDITS = arg('edits', 1000);
const SAMPLES = arg('samples', 200);
const DEFAULT_DEBOUNCE = 150;
const NODE_FLAGS = args.includes('--node-flags') ? args[args.indexOf('--node-flags') + 1].split(/\s+/).filter(Boolean) : [];
// --env K=V：服务器进程另加的环境变量（与 VS Code 扩展启动服务器时相同，见 extension/src/tifaClient.ts 的 serverEnv）
const EXTRA_ENV = Object.fromEntries(args.flatMap((a, i) => (a === '--env' && args[i + 1]?.includes('=') ? [args[i + 1].split(/=(.*)/s).slice(0, 2)] : [])));

const TARGETS = { editP95: 30, hoverP95: 5, completionP95: 10, readyMs: 500, rssMb: 150 };

// ---------- 生成报告：默认词表里的现行、过时写法和固定提法，夹在普通叙述句之间 ----------

function dictionaryEntries() {
  const out = [];
  const walk = (dir) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (fs.statSync(full).isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(name)) {
        try {
          out.push(...(parse(fs.readFileSync(full, 'utf8'))?.entries ?? []));
        } catch {
          // 词典坏了也照样测：跳过这个文件
        }
      }
    }
  };
  walk(path.join(ROOT, 'dictionaries'));
  return out.filter((e) => e && typeof e.term === 'string');
}

function generateReport(chars) {
  const entries = dictionaryEntries();
  const current = entries.filter((e) => e.status === 'current' && e.kind !== 'formulation').map((e) => e.term);
  const outdated = entries.filter((e) => e.status === 'outdated').map((e) => e.term);
  const formulations = entries.filter((e) => e.kind === 'formulation').map((e) => e.term);
  const filler = [
    '学院围绕年度目标逐项推进各项工作，',
    '各系部按照任务分工细化举措、压实责任，',
    '教学管理部门加强过程督导和质量监测，',
    '学校统筹经费、场地和师资等资源保障，',
    '相关工作取得阶段性成效，',
    '下一步将继续总结经验、补齐短板。',
  ];
  let seed = 42;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const pick = (list) => (list.length ? list[rand(list.length)] : '');
  let text = '---\ntitle: 学院年度工作报告\ndate: 2026-11-01\n---\n\n# 学院年度工作报告\n\n';
  let section = 1;
  while (text.length < chars) {
    if (rand(12) === 0) text += `## 第${section++}部分\n\n`;
    let paragraph = '';
    for (let i = 0; i < 6; i++) {
      paragraph += pick(filler);
      const r = rand(10);
      if (r < 4) paragraph += `学校持续推进${pick(current)}建设，`;
      else if (r < 5 && outdated.length) paragraph += `部分材料仍沿用${pick(outdated)}的说法，`;
      else if (r < 6 && formulations.length) paragraph += `坚持${pick(formulations)}。`;
    }
    text += `${paragraph}\n\n`;
  }
  return { text: text.slice(0, chars), current, counts: { current: current.length, outdated: outdated.length, formulations: formulations.length } };
}

// ---------- LSP 客户端 ----------

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const fmt = (ms) => `${ms.toFixed(1)} ms`;
const stats = (values) => ({ p50: percentile(values, 50), p95: percentile(values, 95), n: values.length });

async function main() {
  if (!fs.existsSync(SERVER)) {
    console.error(`找不到 ${path.relative(ROOT, SERVER)}，请先运行 npm run build`);
    process.exit(1);
  }
  const { text, current, counts } = generateReport(CHARS);
  const dump = args.indexOf('--dump');
  if (dump >= 0) {
    // 只输出生成的报告（用于在进程内单独剖析核心）
    fs.writeFileSync(args[dump + 1], text);
    return;
  }
  const uri = pathToFileURL(path.join(ROOT, 'tests/bench/.work/report.md')).href;

  // --no-segmenter：把打包产物复制到仓库外运行，加载不到 nodejieba（降级模式），用来对比分词器的开销。
  let serverPath = SERVER;
  const env = { ...process.env, ...EXTRA_ENV };
  if (args.includes('--no-segmenter')) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-bench-'));
    serverPath = path.join(dir, 'server.js');
    for (const name of ['server.js', 'server-main.js']) fs.copyFileSync(path.join(path.dirname(SERVER), name), path.join(dir, name));
    env.TIFA_DICTIONARIES = path.join(ROOT, 'dictionaries');
  }
  const started = performance.now();
  // --node-flags "…"：与 VS Code 扩展启动服务器时相同的 V8 选项（extension/src/tifaClient.ts 的 SERVER_NODE_FLAGS）
  const child = spawn(process.execPath, [...NODE_FLAGS, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map(); // version → resolve
  const receivedAt = new Map(); // version → time
  connection.onNotification('textDocument/publishDiagnostics', (p) => {
    if (p.uri !== uri) return;
    const now = performance.now();
    receivedAt.set(p.version, { at: now, count: p.diagnostics.length });
    const resolve = waiting.get(p.version);
    if (resolve) {
      waiting.delete(p.version);
      resolve({ at: now, count: p.diagnostics.length });
    }
  });
  connection.onNotification('window/logMessage', () => {});
  connection.onNotification('window/showMessage', (p) => console.error(`[服务器提示] ${p.message}`));
  connection.listen();
  const diagnosticsFor = (version) =>
    receivedAt.has(version) ? Promise.resolve(receivedAt.get(version)) : new Promise((resolve) => waiting.set(version, resolve));

  const settings = (debounceMs) => ({ tifa: { debounceMs } });
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).href,
    workspaceFolders: [{ uri: pathToFileURL(ROOT).href, name: 'tifa' }],
    // 推送诊断的客户端：这样才量得到“修改通知 → 发布”的时间
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown'] }, completion: {} }, workspace: {} },
    initializationOptions: settings(0),
  });
  const readyMs = performance.now() - started;
  await connection.sendNotification('initialized', {});

  // 打开：首次诊断（含词表编译与分词器加载）
  let doc = TextDocument.create(uri, 'markdown', 1, text);
  const openAt = performance.now();
  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const first = await diagnosticsFor(1);
  const firstDiagnosticsMs = first.at - openAt;

  // 单字编辑：在文中不同位置插入一个字、下一次删掉它，文档长度保持不变
  let editNo = 0;
  const oneEdit = async () => {
    editNo++;
    const version = doc.version + 1;
    const offset = Math.floor((editNo * 7919) % (doc.getText().length - 1)) + 1;
    const pos = doc.positionAt(offset);
    const change =
      editNo % 2 === 1
        ? { range: { start: pos, end: pos }, text: '的' }
        : { range: { start: doc.positionAt(lastInsert), end: doc.positionAt(lastInsert + 1) }, text: '' };
    if (editNo % 2 === 1) lastInsert = offset;
    doc = TextDocument.update(doc, [change], version);
    const sentAt = performance.now();
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
    return { sentAt, version };
  };
  let lastInsert = 0;
  const measureEdits = async (n) => {
    const times = [];
    for (let i = 0; i < n; i++) {
      const { sentAt, version } = await oneEdit();
      const got = await diagnosticsFor(version);
      times.push(got.at - sentAt);
    }
    return times;
  };

  await measureEdits(20); // 预热
  const edit0 = stats(await measureEdits(200));
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: settings(DEFAULT_DEBOUNCE) });
  await new Promise((r) => setTimeout(r, 300));
  const editDefault = stats(await measureEdits(40));
  await connection.sendNotification('workspace/didChangeConfiguration', { settings: settings(0) });
  await new Promise((r) => setTimeout(r, 100));

  // 悬停：落在文中术语上
  const hoverTimes = [];
  const textNow = () => doc.getText();
  const termPositions = [];
  for (const term of current) {
    let at = textNow().indexOf(term);
    while (at >= 0 && termPositions.length < SAMPLES * 4) {
      termPositions.push(at + 1);
      at = textNow().indexOf(term, at + 20_000);
    }
  }
  let hoverHits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const offset = termPositions[(i * 31) % termPositions.length];
    const t = performance.now();
    const hover = await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: doc.positionAt(offset) });
    hoverTimes.push(performance.now() - t);
    if (hover) hoverHits++;
  }

  // 补全：光标放在某个术语的前两个字之后（中文前缀），以及一段拼音首字母之后
  const completionTimes = [];
  let completionHits = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const offset = termPositions[(i * 17) % termPositions.length] + 1;
    const t = performance.now();
    const list = await connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: doc.positionAt(offset) });
    completionTimes.push(performance.now() - t);
    if (list?.items?.length) completionHits++;
  }

  // 1000 次编辑后的内存：编辑后等最新版本的诊断，再读 VmRSS
  for (let i = 0; i < EDITS; i++) {
    const { version } = await oneEdit();
    if (i % 25 === 24 || i === EDITS - 1) await diagnosticsFor(version);
  }
  await diagnosticsFor(doc.version);
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;

  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();

  const hover = stats(hoverTimes);
  const completion = stats(completionTimes);
  const result = {
    document: { chars: text.length, lines: doc.lineCount, diagnostics: first.count, glossaryTerms: counts },
    readyMs,
    firstDiagnosticsMs,
    editToDiagnostics: { debounce0: edit0, [`debounce${DEFAULT_DEBOUNCE}`]: editDefault },
    hover: { ...hover, hits: hoverHits },
    completion: { ...completion, hits: completionHits },
    rssMbAfterEdits: { edits: EDITS + 260, rssMb },
  };
  if (args.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const mark = (ok) => (ok ? '✓' : '✗');
  const mode = args.includes('--no-segmenter') ? '，无分词器' : '';
  console.log(`tifa 语言服务器延迟（${text.length} 字，${doc.lineCount} 行，打开时 ${first.count} 条诊断${mode}；负载 ${os.loadavg()[0].toFixed(1)}/${os.cpus().length} 核）`);
  console.log(`  启动 → 就绪（initialize 结果）  ${fmt(readyMs)}  ${mark(readyMs <= TARGETS.readyMs)} ≤ ${TARGETS.readyMs} ms`);
  console.log(`  打开 → 首次诊断（含词表与分词器加载） ${fmt(firstDiagnosticsMs)}`);
  console.log(`  编辑 → 诊断，防抖 0           p50 ${fmt(edit0.p50)}  p95 ${fmt(edit0.p95)}  ${mark(edit0.p95 <= TARGETS.editP95)} ≤ ${TARGETS.editP95} ms`);
  console.log(
    `  编辑 → 诊断，防抖 ${DEFAULT_DEBOUNCE} ms      p50 ${fmt(editDefault.p50)}  p95 ${fmt(editDefault.p95)}  ${mark(editDefault.p95 <= TARGETS.editP95 + DEFAULT_DEBOUNCE)} ≤ ${TARGETS.editP95 + DEFAULT_DEBOUNCE} ms`,
  );
  console.log(`  悬停                          p50 ${fmt(hover.p50)}  p95 ${fmt(hover.p95)}  ${mark(hover.p95 <= TARGETS.hoverP95)} ≤ ${TARGETS.hoverP95} ms（${hoverHits}/${SAMPLES} 有结果）`);
  console.log(
    `  补全                          p50 ${fmt(completion.p50)}  p95 ${fmt(completion.p95)}  ${mark(completion.p95 <= TARGETS.completionP95)} ≤ ${TARGETS.completionP95} ms（${completionHits}/${SAMPLES} 有候选）`,
  );
  console.log(`  ${EDITS + 260} 次编辑后 RSS            ${rssMb.toFixed(1)} MB  ${mark(rssMb <= TARGETS.rssMb)} ≤ ${TARGETS.rssMb} MB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
