// 用法、配置或词典错误：打印消息后以退出码 2 结束。
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 2) {
    super(message);
    this.name = 'CliError';
  }
}
