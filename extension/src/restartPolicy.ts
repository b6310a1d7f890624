// 服务器崩溃后的重启策略：时间窗内崩溃次数不超过上限就重启，超过就放弃并提示用户。
// 纯逻辑，时间由调用方传入，便于测试。

export interface CrashDecision {
  restart: boolean;
  /** 时间窗内（含这一次）的崩溃次数。 */
  crashes: number;
}

export class CrashWindow {
  private crashTimes: number[] = [];

  constructor(
    private readonly maxRestarts = 4,
    private readonly windowMs = 3 * 60 * 1000,
  ) {}

  record(now: number): CrashDecision {
    this.crashTimes = this.crashTimes.filter((time) => now - time < this.windowMs);
    this.crashTimes.push(now);
    return { restart: this.crashTimes.length <= this.maxRestarts, crashes: this.crashTimes.length };
  }

  /** 用户手动重启后重新计数。 */
  reset(): void {
    this.crashTimes = [];
  }
}
