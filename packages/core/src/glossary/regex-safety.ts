// 词典里 /正则/ 写法的安全检查：只接受不会灾难性回溯的写法。
// 规则：不许反向引用与环视；被量词修饰的分组里不许再有量词（星高 ≤ 1）；长度有限；
// 所有量词的“可选次数”之积有上限：.*.*.*Q、[^Q]*[^Q]*…、(?:.*)?(?:.*)?…、.{0,9000}×3 这类并列的宽量词
// 在不匹配时要试遍各种切分（次数是窗口长度的幂），一律拒绝。
// 运行时还限制正则看到的文本长度（regexWindow）：最坏情况也只是窗口长度乘以上限。

export interface RegexCheck {
  ok: boolean;
  message?: string;
  regex?: RegExp;
}

const MAX_LENGTH = 200;

/** 用户正则只在命中位置前后这么多个字符里运行。 */
export const REGEX_WINDOW = 500;
/** 无上界或上界很大的量词按这么多种次数计。 */
const WIDE = 2 * REGEX_WINDOW;
/** 各量词可选次数之积的上限：一个 .* 再加几个小范围量词可以，两个 .* 不行。 */
const MAX_COST = 8 * WIDE;

/** 用户正则运行的文本：超过窗口时只取命中位置 at 前后各 REGEX_WINDOW 个字符。 */
export function regexWindow(text: string, at: number): string {
  if (text.length <= 2 * REGEX_WINDOW) return text;
  const start = Math.max(0, Math.min(at - REGEX_WINDOW, text.length - 2 * REGEX_WINDOW));
  return text.slice(start, start + 2 * REGEX_WINDOW);
}

/** source[i] 是量词的开头时，返回它的可选次数与长度（含惰性的 ?）；否则 undefined。 */
function quantifierAt(source: string, i: number): { choices: number; length: number } | undefined {
  const c = source[i];
  let choices: number;
  let end = i + 1;
  if (c === '*' || c === '+') choices = WIDE;
  else if (c === '?') choices = 2;
  else if (c === '{') {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i));
    if (!m) return undefined;
    const lo = Number(m[1]);
    const hi = m[2] === undefined ? lo : m[3] === '' ? Infinity : Number(m[3]);
    choices = Math.min(WIDE, hi - lo + 1);
    end = i + m[0].length;
  } else return undefined;
  if (source[end] === '?') end++; // 惰性量词
  return { choices, length: end - i };
}

export function isRegexLiteral(s: string): boolean {
  return s.length >= 3 && s.startsWith('/') && s.endsWith('/');
}

export function checkRegex(source: string): RegexCheck {
  if (source.length > MAX_LENGTH) return { ok: false, message: `正则过长（${source.length} 字符，上限 ${MAX_LENGTH}）` };
  if (/\\[1-9]|\\k</.test(source)) return { ok: false, message: '正则不允许反向引用' };
  if (/\(\?<?[=!]/.test(source)) return { ok: false, message: '正则不允许环视（?= ?! ?<= ?<!）' };
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'u');
  } catch (e) {
    return { ok: false, message: `正则无效：${(e as Error).message}` };
  }
  // 扫描分组，记录每层分组内是否出现量词
  const stack: [boolean, boolean][] = [];
  let cost = 1;
  let hasQuantifier = false;
  let hasAlt = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      // \p{…} \u{…} 的花括号不是量词
      if (/[pPu]/.test(source[i + 1] ?? '') && source[i + 2] === '{') {
        const close = source.indexOf('}', i + 3);
        i = close < 0 ? i + 1 : close;
      } else i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      continue;
    }
    if (c === '(') {
      stack.push([hasQuantifier, hasAlt]);
      hasQuantifier = false;
      hasAlt = false;
      continue;
    }
    if (c === '|') hasAlt = true;
    const isQuant = c === '*' || c === '+' || c === '?' || c === '{';
    if (c === ')') {
      const inner = hasQuantifier;
      const innerAlt = hasAlt;
      [hasQuantifier, hasAlt] = stack.pop() ?? [false, false];
      const next = source[i + 1];
      const quantified = next === '*' || next === '+' || next === '{';
      if (quantified && inner) return { ok: false, message: '正则有嵌套量词（如 (a+)+），可能灾难性回溯' };
      if (quantified && innerAlt) return { ok: false, message: '正则在重复的分组里用了选择（如 (a|ab)*），可能灾难性回溯' };
      if (inner) hasQuantifier = true;
      continue;
    }
    if (isQuant && !(c === '?' && source[i - 1] === '(')) {
      hasQuantifier = true;
      const q = quantifierAt(source, i);
      if (q) {
        cost *= q.choices;
        i += q.length - 1;
      }
    }
  }
  // 分组后的量词在 ')' 处没有跳过，会在下一轮按普通量词计入
  if (cost > MAX_COST) return { ok: false, message: '正则里并列的宽量词（如 .*.*、[^Q]*[^Q]*、.{0,9000} 多次）太多，可能灾难性回溯' };
  return { ok: true, regex };
}
