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
  let stderrReady = false;
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
  const stderr = () => {
    stderrReady = true;
    return process.stderr;
  };
  const ctx: CommandContext = {
    cwd: process.cwd(),
    stdout: directStdio(1, stdout, quit),
    stderr: directStdio(2, stderr, () => {}),
    env: process.env,
  };
  void run(process.argv.slice(2), ctx).then((code) => {
    process.exitCode = code;
    // 输出全是同步写的（没建过 Node 的流，没有待写的内容）：命令已做完，立即退出，不等事件循环排空
    // （V8 排在空闲时的一次新生代回收与随后的清理，一行文件的检查里约 4 ms）。用过流时照常等它写完。
    if (!stdoutReady && !stderrReady) process.exit(code);
  });
}

main();
