// 调度：文件多时分给 worker_threads 池（每个线程只加载一次词表），文件少时在主线程里做，省去线程启动与词表重复加载。
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { processFile } from './process-file';
import type { FileReport, FileTask } from './types';
import type { WorkerRequest, WorkerResponse } from './worker';

/** 少于这么多文件时不开线程。 */
const MIN_FILES_FOR_POOL = 24;

export function plannedWorkers(taskCount: number, env: NodeJS.ProcessEnv = process.env): number {
  const forced = env.TIFA_WORKERS;
  if (forced !== undefined && /^\d+$/.test(forced)) return Math.min(Number(forced), taskCount);
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (cores < 2 || taskCount < MIN_FILES_FOR_POOL) return 0;
  return Math.min(cores, Math.ceil(taskCount / 8));
}

function inMainThread(tasks: FileTask[], onDone: (n: number) => void): FileReport[] {
  return tasks.map((task, i) => {
    const report = processFile(task);
    onDone(i + 1);
    return report;
  });
}

export async function runTasks(tasks: FileTask[], onProgress: (done: number) => void = () => {}): Promise<FileReport[]> {
  const workerCount = plannedWorkers(tasks.length);
  if (workerCount === 0) return inMainThread(tasks, onProgress);

  const reports: (FileReport | undefined)[] = new Array(tasks.length);
  let next = 0;
  let done = 0;
  const script = path.join(__dirname, 'tifa-worker.js');

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(script);
      const feed = () => {
        if (next >= tasks.length) {
          void worker.terminate();
          resolve();
          return;
        }
        const id = next++;
        const req: WorkerRequest = { id, task: tasks[id] };
        worker.postMessage(req);
      };
      worker.on('message', (res: WorkerResponse) => {
        reports[res.id] = res.report;
        onProgress(++done);
        feed();
      });
      // 线程意外退出：它手上的文件留给主线程补做
      worker.on('error', () => resolve());
      worker.on('exit', () => resolve());
      feed();
    });

  await Promise.all(Array.from({ length: workerCount }, runWorker));
  for (let i = 0; i < tasks.length; i++) {
    if (!reports[i]) {
      reports[i] = processFile(tasks[i]);
      onProgress(++done);
    }
  }
  return reports as FileReport[];
}
