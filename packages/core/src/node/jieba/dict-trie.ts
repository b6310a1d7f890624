// cppjieba DictTrie 的等价物：词 → 权重（log(词频/总词频)）。算法与浮点运算顺序照抄 cppjieba，保证与 nodejieba 同样的取舍。

/** cppjieba 的 MIN_DOUBLE：不可能的路径的权重。 */
export const MIN_DOUBLE = -3.14e100;

export interface DictTrie {
  /** 词 → 权重；前缀（不是词）→ null：查 DAG 时据此决定要不要继续往后看。 */
  readonly nodes: Map<string, number | null>;
  /** 主词典里最小的权重：词典里没有的单字按它计。 */
  readonly minWeight: number;
  /** 用户词典里的单字（MixSegment 不把它们交给 HMM）。 */
  readonly userSingles: Set<string>;
}

/**
 * 主词典每行“词 词频 词性”；用户词典每行“词 [词频] [词性]”。
 * 与 cppjieba 一致：总词频只算主词典；用户词在主词典之后插入，同名时覆盖；无词频的用户词取主词典权重的中位数。
 */
export function buildDictTrie(mainDict: string, userDict = ''): DictTrie {
  const words: string[] = [];
  const freqs: number[] = [];
  let sum = 0;
  for (const line of lines(mainDict)) {
    const a = line.indexOf(' ');
    const b = line.indexOf(' ', a + 1);
    if (a <= 0 || b < 0 || line.indexOf(' ', b + 1) >= 0) throw new Error(`jieba 词典行格式不对（应为“词 词频 词性”）：${line}`);
    const freq = Number.parseFloat(line.slice(a + 1, b));
    words.push(line.slice(0, a));
    freqs.push(freq);
    sum += freq;
  }
  if (words.length === 0) throw new Error('jieba 词典是空的');
  const weights = Float64Array.from(freqs, (f) => Math.log(f / sum));
  const sorted = weights.slice().sort();
  const minWeight = sorted[0]!;
  const median = sorted[sorted.length >> 1]!;

  const nodes = new Map<string, number | null>();
  const insert = (word: string, weight: number) => {
    // 每个码点边界上的前缀（跳过代理对的后半）
    for (let i = 1; i < word.length; i++) {
      const c = word.charCodeAt(i);
      if (c >= 0xdc00 && c <= 0xdfff) continue;
      const prefix = word.slice(0, i);
      if (!nodes.has(prefix)) nodes.set(prefix, null);
    }
    nodes.set(word, weight);
  };
  words.forEach((word, i) => insert(word, weights[i]!));

  const userSingles = new Set<string>();
  for (const line of lines(userDict)) {
    const cols = line.split(' ');
    const word = cols[0]!;
    // 三列时 cppjieba 用 atoi 取词频（整数），否则取中位数权重
    const weight = cols.length === 3 ? Math.log(Number.parseInt(cols[1]!, 10) / sum) : median;
    insert(word, weight);
    if (Array.from(word).length === 1) userSingles.add(word);
  }
  return { nodes, minWeight, userSingles };
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.length > 0);
}
