// 流式 JSON：与 JSON.stringify(value, null, 2) 逐字相同，但按段产出。
// 几十万条结果的 SARIF/JSON 超过 JS 字符串的上限（约 512 MB），一次拼成字符串会 RangeError。
// 小的子树（一条结果）整个交给 JSON.stringify 再缩进，只有大的容器逐项展开：又快又不会过大。

/** 子树的节点数不超过它就整体序列化。 */
const SMALL_NODES = 4096;

function isSmall(value: unknown): boolean {
  let budget = SMALL_NODES;
  const stack: unknown[] = [value];
  while (stack.length) {
    const v = stack.pop();
    if (--budget < 0) return false;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) for (const x of v) stack.push(x);
    else for (const k in v as Record<string, unknown>) stack.push((v as Record<string, unknown>)[k]);
  }
  return true;
}

export function* jsonChunks(value: unknown, indent = ''): Generator<string> {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function' || isSmall(value)) {
    const s = JSON.stringify(value, null, 2) ?? 'null';
    yield indent ? s.replace(/\n/g, '\n' + indent) : s;
    return;
  }
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) {
      yield '[]';
      return;
    }
    yield '[\n';
    for (let i = 0; i < value.length; i++) {
      yield inner;
      const v = value[i];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') yield 'null';
      else yield* jsonChunks(v, inner);
      yield i < value.length - 1 ? ',\n' : '\n';
    }
    yield indent + ']';
    return;
  }
  const keys = Object.keys(value).filter((k) => {
    const v = (value as Record<string, unknown>)[k];
    return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
  });
  if (keys.length === 0) {
    yield '{}';
    return;
  }
  yield '{\n';
  for (let i = 0; i < keys.length; i++) {
    yield `${inner}${JSON.stringify(keys[i])}: `;
    yield* jsonChunks((value as Record<string, unknown>)[keys[i]], inner);
    yield i < keys.length - 1 ? ',\n' : '\n';
  }
  yield indent + '}';
}

/** 把小段攒成约 1 MB 的块写出，遵守背压（管道慢时等 drain）。字节块（各文件自己编码的 diff）原样写出。 */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string | Uint8Array>): Promise<void> {
  let buf: string[] = [];
  let size = 0;
  const put = async (data: string | Uint8Array) => {
    if (!stream.write(data)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  const flush = async () => {
    if (size === 0) return;
    const text = buf.join('');
    buf = [];
    size = 0;
    await put(text);
  };
  for (const c of chunks) {
    if (typeof c !== 'string') {
      await flush();
      if (c.length) await put(c);
      continue;
    }
    buf.push(c);
    size += c.length;
    if (size >= 1 << 20) await flush();
  }
  await flush();
}
