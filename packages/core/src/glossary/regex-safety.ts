// 词典里 /正则/ 写法的安全检查：只接受不会灾难性回溯的写法。
// 规则：不许反向引用与环视；被量词修饰的分组里不许再有量词（星高 ≤ 1）；长度有限。

export interface RegexCheck {
  ok: boolean;
  message?: string;
  regex?: RegExp;
}

const MAX_LENGTH = 200;

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
  let hasQuantifier = false;
  let hasAlt = false;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
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
    if (isQuant && !(c === '?' && source[i - 1] === '(')) hasQuantifier = true;
  }
  return { ok: true, regex };
}
