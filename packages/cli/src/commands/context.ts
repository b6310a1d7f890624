// 命令运行环境：当前目录、输出流、颜色。测试和主入口都通过它，命令本身不直接碰 process。
import { createColors, shouldUseColor, type Colors } from '../terminal/colors';

export interface CommandContext {
  cwd: string;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
  env: NodeJS.ProcessEnv;
  /** --stdin 的来源；缺省为 process.stdin。 */
  stdin?: NodeJS.ReadableStream;
}

export function colorsFor(ctx: CommandContext, stream: NodeJS.WriteStream, values: { color?: boolean; 'no-color'?: boolean }): Colors {
  const flag = values['no-color'] ? false : values.color ? true : undefined;
  return createColors(shouldUseColor(stream, flag, ctx.env));
}
