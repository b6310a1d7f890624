// 字符级 Aho-Corasick 自动机：编译一次，扫描时间与文本长度成线性，与词条数无关。
// 全部放在类型化数组里：根节点用 65536 长的数组直接跳转（正文里绝大多数字符停在根上），其余的边放在一张
// 开放寻址的散列表里（键是 状态×字符）。每个状态一个 Map 的写法在词表编译（启动）与扫描里都慢，还多占内存。

export interface AcMatch {
  pattern: number;
  /** 命中在文本中的结束位置（不含）。 */
  end: number;
}

const EMPTY = -1;

/** 编译好的自动机的全部状态（存进快照，下次启动直接用，不再建树）。 */
export interface AhoCorasickParts {
  lengths: number[];
  states: number;
  mask: number;
  arrays: Record<(typeof ARRAY_FIELDS)[number], Int32Array | Uint8Array>;
}

const ARRAY_FIELDS = ['rootNext', 'inAlphabet', 'keyState', 'keyChar', 'value', 'soleChar', 'soleNext', 'childCount', 'fails', 'outStart', 'outPatterns', 'outLink'] as const;

export class AhoCorasick {
  private readonly rootNext = new Int32Array(0x10000).fill(-1);
  /** 出现在任何模式里的字符；其余字符一定把状态打回根。 */
  private readonly inAlphabet = new Uint8Array(0x10000);
  readonly lengths: number[] = [];
  private states = 1;
  // 建树用：每个状态的第一个子节点、兄弟链、进入它的字符
  private childHead = new Int32Array(256).fill(EMPTY);
  private sibling = new Int32Array(256).fill(EMPTY);
  private charOf = new Int32Array(256);
  // 边的散列表（状态, 字符）→ 子状态；容量是 2 的幂
  private keyState = new Int32Array(0);
  private keyChar = new Int32Array(0);
  private value = new Int32Array(0);
  private mask = 0;
  /** 只有一个子节点的状态（模式中段的绝大多数）：直接比一个字符，不查散列表。-1 表示没有或不止一个。 */
  private soleChar = new Int32Array(0);
  private soleNext = new Int32Array(0);
  private childCount = new Int32Array(0);
  private fails = new Int32Array(0);
  /** 本状态结束的模式：outPatterns[outStart[s] .. outStart[s+1])；outLink 沿失败链指向下一个有输出的状态。 */
  private outStart = new Int32Array(0);
  private outPatterns = new Int32Array(0);
  private outLink = new Int32Array(0);

  /** 从 parts() 的结果恢复（数组直接沿用，不复制）。 */
  static fromParts(parts: AhoCorasickParts): AhoCorasick {
    const ac = Object.create(AhoCorasick.prototype) as AhoCorasick;
    const fields = ac as unknown as Record<string, unknown>;
    fields.lengths = parts.lengths;
    fields.states = parts.states;
    fields.mask = parts.mask;
    for (const name of ARRAY_FIELDS) fields[name] = parts.arrays[name];
    return ac;
  }

  parts(): AhoCorasickParts {
    const fields = this as unknown as Record<string, Int32Array | Uint8Array>;
    return { lengths: this.lengths, states: this.states, mask: this.mask, arrays: Object.fromEntries(ARRAY_FIELDS.map((n) => [n, fields[n]])) as AhoCorasickParts['arrays'] };
  }

  constructor(patterns: readonly string[]) {
    const ends: number[] = []; // 每个模式结束的状态
    let total = 1;
    for (const p of patterns) total += p.length;
    this.ensure(total);
    this.initTable(total);
    patterns.forEach((p, index) => {
      this.lengths[index] = p.length;
      ends[index] = p.length === 0 ? -1 : this.add(p);
    });
    this.build(ends);
  }

  private ensure(n: number): void {
    if (n <= this.childHead.length) return;
    const grow = (a: Int32Array, fill: number) => {
      const b = new Int32Array(n).fill(fill);
      b.set(a);
      return b;
    };
    this.childHead = grow(this.childHead, EMPTY);
    this.sibling = grow(this.sibling, EMPTY);
    this.charOf = grow(this.charOf, 0);
  }

