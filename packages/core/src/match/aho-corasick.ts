// 字符级 Aho-Corasick 自动机：编译一次，扫描时间与文本长度成线性，与词条数无关。
// 根节点用 65536 长的数组直接跳转（正文里绝大多数字符停在根上），其余节点用 Map。

export interface AcMatch {
  pattern: number;
  /** 命中在文本中的结束位置（不含）。 */
  end: number;
}

export class AhoCorasick {
  private readonly rootNext = new Int32Array(0x10000).fill(-1);
  /** 出现在任何模式里的字符；其余字符一定把状态打回根。 */
  private readonly inAlphabet = new Uint8Array(0x10000);
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** 每个状态的输出：本状态结束的模式，以及沿失败链可达的输出状态。 */
  private readonly out: number[][] = [[]];
  private readonly outLink: number[] = [-1];
  readonly lengths: number[] = [];
  /** 只有一个子节点的状态（模式中段的绝大多数）：直接比一个字符，不查 Map。-1 表示没有或不止一个。 */
  private soleChar = new Int32Array(0);
  private soleNext = new Int32Array(0);
  private fails = new Int32Array(0);

  constructor(patterns: readonly string[]) {
    patterns.forEach((p, index) => this.add(p, index));
    this.build();
  }

  private add(pattern: string, index: number): void {
    this.lengths[index] = pattern.length;
    if (pattern.length === 0) return;
    let s = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      this.inAlphabet[c] = 1;
      let t = this.next[s].get(c);
      if (t === undefined) {
        t = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.outLink.push(-1);
        this.next[s].set(c, t);
      }
      s = t;
    }
    this.out[s].push(index);
  }

  private build(): void {
    const queue: number[] = [];
    for (const [c, t] of this.next[0]) {
      this.rootNext[c] = t;
      queue.push(t);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head];
      for (const [c, t] of this.next[s]) {
        let f = this.fail[s];
        while (f !== 0 && !this.next[f].has(c)) f = this.fail[f];
        const g = this.next[f].get(c);
        this.fail[t] = g !== undefined && g !== t ? g : 0;
        const ft = this.fail[t];
        this.outLink[t] = this.out[ft].length > 0 ? ft : this.outLink[ft];
        queue.push(t);
      }
    }
    const n = this.next.length;
    this.soleChar = new Int32Array(n).fill(-1);
    this.soleNext = new Int32Array(n);
    this.fails = Int32Array.from(this.fail);
    for (let st = 0; st < n; st++) {
      if (this.next[st].size !== 1) continue;
      for (const [c, t] of this.next[st]) {
        this.soleChar[st] = c;
        this.soleNext[st] = t;
      }
    }
  }

  private step(s: number, c: number): number {
    const soleChar = this.soleChar;
    while (s !== 0) {
      const sc = soleChar[s];
      if (sc === c) return this.soleNext[s];
      if (sc < 0 && this.next[s].size > 0) {
        const t = this.next[s].get(c);
        if (t !== undefined) return t;
      }
      s = this.fails[s];
    }
    return this.rootNext[c] < 0 ? 0 : this.rootNext[c];
  }

  /** 扫描 text[from, to)，每个命中调用一次 onMatch。 */
  scan(text: string, onMatch: (pattern: number, end: number) => void, from = 0, to = text.length): void {
    let s = 0;
    const rootNext = this.rootNext;
    const inAlphabet = this.inAlphabet;
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
      for (let o = this.out[s].length > 0 ? s : this.outLink[s]; o > 0; o = this.outLink[o]) {
        for (const p of this.out[o]) onMatch(p, i + 1);
      }
    }
  }
}
