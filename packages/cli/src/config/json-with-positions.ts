// 严格 JSON 解析，同时记下每个键和值在原文中的偏移，配置错误才能报到 file:line:col。

export type JsonPath = readonly (string | number)[];

export interface JsonLocation {
  /** 键的偏移（数组元素与根为值的偏移）。 */
  keyOffset: number;
  valueOffset: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown; locate(path: JsonPath): JsonLocation | undefined }
  | { ok: false; offset: number; message: string };

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJsonWithPositions(text: string): JsonParseResult {
  const locations = new Map<string, JsonLocation>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const fail = (message: string, at = i): never => {
    throw new JsonSyntaxError(message, at);
  };
  const skipWs = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
      else break;
    }
  };
  const describe = (at: number) => (at >= text.length ? '文件意外结束' : `意外的字符 ${JSON.stringify(text[at])}`);

  const parseString = (): string => {
    const start = i;
    i++; // 开头的引号
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return JSON.parse(text.slice(start, i)) as string;
      }
      if (c === '\\') i += 2;
      else if (c < ' ') fail('字符串中不能有换行或控制字符');
      else i++;
    }
    return fail('字符串没有结束', start);
  };

  const parseValue = (path: (string | number)[], keyOffset: number): unknown => {
    skipWs();
    const valueOffset = i;
    locations.set(JSON.stringify(path), { keyOffset, valueOffset });
    const c = text[i];
    if (c === '{') {
      i++;
      const obj: Record<string, unknown> = {};
      skipWs();
      if (text[i] === '}') {
        i++;
        return obj;
      }
      for (;;) {
        skipWs();
        if (text[i] !== '"') fail(`应为属性名（带双引号），却是${describe(i)}`);
        const keyAt = i;
        const key = parseString();
        skipWs();
        if (text[i] !== ':') fail(`属性名后应为冒号，却是${describe(i)}`);
        i++;
        obj[key] = parseValue([...path, key], keyAt);
        skipWs();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return obj;
        }
        fail(`应为逗号或 }，却是${describe(i)}`);
      }
    }
    if (c === '[') {
      i++;
      const arr: unknown[] = [];
      skipWs();
      if (text[i] === ']') {
        i++;
        return arr;
      }
      for (;;) {
        skipWs();
        arr.push(parseValue([...path, arr.length], i));
        skipWs();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return arr;
        }
        fail(`应为逗号或 ]，却是${describe(i)}`);
      }
    }
    if (c === '"') return parseString();
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!literal) return fail(`应为值，却是${describe(i)}`);
    i += literal[0].length;
    return JSON.parse(literal[0]);
  };

  try {
    const value = parseValue([], i);
    skipWs();
    if (i < text.length) fail(`值后面多出内容：${describe(i)}`);
    return { ok: true, value, locate: (path) => locations.get(JSON.stringify(path)) };
  } catch (err) {
    if (err instanceof JsonSyntaxError) return { ok: false, offset: err.offset, message: `JSON 语法错误：${err.message}` };
    throw err;
  }
}
