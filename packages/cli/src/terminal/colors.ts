// 终端着色：只在 TTY 上着色；NO_COLOR 关闭、FORCE_COLOR 强制（https://no-color.org 的约定），--no-color 优先。
export interface Colors {
  enabled: boolean;
  red(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  green(s: string): string;
  cyan(s: string): string;
  gray(s: string): string;
  bold(s: string): string;
  underline(s: string): string;
  inverse(s: string): string;
}

export function shouldUseColor(stream: { isTTY?: boolean }, flag: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  if (flag !== undefined) return flag;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

function wrap(enabled: boolean, open: number, close: number): (s: string) => string {
  return enabled ? (s) => `\u001b[${open}m${s}\u001b[${close}m` : (s) => s;
}

export function createColors(enabled: boolean): Colors {
  return {
    enabled,
    red: wrap(enabled, 31, 39),
    yellow: wrap(enabled, 33, 39),
    blue: wrap(enabled, 34, 39),
    green: wrap(enabled, 32, 39),
    cyan: wrap(enabled, 36, 39),
    gray: wrap(enabled, 90, 39),
    bold: wrap(enabled, 1, 22),
    underline: wrap(enabled, 4, 24),
    inverse: wrap(enabled, 7, 27),
  };
}
