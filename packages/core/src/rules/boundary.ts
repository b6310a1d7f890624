// 词边界：分词结果里没有哪个词跨过匹配的起点或终点。
// 只切判断需要的那一小段：命中所在的分句（句内按 jieba 本身就会断开的标点切开），每个分句至多切一次。
// jieba 在这些字符处必然断词（见 CLAUSE_END），所以分句单独切与整句切、在分句内得到的边界相同；
// tests/core/boundary-clause.test.ts 在语料上逐句核对这一点。
import type { Segmenter } from '../types';
import type { Entry } from '../glossary/entry';
import type { Sentences } from '../text/sentences';

/**
 * 分句边界：jieba 预处理按空白、“，”“。”切块；ASCII 标点在 HMM 里自成一词，词典里也没有含这些字符的词
 * （“C++”“C#”“AT&T” 里的 + # & 以及数字里的 . 不在此列）。正文已折叠（全角 ，：；（） → 半角）。
 */
const CLAUSE_END = new Uint8Array(0x10000);
for (const c of ' \t\n\r,;:!?()[]{}<>"\'。') CLAUSE_END[c.charCodeAt(0)] = 1;

export class BoundaryChecker {
  /** 分句起点 → 该分句每个位置是否是词边界（1 = 是）；null = 分词失败（视为通过）。 */
  private cache = new Map<number, Uint8Array | null>();
  private lastClause = { start: 0, end: 0 };
  constructor(
    private readonly segmenter: Segmenter | null | undefined,
    private readonly sentences: Sentences,
  ) {}

  /** 有分词器（能判断词边界）吗。 */
  get segmenting(): boolean {
    return !!this.segmenter;
  }

  needsCheck(entry: Entry, formLength: number): boolean {
    if (!this.segmenter) return false;
    const mode = entry.boundary ?? 'auto';
    return mode === 'strict' || (mode === 'auto' && formLength <= 4);
  }

  /** 包含 pos 的分句 [start, end)，不出本句。pos 正好落在分隔符上时，它是前一分句的终点。 */
  private clauseAt(pos: number): { start: number; end: number } {
    const l = this.lastClause;
    if (pos >= l.start && pos < l.end) return l;
    const sent = this.sentences.sentenceAt(pos);
    const t = this.sentences;
    let start = pos;
    while (start > sent.start && !CLAUSE_END[t.code(start - 1)]) start--;
    let end = pos;
    while (end < sent.end && !CLAUSE_END[t.code(end)]) end++;
    return (this.lastClause = { start, end });
  }

  private boundaries(start: number, end: number): Uint8Array | null {
    let b = this.cache.get(start);
    if (b !== undefined) return b;
    const clause = this.sentences.text(start, end);
    b = new Uint8Array(clause.length + 1);
    b[0] = 1;
    b[clause.length] = 1;
    if (clause.length > 1) {
      try {
        const words = this.segmenter!.cut(clause);
        let pos = 0;
        for (const w of words) {
          pos += w.length;
          if (pos > clause.length) break;
          b[pos] = 1;
        }
        if (pos !== clause.length) b = null; // 分词丢了字符：不据此判断
      } catch {
        b = null;
      }
    }
    this.cache.set(start, b);
    return b;
  }

  /** 位置 pos 处的边界：分隔符两侧总是边界；否则看所在分句的分词结果。 */
  private at(pos: number, sentEnd: number): boolean | null {
    if (pos >= sentEnd || pos === 0) return true;
    const t = this.sentences;
    if (CLAUSE_END[t.code(pos)] || CLAUSE_END[t.code(pos - 1)]) return true;
    const c = this.clauseAt(pos);
    const b = this.boundaries(c.start, c.end);
    return b ? b[pos - c.start] === 1 : null;
  }

  /** norm 位置 pos 是否在词边界上；没有分词器时返回 false（调用方另有退路）。 */
  isBoundary(pos: number): boolean {
    if (!this.segmenter) return false;
    const sent = this.sentences.sentenceAt(pos);
    return this.at(pos, sent.end) === true;
  }

  ok(s: number, e: number): boolean {
    const sent = this.sentences.sentenceAt(s);
    const a = this.at(s, sent.end);
    if (a === null) return true;
    const z = this.at(Math.min(e, sent.end), sent.end);
    if (z === null) return true;
    return a && z;
  }
}
