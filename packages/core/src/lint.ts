// lint：纯函数 (text, glossary, options) → Finding[]。各规则各在一个文件里。
import type { Finding, LintOptions, TermOccurrence } from './types';
import type { Glossary } from './glossary/glossary';
import { scan } from './scan';
import { BoundaryChecker, normalizeDate, today } from './rules/context';
import { termRules, type RuleEnv } from './rules/term-rules';
import { misquoteRule } from './rules/misquote';
import { firstMentionRule } from './rules/first-mention';
import { nameNearMissRule } from './rules/name-near-miss';
import { isSuppressed, parseSuppressions } from './text/suppress';
import { lineStarts, offsetToPosition } from './text/positions';
import { foldString } from './text/fold';
import { toOriginal } from './text/normalize';

function environment(text: string, glossary: Glossary, options: LintOptions): RuleEnv {
  const language = options.language ?? 'markdown';
  const sc = scan(text, glossary, language);
  const asOf = normalizeDate(sc.p.frontMatterDate ?? options.asOf ?? today());
  const allow = new Set((options.allow ?? []).map((a) => foldString(a.trim())));
  return {
    scan: sc,
    glossary,
    options,
    asOf,
    boundary: new BoundaryChecker(options.segmenter, sc.sentences),
    allowed: (termId, matchedNorm) => allow.size === 0 || (!allow.has(termId) && !allow.has(matchedNorm)),
  };
}

export function lint(text: string, glossary: Glossary, options: LintOptions = {}): Finding[] {
  const env = environment(text, glossary, options);
  let findings = [...termRules(env), ...nameNearMissRule(env), ...misquoteRule(env), ...firstMentionRule(env)];
  const sups = parseSuppressions(text, options.language ?? 'markdown');
  if (sups.length) {
    const starts = lineStarts(text);
    findings = findings.filter((f) => !isSuppressed(sups, offsetToPosition(starts, f.offset).line, f.ruleId, f.termId));
  }
  return findings.sort((a, b) => a.offset - b.offset || b.length - a.length);
}

/** 文中识别到的所有词表项（现行、过时、固定提法），按位置排序；短写法做词边界检查。 */
export function findTerms(text: string, glossary: Glossary, options: LintOptions = {}): TermOccurrence[] {
  const env = environment(text, glossary, options);
  const out: TermOccurrence[] = [];
  for (const m of env.scan.forms) {
    const entry = m.ref.entry;
    if (env.boundary.needsCheck(entry, m.e - m.s) && !env.boundary.ok(m.s, m.e)) continue;
    const { offset, length } = toOriginal(env.scan.p, m.s, m.e);
    out.push({ entryId: entry.id, offset, length, matched: text.slice(offset, offset + length), form: m.ref.kind });
  }
  return out;
}
