// 端到端测试的共用部分：在临时目录里搭文件树，以子进程运行真正的 tifa 可执行文件。
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = path.join(ROOT, 'packages/cli/bin/tifa.js');
const BUNDLE = path.join(ROOT, 'packages/cli/dist/tifa.js');

/** 单独运行这些测试时（没跑过 npm run build）先打包一次。 */
export function ensureBuilt(): void {
  if (!fs.existsSync(BUNDLE) || !fs.existsSync(path.join(ROOT, 'packages/cli/dist/tifa-worker.js'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'ignore' });
  }
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd: string;
  env?: Record<string, string | undefined>;
}

/**
 * 运行 tifa（异步子进程：同步等待会卡住 vitest 的线程通信）。
 * 环境里去掉会影响输出的颜色与线程变量，需要时由测试显式给出。
 */
export function tifa(args: string[], options: RunOptions): Promise<RunResult> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  delete env.TIFA_WORKERS;
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

const created: string[] = [];
afterAll(() => {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** 在临时目录里写一棵文件树，返回根目录（测试文件结束时删除）。 */
export function makeTree(files: Record<string, string | Uint8Array>): string {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-e2e-')));
  created.push(root);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
  return root;
}

/** 测试用词典：两个虚构词条，避免依赖默认词表的具体内容。 */
export const TEST_DICTIONARY = `# yaml-language-server: $schema=${path.join(ROOT, 'dictionaries/schema.json')}
meta:
  name: 命令行测试词典
  version: 9.9.9-test
entries:
  - id: qinglan-gongcheng-xuetang
    term: 青蓝工程学堂
    variants: [青蓝学堂]
    definition: 测试用的虚构旧称，已由青蓝技能学院取代。
    category: 测试
    status: outdated
    replacement: { terms: [青蓝技能学院], id: qinglan-jineng-xueyuan }
    reason: 测试用的虚构更名
    until: 2020-01-01
    sources:
      - title: 测试用虚构文件
        issuer: 测试机关
        date: 2020-01-01
        quote: 青蓝工程学堂更名为青蓝技能学院
    examples:
      flag: [本市的青蓝工程学堂今年招生五百人。]
      pass: [本市的青蓝技能学院今年招生五百人。]
  - id: qinglan-jineng-xueyuan
    term: 青蓝技能学院
    discouraged: [青兰技能学院]
    definition: 测试用的虚构机构名称。
    category: 测试
    status: current
    since: 2020-01-01
    sources:
      - title: 测试用虚构文件
        issuer: 测试机关
        date: 2020-01-01
        quote: 青蓝工程学堂更名为青蓝技能学院
    examples:
      flag: [青兰技能学院开设了三个专业。]
      pass: [青蓝技能学院开设了三个专业。]
`;

export const OLD = '青蓝工程学堂';
export const OLD_SHORT = '青蓝学堂';
export const NEW = '青蓝技能学院';
export const MISSPELT = '青兰技能学院';

/** 带测试词典的配置文件。 */
export function testConfig(extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ dictionaries: ['test-dict.yaml'], ...extra }, null, 2);
}

export interface JsonMessage {
  ruleId: string;
  termId: string;
  severity: number;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  offset: number;
  length: number;
  matched: string;
  /** tifa 的建议写法。 */
  replacements: string[];
  /** ESLint 形状的建议修复。 */
  suggestions: { desc: string; fix: { range: [number, number]; text: string } }[];
  paragraph?: { index: number; part: string; sentence: string };
}

export interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  warningCount: number;
  tifa: { version: string; glossaryVersion: string; encoding?: string; kind: string };
}

/** 1 起算的行列（UTF-16），按搜索文本定位，不手写。 */
export function positionOf(text: string, needle: string, from = 0): { line: number; column: number; offset: number } {
  const offset = text.indexOf(needle, from);
  if (offset < 0) throw new Error(`找不到 ${needle}`);
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1, offset };
}
