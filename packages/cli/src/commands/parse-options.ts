// node:util parseArgs 的薄封装：把英文的参数错误翻成中文、给出拼写建议，统一以退出码 2 结束。
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from '../cli-error';
import { didYouMean } from '../config/did-you-mean';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseOptions<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as Error & { code?: string };
    const name = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
    let message: string;
    if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      const hint = name.startsWith('--') ? didYouMean(name.slice(2), Object.keys(options)) : undefined;
      message = `未知选项 ${name}${hint ? `，是否想写 --${hint}？` : ''}`;
    } else if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      message = /argument missing/.test(e.message) ? `选项 ${name} 需要一个值` : `选项 ${name} 不接受值`;
    } else {
      message = e.message;
    }
    throw new CliError(`${message}（运行 tifa ${command} --help 查看用法）`);
  }
}

/** 非负整数选项。 */
export function parseCount(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new CliError(`选项 --${name} 应为非负整数，却是 ${JSON.stringify(value)}`);
  return Number(value);
}
