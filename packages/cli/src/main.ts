// tifa 命令行入口：分派子命令，统一处理错误与退出码（0 无问题，1 有问题，2 用法/配置/词典错误）。
import { loadGlossary } from '@tifa/core/node';
import { CliError } from './cli-error';
import { didYouMean } from './config/did-you-mean';
import type { CommandContext } from './commands/context';
import { dictCommand } from './commands/dict';
import { explainCommand } from './commands/explain';
import { extractCommand } from './commands/extract';
import { MAIN_HELP } from './commands/help-text';
import { lintCommand } from './commands/lint';
import { TIFA_VERSION } from './version';
import { directStdio } from './terminal/direct-stdio';

type Command = (args: string[], ctx: CommandContext) => Promise<number>;

const COMMANDS: Record<string, Command> = {
  lint: lintCommand,
  explain: explainCommand,
  dict: dictCommand,
  extract: extractCommand,
};

function version(ctx: CommandContext): number {
  const { glossary, diagnostics } = loadGlossary();
  const ok = !diagnostics.some((d) => d.severity === 'error');
  ctx.stdout.write(`tifa ${TIFA_VERSION}\n内置词表 ${ok ? `${glossary.version}（${glossary.entries.length} 个词条）` : '加载失败（运行 tifa dict check 查看）'}\n`);
  return 0;
}

export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === 'help' && rest.length > 0) {
      // tifa help <命令> 等同 tifa <命令> --help
      const target = COMMANDS[rest[0]];
      if (!target) {
        const hint = didYouMean(rest[0], Object.keys(COMMANDS));
        throw new CliError(`未知命令 ${rest[0]}${hint ? `，是否想写 ${hint}？` : ''}（可用：${Object.keys(COMMANDS).join('、')}）`);
      }
      return await target([...rest.slice(1), '--help'], ctx);
    }
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      ctx.stdout.write(MAIN_HELP);
      return 0;
    }
    if (command === '-v' || command === '--version' || command === 'version') return version(ctx);
    const handler = COMMANDS[command];
    if (!handler) {
      const hint = didYouMean(command, Object.keys(COMMANDS));
      throw new CliError(`未知命令 ${command}${hint ? `，是否想写 ${hint}？` : ''}（运行 tifa --help 查看所有命令）`);
    }
    return await handler(rest, ctx);
  } catch (err) {
    if (err instanceof CliError) {
      ctx.stderr.write(`${err.message}\n`);
      return err.exitCode;
    }
    ctx.stderr.write(`tifa 内部错误：${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 2;
  }
}

function main(): void {
  // 管道提前关闭（如 | head）时安静退出
  const quit = () => process.exit(process.exitCode ?? 0);
  let stdoutReady = false;
  const stdout = () => {
    if (!stdoutReady) {
      stdoutReady = true;
      process.stdout.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code === 'EPIPE') quit();
        throw err;
      });
    }
    return process.stdout;
  };
  const ctx: CommandContext = {
    cwd: process.cwd(),
    stdout: directStdio(1, stdout, quit),
    stderr: directStdio(2, () => process.stderr, () => {}),
    env: process.env,
  };
  void run(process.argv.slice(2), ctx).then((code) => {
    process.exitCode = code;
  });
}

main();
