// outdated-term 与 variant：由写法命中决定。
import type { Finding, LintOptions } from '../types';
import type { Glossary } from '../glossary/glossary';
import type { Scan, FormMatch } from '../scan';
import { contextAllows, inBookTitle, isHistorical, normalizeDate } from './context';
import type { BoundaryChecker } from './boundary';
import { makeFinding } from './finding';
import { severityFor } from './severity';

export interface RuleEnv {
  scan: Scan;
  glossary: Glossary;
  options: LintOptions;
  asOf: string;
  boundary: BoundaryChecker;
  allowed: (termId: string, matchedNorm: string) => boolean;
}

/** 建议里只留文档日期时已经提出的写法：2018 年的文档不建议 2024 年才有的词。 */
function suggestionsAsOf(env: RuleEnv, terms: string[], id: string | undefined): string[] {
  const target = id ? env.glossary.byId(id) : undefined;
  if (target?.since && normalizeDate(target.since) > env.asOf) return [];
  return terms.filter((t) => {
    const e = env.glossary.byForm(t);
    return !e?.since || normalizeDate(e.since) <= env.asOf;
  });
}

function common(env: RuleEnv, m: FormMatch): boolean {
  const { scan } = env;
  const sent = scan.sentences.sentenceAt(m.s);
  if (inBookTitle(scan.p.norm, sent.start, sent.end, m.s, m.e)) return false;
  if (!contextAllows(m.ref.entry, scan.sentences, m.s)) return false;
  if (!env.allowed(m.ref.entry.id, scan.p.norm.slice(m.s, m.e))) return false;
  if (env.boundary.needsCheck(m.ref.entry, m.e - m.s) && !env.boundary.ok(m.s, m.e)) return false;
  return true;
}

export function termRules(env: RuleEnv): Finding[] {
  const out: Finding[] = [];
  const { scan, asOf, options } = env;
  for (const m of scan.forms) {
    const entry = m.ref.entry;
    if (entry.status === 'outdated') {
      if (entry.until && normalizeDate(entry.until) > asOf) continue;
      const severity = severityFor('outdated-term', entry, options);
      if (!severity || !common(env, m)) continue;
      const sent = scan.sentences.sentenceAt(m.s);
      if (isHistorical(scan.sentences.text(sent.start, sent.end), m.s - sent.start, entry.until)) continue;
      const terms = suggestionsAsOf(env, entry.replacement?.terms ?? [], entry.replacement?.id);
      if (entry.replacement && terms.length === 0) continue;
      const written = scan.p.text.slice(scan.p.map[m.s], scan.p.map[m.e - 1] + 1);
      const message = `“${written}”已是过时提法，现行规范写法为“${terms.join('”或“')}”${entry.reason ? `：${entry.reason}` : ''}`;
      // 有 context 的规则往往要改整句措辞，不给自动修复
      const fixable = !entry.context;
      out.push(makeFinding(scan, m.s, m.e, 'outdated-term', entry, severity, message, terms, fixable ? terms : []));
    } else if (entry.status === 'current' && (m.ref.kind === 'discouraged' || m.caseDiffers)) {
      if (entry.since && normalizeDate(entry.since) > asOf) continue;
      // 固定提法的已知误写按误引报
      const rule = entry.kind === 'formulation' && m.ref.kind === 'discouraged' ? 'misquote' : 'variant';
      const severity = severityFor(rule, entry, options);
      if (!severity || !common(env, m)) continue;
      const written = scan.p.text.slice(scan.p.map[m.s], scan.p.map[m.e - 1] + 1);
      const target = m.caseDiffers && m.ref.kind !== 'term' ? m.ref.exact : entry.term;
      const message = rule === 'misquote' ? `固定提法引用有误，原文为“${target}”` : `“${written}”不是规范写法，应为“${target}”`;
      out.push(makeFinding(scan, m.s, m.e, rule, entry, severity, message, [target]));
    }
  }
  return out;
}