  private initTable(edges: number): void {
    let cap = 16;
    while (cap < edges * 2) cap *= 2;
    this.keyState = new Int32Array(cap).fill(EMPTY);
    this.keyChar = new Int32Array(cap);
    this.value = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(s: number, c: number): number {
    return (Math.imul(s, 0x9e3779b1) ^ Math.imul(c, 0x85ebca6b)) & this.mask;
  }

  /** 状态 s 经字符 c 的边；没有时 -1。 */
  private edge(s: number, c: number): number {
    const keyState = this.keyState;
    const mask = this.mask;
    for (let i = this.slot(s, c); ; i = (i + 1) & mask) {
      const k = keyState[i];
      if (k === EMPTY) return -1;
      if (k === s && this.keyChar[i] === c) return this.value[i];
    }
  }

  private setEdge(s: number, c: number, t: number): void {
    const mask = this.mask;
    let i = this.slot(s, c);
    while (this.keyState[i] !== EMPTY) i = (i + 1) & mask;
    this.keyState[i] = s;
    this.keyChar[i] = c;
    this.value[i] = t;
  }

  private add(pattern: string): number {
    let s = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      this.inAlphabet[c] = 1;
      let t = s === 0 ? this.rootNext[c] : this.edge(s, c);
      if (t < 0) {
        t = this.states++;
        this.charOf[t] = c;
        this.sibling[t] = this.childHead[s];
        this.childHead[s] = t;
        if (s === 0) this.rootNext[c] = t;
        else this.setEdge(s, c, t);
      }
      s = t;
    }
    return s;
  }

  /** 经失败链找 s 经 c 的去处（建表时用；扫描时的 step 是同一逻辑的快速版）。 */
  private go(s: number, c: number): number {
    while (s !== 0) {
      const t = this.edge(s, c);
      if (t >= 0) return t;
      s = this.fails[s];
    }
    return this.rootNext[c] < 0 ? 0 : this.rootNext[c];
  }

  private build(ends: number[]): void {
    const n = this.states;
    this.fails = new Int32Array(n);
    this.outLink = new Int32Array(n).fill(-1);
    this.soleChar = new Int32Array(n).fill(-1);
    this.soleNext = new Int32Array(n);
    this.childCount = new Int32Array(n);
    // 各状态结束的模式，按模式下标排（与逐个 push 的顺序相同）
    const counts = new Int32Array(n + 1);
    for (const e of ends) if (e > 0) counts[e + 1]++;
    for (let s = 0; s < n; s++) counts[s + 1] += counts[s];
    this.outStart = counts;
    this.outPatterns = new Int32Array(counts[n]);
    const fill = Int32Array.from(counts);
    ends.forEach((e, index) => {
      if (e > 0) this.outPatterns[fill[e]++] = index;
    });
    const hasOut = (s: number) => this.outStart[s + 1] > this.outStart[s];
    // 广度优先：子节点的失败指针由父节点的失败指针求出
    const queue = new Int32Array(n);
    let tail = 0;
    for (let t = this.childHead[0]; t !== EMPTY; t = this.sibling[t]) queue[tail++] = t;
    for (let head = 0; head < tail; head++) {
      const s = queue[head];
      let count = 0;
      for (let t = this.childHead[s]; t !== EMPTY; t = this.sibling[t]) {
        count++;
        const c = this.charOf[t];
        const g = this.go(this.fails[s], c);
        this.fails[t] = g !== t ? g : 0;
        const ft = this.fails[t];
        this.outLink[t] = hasOut(ft) ? ft : this.outLink[ft];
        queue[tail++] = t;
      }
      this.childCount[s] = count;
      if (count === 1) {
        const t = this.childHead[s];
        this.soleChar[s] = this.charOf[t];
        this.soleNext[s] = t;
      }
    }
    // 建树用的链表不再需要
    this.childHead = new Int32Array(0);
    this.sibling = new Int32Array(0);
    this.charOf = new Int32Array(0);
  }

  private step(s: number, c: number): number {
    const soleChar = this.soleChar;
    const childCount = this.childCount;
    while (s !== 0) {
      const sc = soleChar[s];
      if (sc === c) return this.soleNext[s];
      if (sc < 0 && childCount[s] > 0) {
        const t = this.edge(s, c);
        if (t >= 0) return t;
      }
      s = this.fails[s];
    }
    return this.rootNext[c] < 0 ? 0 : this.rootNext[c];
  }

  /** 扫描 text[from, to)，每个命中调用一次 onMatch（同一结束位置的命中按状态由长到短）。 */
  scan(text: string, onMatch: (pattern: number, end: number) => void, from = 0, to = text.length): void {
    let s = 0;
    const rootNext = this.rootNext;
    const inAlphabet = this.inAlphabet;
    const outStart = this.outStart;
    const outPatterns = this.outPatterns;
    const outLink = this.outLink;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (inAlphabet[c] === 0) {
        s = 0;
        continue;
      }
      if (s === 0) {
        const t = rootNext[c];
        if (t < 0) continue;
        s = t;
      } else {
        s = this.step(s, c);
        if (s === 0) continue;
      }
      for (let o = outStart[s + 1] > outStart[s] ? s : outLink[s]; o > 0; o = outLink[o]) {
        for (let k = outStart[o]; k < outStart[o + 1]; k++) onMatch(outPatterns[k], i + 1);
      }
    }
  }
}
