// cppjieba DictTrie 的等价物：词 → 权重（log(词频/总词频)）。算法与浮点运算顺序照抄 cppjieba，保证与 nodejieba 同样的取舍。
// 字典树存成几个类型化数组（见 DictTrie），可以原样写进缓存、读回来不用重建（trie-snapshot.ts）。

/** cppjieba 的 MIN_DOUBLE：不可能的路径的权重。 */
export const MIN_DOUBLE = -3.14e100;

/**
 * 字典树，根节点号 0。节点 n 的子节点是 childCp/childNode 的 [childStart[n], childStart[n+1]) 一段，按码点升序；
 * 根的基本平面子节点另有直查表 rootChild（码点 → 节点号，0 表示没有）：几乎每个字都从根查起。
 * weights[节点号] 是以该节点结尾的词的权重，不是词（只是前缀）时为 NaN。
 */
export interface DictTrie {
  readonly rootChild: Int32Array;
  readonly childStart: Int32Array;
  readonly childCp: Int32Array;
  readonly childNode: Int32Array;
  readonly weights: Float64Array;
  /** 主词典里最小的权重：词典里没有的单字按它计。 */
  readonly minWeight: number;
  /** 用户词典里的单字（码点；MixSegment 不把它们交给 HMM）。 */
  readonly userSingles: ReadonlySet<number>;
}

/** 节点 node 经码点 cp 到达的子节点；没有时 0。 */
export function childOf(trie: DictTrie, node: number, cp: number): number {
  if (node === 0 && cp < 0x10000) return trie.rootChild[cp]!;
  let lo = trie.childStart[node]!;
  let hi = trie.childStart[node + 1]!;
  const cps = trie.childCp;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c = cps[mid]!;
    if (c === cp) return trie.childNode[mid]!;
    if (c < cp) lo = mid + 1;
    else hi = mid;
  }
  return 0;
}

/** 词的权重；不是词时 undefined。 */
export function wordWeight(trie: DictTrie, word: string): number | undefined {
  let node = 0;
  for (const ch of word) {
    node = childOf(trie, node, ch.codePointAt(0)!);
    if (node === 0) return undefined;
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

  // 先用 Map 建（边的键：父节点号 × 0x110000 + 码点），再压成数组
  const RUNES = 0x110000;
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
  return compact(edges, RUNES, Float64Array.from(nodeWeights), minWeight, userSingles);
}

function compact(edges: Map<number, number>, runes: number, weights: Float64Array, minWeight: number, userSingles: Set<number>): DictTrie {
  const nodes = weights.length;
  const triples: number[][] = [];
  for (const [key, child] of edges) triples.push([Math.floor(key / runes), key % runes, child]);
  triples.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
  const childStart = new Int32Array(nodes + 1);
  const childCp = new Int32Array(triples.length);
  const childNode = new Int32Array(triples.length);
  const rootChild = new Int32Array(0x10000);
  triples.forEach(([parent, cp, child], i) => {
    childStart[parent! + 1] = childStart[parent! + 1]! + 1;
    childCp[i] = cp!;
    childNode[i] = child!;
    if (parent === 0 && cp! < 0x10000) rootChild[cp!] = child!;
  });
  for (let n = 0; n < nodes; n++) childStart[n + 1] = childStart[n + 1]! + childStart[n]!;
  return { rootChild, childStart, childCp, childNode, weights, minWeight, userSingles };
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l)).filter((l) => l.length > 0);
}
