// cppjieba HMMSegment 的等价物：对 MP 切出的连续单字做 Viterbi（B/E/M/S 四状态），ASCII 字母、数字按规则成词。
import { MIN_DOUBLE } from './dict-trie';

const E = 1;
const S = 3;
const STATES = 4;

export interface HmmModel {
  start: number[];
  trans: number[][];
  /** emit[状态] ：字（码点）→ 对数概率 */
  emit: EmitTable[];
}

/**
 * 一个状态的发射概率表：基本平面的字直接按码点下标查（建表只是写一个类型化数组，比七千次 Map.set 快得多），
 * 其余的字放在 Map 里。cps/logs 按码点升序，原样进快照。
 */
export class EmitTable {
  private readonly index = new Int32Array(0x10000);
  private readonly astral = new Map<number, number>();
  constructor(
    readonly cps: Int32Array,
    readonly logs: Float64Array,
  ) {
    for (let i = 0; i < cps.length; i++) {
      const cp = cps[i]!;
      if (cp < 0x10000) this.index[cp] = i + 1;
      else this.astral.set(cp, logs[i]!);
    }
  }
  get(cp: number): number | undefined {
    if (cp < 0x10000) {
      const i = this.index[cp]!;
      return i === 0 ? undefined : this.logs[i - 1];
    }
    return this.astral.get(cp);
  }
}

/** 读 cppjieba 的 hmm_model.utf8：跳过空行与 # 注释；起始概率、4×4 转移矩阵、B/E/M/S 四行发射概率。 */
export function parseHmmModel(text: string): HmmModel {
  const rows = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith('#'));
  if (rows.length < 9) throw new Error('HMM 模型文件不完整');
  const nums = (row: string) => row.split(' ').map((x) => Number.parseFloat(x));
  const start = nums(rows[0]!);
  const trans = [1, 2, 3, 4].map((i) => nums(rows[i]!));
  const emit = [5, 6, 7, 8].map((i) => {
    const map = new Map<number, number>();
    for (const pair of rows[i]!.split(',')) {
      const colon = pair.lastIndexOf(':');
      map.set(pair.slice(0, colon).codePointAt(0)!, Number.parseFloat(pair.slice(colon + 1)));
    }
    const cps = Int32Array.from([...map.keys()].sort((a, b) => a - b));
    return new EmitTable(cps, Float64Array.from(cps, (c) => map.get(c)!));
  });
  return { start, trans, emit };
}

const isLetter = (c: number) => (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** runes[begin, end) 切成词，返回每个词的终点（不含）。 */
export function hmmCut(model: HmmModel, runes: number[], begin: number, end: number, out: number[]): void {
  let left = begin;
  let right = begin;
  while (right < end) {
    if (runes[right]! < 0x80) {
      if (left !== right) viterbiCut(model, runes, left, right, out);
      left = right;
      right = letterRule(runes, left, end);
      if (right === left) right = numberRule(runes, left, end);
      if (right === left) right++;
      out.push(right);
      left = right;
    } else {
      right++;
    }
  }
  if (left !== right) viterbiCut(model, runes, left, right, out);
}

function letterRule(runes: number[], begin: number, end: number): number {
  if (!isLetter(runes[begin]!)) return begin;
  let i = begin + 1;
  while (i < end && (isLetter(runes[i]!) || isDigit(runes[i]!))) i++;
  return i;
}

function numberRule(runes: number[], begin: number, end: number): number {
  if (!isDigit(runes[begin]!)) return begin;
  let i = begin + 1;
  while (i < end && (isDigit(runes[i]!) || runes[i] === 0x2e)) i++;
  return i;
}

function viterbiCut(model: HmmModel, runes: number[], begin: number, end: number, out: number[]): void {
  const X = end - begin;
  const weight = new Float64Array(X * STATES);
  const path = new Int8Array(X * STATES);
  for (let y = 0; y < STATES; y++) {
    weight[y * X] = model.start[y]! + (model.emit[y]!.get(runes[begin]!) ?? MIN_DOUBLE);
    path[y * X] = -1;
  }
  for (let x = 1; x < X; x++) {
    const rune = runes[begin + x]!;
    for (let y = 0; y < STATES; y++) {
      const now = x + y * X;
      weight[now] = MIN_DOUBLE;
      path[now] = E;
      const emit = model.emit[y]!.get(rune) ?? MIN_DOUBLE;
      for (let pre = 0; pre < STATES; pre++) {
        // 与 cppjieba 同样的加法顺序与严格大于：平局（包括都被 MIN_DOUBLE 吞没时）取同样的状态
        const tmp = weight[x - 1 + pre * X]! + model.trans[pre]![y]! + emit;
        if (tmp > weight[now]!) {
          weight[now] = tmp;
          path[now] = pre;
        }
      }
    }
  }
  let stat = weight[X - 1 + E * X]! >= weight[X - 1 + S * X]! ? E : S;
  const status = new Int8Array(X);
  for (let x = X - 1; x >= 0; x--) {
    status[x] = stat;
    stat = path[x + stat * X]!;
  }
  for (let i = 0; i < X; i++) if (status[i]! % 2 === 1) out.push(begin + i + 1); // E 或 S：词在此结束
}
