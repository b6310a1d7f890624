// 每个命中的工作量有上界：长段落、没有标点的长句不能让检查变成平方级（issue 16）。
// 通过真正的 tifa 进程：十倍的输入必须在十倍的时间之内跑完（线性时约 3—9 倍：进程启动与词典载入是固定开销；
// 平方级时约 100 倍，旧代码 40,000 行不空行的纯文本要几分钟）。超过上界的运行直接杀掉、判失败。
import { spawn } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, makeTree } from './helpers';

interface Timed {
  ms: number;
  status: number | null;
  findings: number;
  killed: boolean;
}

function timedLint(file: string, cwd: string, timeoutMs: number): Promise<Timed> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, 'lint', '--format', 'json', file], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.resume();
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      const ms = performance.now() - started;
      let findings = -1;
      if (!killed) findings = (JSON.parse(Buffer.concat(out).toString('utf8')) as { messages: unknown[] }[]).reduce((n, r) => n + r.messages.length, 0);
      resolve({ ms, status, findings, killed });
    });
  });
}

/** 小输入与十倍的大输入各跑一次；大输入的时限 = 10 × 小输入用时 + 5 s。 */
async function expectLinear(small: string, large: string, ext: string): Promise<{ a: Timed; b: Timed }> {
  const dir = makeTree({ [`small.${ext}`]: small, [`large.${ext}`]: large });
  const a = await timedLint(path.join(dir, `small.${ext}`), dir, 120_000);
  expect(a.killed).toBe(false);
  const limit = 10 * a.ms + 5_000;
  const b = await timedLint(path.join(dir, `large.${ext}`), dir, limit);
  expect(b.killed, `大输入超过 ${Math.round(limit)} ms 被终止（小输入 ${Math.round(a.ms)} ms）`).toBe(false);
  expect(b.ms).toBeLessThan(limit);
  return { a, b };
}

describe('per-hit work is bounded: time grows linearly with the input', () => {
  beforeAll(() => ensureBuilt());

  it('40,000 list lines without blank lines between them (plain text: one paragraph)', async () => {
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. 某某职业技术学院（高职高专）\n`).join('');
    const { a, b } = await expectLinear(lines(4_000), lines(40_000), 'txt');
    // 每行一个“高职高专”：发现随行数增长，检查没有被跳过
    expect(a.findings).toBe(4_000);
    expect(b.findings).toBe(40_000);
  }, 300_000);

  it('a 3 MB sentence without punctuation', async () => {
    const unit = '我校深化产教融合推进高职高专建设职业教育';
    const text = (chars: number) => unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
    const big = text(1_000_000);
    expect(Buffer.byteLength(big)).toBe(3_000_000);
    const { a, b } = await expectLinear(text(100_000), big, 'md');
    expect(a.findings).toBeGreaterThan(0);
    expect(b.findings).toBeGreaterThan(a.findings);
  }, 300_000);
});

