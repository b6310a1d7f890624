// 标准输出是文件或管道时，命令行直接写文件描述符（packages/cli/src/terminal/direct-stdio.ts）：
// 写到文件的内容与写到管道的逐字相同；读的一方提前关闭管道（| head）时安静退出，不报内部错误。
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, ensureBuilt, makeTree, tifa } from './helpers';

beforeAll(() => ensureBuilt());

const LINE = '我校是一所高职高专院校，学院深入实施职业教育提质培优行动计划。\n';

describe('stdout written straight to the file descriptor', () => {
  it('gives the same bytes to a file as to a pipe', async () => {
    const root = makeTree({ 'a.md': LINE.repeat(200) });
    const piped = await tifa(['lint', '--format', 'json', 'a.md'], { cwd: root });
    const outFile = path.join(root, 'out.json');
    const fd = fs.openSync(outFile, 'w');
    const status = await new Promise<number | null>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'lint', '--format', 'json', 'a.md'], { cwd: root, stdio: ['ignore', fd, 'ignore'] });
      child.on('error', reject);
      child.on('close', resolve);
    });
    fs.closeSync(fd);
    expect(status).toBe(piped.status);
    expect(fs.readFileSync(outFile, 'utf8')).toBe(piped.stdout);
    expect(JSON.parse(piped.stdout)[0].messages.length).toBe(400);
  });

  it('exits quietly when the reader closes the pipe early', async () => {
    const root = makeTree({ 'a.md': LINE.repeat(20000) });
    const result = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, 'lint', 'a.md'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (b: Buffer) => (stderr += b.toString('utf8')));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (status) => resolve({ status, stderr }));
    });
    expect(result.stderr).not.toContain('内部错误');
    expect(result.stderr).not.toContain('EPIPE');
    expect(result.status).toBe(0);
  });
});
