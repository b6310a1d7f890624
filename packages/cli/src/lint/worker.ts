// 工作线程入口（打包为 dist/tifa-worker.js）：逐个处理主线程派来的文件，词表按词典组合缓存。
import { parentPort } from 'node:worker_threads';
import { processFileSafely } from './process-file';
import type { FileReport, FileTask } from './types';

export interface WorkerRequest {
  id: number;
  task: FileTask;
}

export interface WorkerResponse {
  id: number;
  report: FileReport;
}

parentPort?.on('message', (req: WorkerRequest) => {
  const res: WorkerResponse = { id: req.id, report: processFileSafely(req.task) };
  parentPort!.postMessage(res);
});
