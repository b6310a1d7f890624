// 每个请求处理器都经这里：取消则回 RequestCancelled，出错则记日志（带上下文）并回退值，绝不让服务器崩溃。
import { type CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function formatError(message: string, err: unknown): string {
  if (err instanceof Error) return `${message}: ${err.message}\n${err.stack ?? ''}`;
  return `${message}: ${String(err)}`;
}

function cancelled(): ResponseError<never> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

/** 同步处理器：放到下一轮事件循环再跑，让已到达的取消通知先生效。 */
export function runSafe<T>(
  log: Logger,
  func: () => T,
  fallback: T,
  context: string,
  token: CancellationToken,
): Promise<T | ResponseError<never>> {
  return new Promise((resolve) => {
    setImmediate(() => {
      if (token.isCancellationRequested) return resolve(cancelled());
      try {
        const result = func();
        resolve(token.isCancellationRequested ? cancelled() : result);
      } catch (err) {
        log.error(formatError(context, err));
        resolve(fallback);
      }
    });
  });
}

/** 异步处理器（要先取设置等）。 */
export async function runSafeAsync<T>(
  log: Logger,
  func: () => Promise<T>,
  fallback: T,
  context: string,
  token: CancellationToken,
): Promise<T | ResponseError<never>> {
  await new Promise((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) return cancelled();
  try {
    const result = await func();
    return token.isCancellationRequested ? cancelled() : result;
  } catch (err) {
    log.error(formatError(context, err));
    return fallback;
  }
}

/** 通知处理器没有回应值：只保证异常不外泄。 */
export function runSafeNotification(log: Logger, func: () => unknown, context: string): void {
  try {
    const result = func();
    if (result instanceof Promise) result.catch((err: unknown) => log.error(formatError(context, err)));
  } catch (err) {
    log.error(formatError(context, err));
  }
}
