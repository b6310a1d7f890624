// 工作线程入口（打包为 dist/tifa-worker.js）：逐个处理主线程派来的文件，词表按词典组合缓存。
import { parentPort } from 'node:worker_threads';
import { processFile } from './process-file';
import type { FileReport, FileTask } from './types';

export interface WorkerRequest {
  id: number;
  task: FileTask;
}

export interface WorkerResponse {
  id: number;
  report: FileReport;
}

function failed(task: FileTask, err: unknown): FileReport {
  return {
    file: task.file,
    displayPath: task.displayPath,
    kind: 'plaintext',
    status: 'failed',
    notice: `检查时出错：${err instanceof Error ? err.message : String(err)}`,
    glossaryVersion: '',
    messages: [],
    fixedCount: 0,
    written: false,
  };
}

export function handle(task: FileTask): FileReport {
  try {
    return processFile(task);
  } catch (err) {
    return failed(task, err);
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  const res: WorkerResponse = { id: req.id, report: handle(req.task) };
  parentPort!.postMessage(res);
});
