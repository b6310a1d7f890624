// JSONC（注释、尾逗号）解析，用 jsonc-parser；记下每个键和值的偏移，配置错误才能报到 file:line:col。
// 另外拒绝三种 JSON.parse 会放过的情况：重复的键、__proto__/constructor/prototype 键（会绕过未知键检查），
// 以及过深的嵌套（jsonc-parser 递归解析，两万层会栈溢出）。
import { createScanner, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js'; // ESM 版：UMD 版的动态 require 打包后找不到

// jsonc-parser 的 SyntaxKind 是 const enum（isolatedModules 下不能引用），这里写出用到的值。
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

export type JsonPath = readonly (string | number)[];

export interface JsonLocation {
  /** 键的偏移（数组元素与根为值的偏移）。 */
  keyOffset: number;
  valueOffset: number;
}

export type JsonParseResult =
  | { ok: true; value: unknown; locate(path: JsonPath): JsonLocation | undefined }
  | { ok: false; offset: number; message: string };

/** 配置不需要更深的嵌套；超过就报错而不是交给递归解析器。 */
export const MAX_JSON_DEPTH = 64;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: '无效的符号',
  InvalidNumberFormat: '数字格式不对',
  PropertyNameExpected: '应为属性名（带双引号）',
  ValueExpected: '应为值',
  ColonExpected: '属性名后应为冒号',
  CommaExpected: '应为逗号',
  CloseBraceExpected: '应为 }',
  CloseBracketExpected: '应为 ]',
  EndOfFileExpected: '值后面多出内容',
  InvalidCommentToken: '注释不完整',
  UnexpectedEndOfComment: '注释没有结束',
  UnexpectedEndOfString: '字符串没有结束',
  UnexpectedEndOfNumber: '数字不完整',
  InvalidUnicode: '无效的 \\u 转义',
  InvalidEscapeCharacter: '无效的转义字符',
  InvalidCharacter: '字符串中不能有换行或控制字符',
};

function depthError(text: string): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let kind: number = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind === OPEN_BRACE || kind === OPEN_BRACKET) {
      if (++depth > MAX_JSON_DEPTH) return scanner.getTokenOffset();
    } else if (kind === CLOSE_BRACE || kind === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

class Reject extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJsonc(input: string): JsonParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? ` ${input.slice(1)}` : input; // BOM 换成空格，偏移不变
  const deep = depthError(text);
  if (deep !== undefined) return { ok: false, offset: deep, message: `JSON 嵌套超过 ${MAX_JSON_DEPTH} 层` };
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root) {
    const e = errors[0];
    const code = e ? printParseErrorCode(e.error) : 'ValueExpected';
    return { ok: false, offset: e?.offset ?? 0, message: `JSON 语法错误：${ERROR_TEXT[code] ?? code}` };
  }
  const locations = new Map<string, JsonLocation>();
  const convert = (node: Node, path: (string | number)[], keyOffset: number): unknown => {
    locations.set(JSON.stringify(path), { keyOffset, valueOffset: node.offset });
    if (node.type === 'object') {
      const obj: Record<string, unknown> = {};
      const seen = new Set<string>();
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        const key = keyNode.value as string;
        if (FORBIDDEN_KEYS.has(key)) throw new Reject(`不允许的键 ${key}`, keyNode.offset);
        if (seen.has(key)) throw new Reject(`重复的键 ${key}`, keyNode.offset);
        seen.add(key);
        obj[key] = valueNode ? convert(valueNode, [...path, key], keyNode.offset) : null;
      }
      return obj;
    }
    if (node.type === 'array') return (node.children ?? []).map((child, i) => convert(child, [...path, i], child.offset));
    return node.value;
  };
  try {
    const value = convert(root, [], root.offset);
    return { ok: true, value, locate: (path) => locations.get(JSON.stringify(path)) };
  } catch (err) {
    if (err instanceof Reject) return { ok: false, offset: err.offset, message: `JSON 错误：${err.message}` };
    throw err;
  }
}
