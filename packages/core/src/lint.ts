// lint：纯函数 (text, glossary, options) → Finding[]。各规则各在一个文件里。
// 传入 LintCache 时文档按空行切块逐块检查（块间没有句子、段落跨越），未改动的块直接复用上次的结果。
import type { Finding, LintOptions, TermOccurrence } from './types';
import type { Glossary } from './glossary/glossary';
import { scan } from './scan';
import { normalizeDate, today } from './rules/context';
import { BoundaryChecker } from './rules/boundary';
import { termRules, type RuleEnv } from './rules/term-rules';
import { misquoteRule } from './rules/misquote';
import { periodYearsRule } from './rules/period-years';
import { endedPlanRule } from './rules/ended-plan';
import { documentsRule } from './rules/documents';
import { firstMentionRule, type FirstMention } from './rules/first-mention';
import { nameNearMissRule } from './rules/name-near-miss';
import { shortNameTypoRule } from './rules/short-name-typo';
import { isSuppressed, parseSuppressions } from './text/suppress';
import { lineStarts, offsetToPosition } from './text/positions';
import { foldString } from './text/fold';
import { toOriginal } from './text/normalize';
import { documentDate, type DocumentDate } from './text/document-date';
import { chunksOf } from './text/chunks';

type Language = 'markdown' | 'plaintext';

const allowSets = new WeakMap<readonly string[], Set<string>>();

/** 白名单折叠成集合；同一个 allow 数组只做一次。 */
function allowSet(allow: readonly string[] | undefined): Set<string> {
  if (!allow?.length) return new Set();
  let set = allowSets.get(allow);
  if (!set) allowSets.set(allow, (set = new Set(allow.map((a) => foldString(a.trim())))));
  return set;
}

function environment(text: string, glossary: Glossary, options: LintOptions, asOf: string, frontMatter = true): RuleEnv {
  const sc = scan(text, glossary, options.language ?? 'markdown', frontMatter);
  const allow = allowSet(options.allow);
  return {
    scan: sc,
    glossary,
    options,
    asOf,
    boundary: new BoundaryChecker(options.segmenter, sc.sentences),
    allowed: (termId, matchedNorm) => allow.size === 0 || (!allow.has(termId) && !allow.has(matchedNorm)),
  };
}

/** 文档日期：Markdown 前言的 date: 优先，其次落款的成文日期、选项，缺省今天（见 text/document-date.ts）。 */
export function documentDateOf(text: string, options: LintOptions = {}): DocumentDate {
  const language: Language = options.language ?? 'markdown';
  const d = documentDate(text, options.asOf ? normalizeDate(options.asOf) : undefined, today(), language === 'markdown');
  return d;
}

/** 前言日期认不出：在那一行报 document-date（不悄悄改用今天）。 */
function dateProblem(text: string, d: DocumentDate, options: LintOptions): Finding[] {
  if (!d.problem) return [];
  const r = options.rules?.['document-date'];
  if (r === 'off') return [];
  const severity = r === undefined ? 'warning' : r === 'warn' ? 'warning' : r;
  const { offset, length, message } = d.problem;
  return [
    {
      ruleId: 'document-date',
      termId: 'document-date',
      severity,
      message,
      offset,
      length,
      matched: text.slice(offset, offset + length),
      suggestions: [],
      fixes: [],
      deprecated: false,
    },
  ];
}

interface ChunkResult {
  findings: Finding[];
  mentions: FirstMention[];
}

/** 按块缓存的检查结果。一个缓存对应一篇文档：每次 lint 后只保留本次用到的块。 */
export interface LintCache {
  /** @internal */ key?: string;
  /** @internal */ glossary?: Glossary;
  /** @internal */ segmenter?: unknown;
  /** @internal */ chunks: Map<string, ChunkResult>;
}

export function createLintCache(): LintCache {
  return { chunks: new Map() };
}

