// glob：* ? ** [abc] {a,b}。shell 未展开的参数（如 'docs/**/*.md'）由它处理。
// 用 picomatch 编译（连续的 ** 合并，匹配时间与路径长度成线性；自写的转换在 a/**/**/…/x 上是指数级的）。
import picomatch from 'picomatch';
import { CliError } from '../cli-error';

export function hasGlobChars(s: string): boolean {
  return /[*?[\]{}]/.test(s);
}

function reason(message: string): string {
  if (/Range out of order/i.test(message)) return '字符范围顺序颠倒（如 [z-a]）';
  if (/Unterminated group|Missing closing|Unterminated character class/i.test(message)) return '括号没有闭合（如 {a,b 或 [ab）';
  return message;
}

/** 把 glob 编译成匹配完整路径（正斜杠分隔）的正则；写法无效时抛 CliError（arg 为用户写的原样）。 */
export function globToRegExp(glob: string, arg: string = glob): RegExp {
  try {
    // debug：无效写法抛错而不是静默地什么都不匹配；noextglob：( ) 按普通字符
    return picomatch.makeRe(glob, { debug: true, noextglob: true, dot: true });
  } catch (err) {
    throw new CliError(`无效的 glob ${JSON.stringify(arg)}：${reason((err as Error).message)}`);
  }
}

/** glob 中第一个含通配符的路径段之前的目录（从这里开始遍历）。 */
export function globBase(glob: string): string {
  const segments = glob.split('/');
  const fixed: string[] = [];
  for (const seg of segments) {
    if (hasGlobChars(seg)) break;
    fixed.push(seg);
  }
  if (fixed.length === segments.length) fixed.pop();
  const base = fixed.join('/');
  return base === '' ? (glob.startsWith('/') ? '/' : '.') : base;
}
