// cppjieba DictTrie 的等价物：词 → 权重（log(词频/总词频)）。算法与浮点运算顺序照抄 cppjieba，保证与 nodejieba 同样的取舍。

/** cppjieba 的 MIN_DOUBLE：不可能的路径的权重。 */
export const MIN_DOUBLE = -3.14e100;

/**
 * 字典树：边存在一个 Map 里，键是 父节点号 × 0x110000 + 码点（数字键，查找时不用拼字符串）；
 * weights[节点号] 是以该节点结尾的词的权重，不是词（只是前缀）时为 NaN。根节点号 0。
 */
export interface DictTrie {
  readonly edges: Map<number, number>;
  readonly weights: number[];
  /** 主词典里最小的权重：词典里没有的单字按它计。 */
  readonly minWeight: number;
  /** 用户词典里的单字（码点；MixSegment 不把它们交给 HMM）。 */
  readonly userSingles: Set<number>;
}

export const RUNES = 0x110000;

/** 词的权重；不是词时 undefined。 */
export function wordWeight(trie: DictTrie, word: string): number | undefined {
  let node = 0;
  for (const ch of word) {
    const next = trie.edges.get(node * RUNES + ch.codePointAt(0)!);
    if (next === undefined) return undefined;
    node = next;
  }
  const w = trie.weights[node]!;
  return Number.isNaN(w) ? undefined : w;
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

  const edges = new Map<number, number>();
  const nodeWeights: number[] = [NaN];
  const insert = (word: string, weight: number) => {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const cp = word.codePointAt(i)!;
      if (cp > 0xffff) i++;
      const key = node * RUNES + cp;
      let next = edges.get(key);
      if (next === undefined) {
        next = nodeWeights.length;
        nodeWeights.push(NaN);
        edges.set(key, next);
      }
      node = next;
    }
    // 同一个词再次插入（用户词）时覆盖，与 cppjieba 的字典树一致
    nodeWeights[node] = weight;
  };
  words.forEach((word, i) => insert(word, weights[i]!));

  const userSingles = new Set<number>();
  for (const line of lines(userDict)) {
    const cols = line.split(' ');
    const word = cols[0]!;
    // 三列时 cppjieba 用 atoi 取词频（整数），否则取中位数权重
    const weight = cols.length === 3 ? Math.log(Number.parseInt(cols[1]!, 10) / sum) : median;
    insert(word, weight);
    if (Array.from(word).length === 1) userSingles.add(word.codePointAt(0)!);
  }
  return { edges, weights: nodeWeights, minWeight, userSingles };
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.length > 0);
}