function lintChunk(text: string, glossary: Glossary, options: LintOptions, asOf: string, first: boolean): ChunkResult {
  const env = environment(text, glossary, options, asOf, first);
  const titles = documentsRule(env);
  // 书名号里的标题已按文件目录报了误引（含括号里的年份）时，不再重复报同一处的起止年份
  const years = periodYearsRule(env).filter((y) => !titles.some((t) => t.ruleId === 'misquote' && t.offset <= y.offset && y.offset + y.length <= t.offset + t.length));
  return {
    findings: [...termRules(env), ...nameNearMissRule(env), ...shortNameTypoRule(env), ...misquoteRule(env), ...years, ...titles, ...endedPlanRule(env)],
    mentions: firstMentionRule(env),
  };
}

function shift(f: Finding, by: number): Finding {
  if (by === 0) return f;
  return {
    ...f,
    offset: f.offset + by,
    fixes: f.fixes.map((x) => ({ ...x, edits: x.edits.map((e) => ({ ...e, offset: e.offset + by })) })),
  };
}

/**
 * 与原文不共享内存的一份拷贝。V8 里 text.slice() 得到的长片段只是指向整篇原文的视图，由它切出、拼出的字符串
 * （发现里的 matched、message）也一样：缓存起来的块结果会让它算出时那一版的整篇文档一直留在内存里，
 * 编辑器里每改一处、换一个块，就多留一整份旧文档。拼上一个字再切掉，得到的是只有这一块大小的新字符串。
 */
function detached(s: string): string {
  return s.length < 16 ? s : (' ' + s).slice(1);
}

export function lint(text: string, glossary: Glossary, options: LintOptions = {}): Finding[] {
  const language = options.language ?? 'markdown';
  const docDate = documentDateOf(text, options);
  const asOf = docDate.date;
  const cache = options.cache;
  if (cache) {
    const key = JSON.stringify([language, asOf, options.rules ?? {}, options.terms ?? {}, options.allow ?? []]);
    if (cache.key !== key || cache.glossary !== glossary || cache.segmenter !== options.segmenter) {
      cache.chunks.clear();
      Object.assign(cache, { key, glossary, segmenter: options.segmenter });
    }
  }
  const used = new Map<string, ChunkResult>();
  const findings: Finding[] = [];
  const seen = new Set<string>();
  // 没有缓存时整篇一次检查（省去逐块的固定开销）；有缓存时按块，结果相同（测试里逐次比对）
  const chunks = cache ? chunksOf(text, language) : [{ start: 0, end: text.length }];
  for (const [i, c] of chunks.entries()) {
    const chunkText = text.slice(c.start, c.end);
    let r: ChunkResult | undefined;
    if (cache) {
      const id = (i === 0 ? 'F' : 'B') + chunkText;
      r = used.get(id) ?? cache.chunks.get(id) ?? lintChunk(detached(chunkText), glossary, options, asOf, i === 0);
      used.set(id, r);
    } else r = lintChunk(chunkText, glossary, options, asOf, i === 0);
    for (const f of r.findings) findings.push(shift(f, c.start));
    for (const m of r.mentions) {
      if (seen.has(m.entryId)) continue;
      seen.add(m.entryId);
      if (m.finding) findings.push(shift(m.finding, c.start));
    }
  }
  if (cache) cache.chunks = used;
  let out = [...findings, ...dateProblem(text, docDate, options)];
  const sups = parseSuppressions(text, language);
  if (sups.length && !options.keepSuppressed) {
    const starts = lineStarts(text);
    out = out.filter((f) => !isSuppressed(sups, offsetToPosition(starts, f.offset).line, f.ruleId, f.termId));
  }
  return out.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** 文中识别到的所有词表项（现行、过时、固定提法），按位置排序；短写法做词边界检查。 */
export function findTerms(text: string, glossary: Glossary, options: LintOptions = {}): TermOccurrence[] {
  const env = environment(text, glossary, options, documentDateOf(text, options).date);
  const out: TermOccurrence[] = [];
  for (const m of env.scan.forms) {
    const entry = m.ref.entry;
    if (env.boundary.needsCheck(entry, m.e - m.s) && !env.boundary.ok(m.s, m.e)) continue;
    const { offset, length } = toOriginal(env.scan.p, m.s, m.e);
    out.push({ entryId: entry.id, offset, length, matched: text.slice(offset, offset + length), form: m.ref.kind });
  }
  return out;
}
