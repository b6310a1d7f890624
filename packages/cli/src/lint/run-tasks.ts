// 调度：主线程先自己检查；跑了一会儿后估算剩余时间，远大于一个新线程的预热（加载词表与 jieba 约 2–4 秒）时，
// 才开 worker_threads 帮忙（每个线程只加载一次词表），主线程继续参与。文件少、总量小、机器已满载时不开线程。
// 不提前开线程的原因：线程在原生代码里加载 jieba 时无法中止，进程退出要等它加载完。
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { processFileSafely } from './process-file';
import type { FileReport, FileTask } from './types';
import type { WorkerRequest, WorkerResponse } from './worker';

/** 主线程至少跑这么久再估算。 */
const SAMPLE_MS = 1000;
/** 剩余时间超过预热时间的这么多倍才开线程。 */
const WORTH_FACTOR = 2;
/** 少于这么多文件不开线程（每个线程至少分到几个文件）。 */
const MIN_FILES = 8;

function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/** 还空着的核：总核数减去 1 分钟平均负载（负载里已含本进程），最多 cores-1 个帮手。 */
function idleHelpers(): number {
  const n = cores();
  const idle = Math.floor(n - os.loadavg()[0] + 0.5);
  return Math.max(0, Math.min(n - 1, idle));
}

export interface SchedulerOptions {
  /** TIFA_WORKERS：'0' 不开线程；'N' 一开始就开 N 个（测试与调优用）。缺省自动。 */
  forcedWorkers?: number;
  /** 主线程加载词表等预热花的时间（估算新线程的预热）。 */
  warmupMs: number;
  onProgress?: (done: number) => void;
}

function maxForcedWorkers(): number {
  return Math.min(64, 2 * cores());
}

export function forcedWorkersFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const v = env.TIFA_WORKERS;
  // 上限：核数的两倍（至多 64）；再多只会耗尽内存（每个线程各载一份词表与 jieba）
  return v !== undefined && /^\d+$/.test(v) ? Math.min(Number(v), maxForcedWorkers()) : undefined;
}

export async function runTasks(tasks: FileTask[], options: SchedulerOptions): Promise<FileReport[]> {
  const onProgress = options.onProgress ?? (() => {});
  const reports: (FileReport | undefined)[] = new Array(tasks.length);
  const retry: number[] = [];
  let next = 0;
  let done = 0;
  let wake: (() => void) | undefined;
  const workers: Worker[] = [];
  const totalBytes = tasks.reduce((n, t) => n + t.bytes, 0);

  const finish = (id: number, report: FileReport) => {
    if (reports[id]) return;
    reports[id] = report;
    onProgress(++done);
    wake?.();
  };

  const startWorker = () => {
    // 用到线程时才载入 worker_threads：一行文件的检查不付这几毫秒
    const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
    const worker = new Worker(path.join(__dirname, 'tifa-worker.js'));
    workers.push(worker);
    let inFlight: number | undefined;
    const feed = () => {
      inFlight = retry.length ? retry.shift() : next < tasks.length ? next++ : undefined;
      if (inFlight === undefined) {
        void worker.terminate();
        return;
      }
      const req: WorkerRequest = { id: inFlight, task: tasks[inFlight] };
      worker.postMessage(req);
    };
    worker.on('message', (res: WorkerResponse) => {
      finish(res.id, res.report);
      feed();
    });
    // 线程意外退出：它手上的文件交回主线程
    const lost = () => {
      if (inFlight !== undefined && !reports[inFlight]) retry.push(inFlight);
      inFlight = undefined;
      wake?.();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    feed();
  };

  const forced = options.forcedWorkers;
  const helpers = Math.max(0, cores() - 1);
  if (forced !== undefined && forced > 0) for (let i = 0; i < Math.min(forced, tasks.length); i++) startWorker();
  let decided = forced !== undefined || helpers === 0 || tasks.length < MIN_FILES;

  const started = Date.now();
  let doneBytes = 0;
  for (;;) {
    const id = retry.length ? retry.shift()! : next < tasks.length ? next++ : undefined;
    if (id === undefined) break;
    finish(id, processFileSafely(tasks[id]));
    doneBytes += tasks[id].bytes;
    const elapsed = Date.now() - started;
    if (!decided && elapsed >= SAMPLE_MS && doneBytes > 0) {
      decided = true;
      const remainingMs = ((totalBytes - doneBytes) / doneBytes) * elapsed;
      const remainingFiles = tasks.length - next;
      const available = Math.min(helpers, idleHelpers());
      if (available > 0 && remainingMs > WORTH_FACTOR * Math.max(options.warmupMs, 1500) && remainingFiles >= 2 * available) {
        for (let i = 0; i < available; i++) startWorker();
      }
    }
    // 让线程的消息有机会被处理
    if (workers.length) await new Promise((resolve) => setImmediate(resolve));
  }
  // 等线程手上的文件；线程退出时交回的文件由主线程补做
  while (done < tasks.length) {
    const id = retry.shift();
    if (id !== undefined) {
      finish(id, processFileSafely(tasks[id]));
      continue;
    }
    await new Promise<void>((resolve) => (wake = resolve));
    wake = undefined;
  }
  for (const w of workers) void w.terminate();
  return reports as FileReport[];
}
