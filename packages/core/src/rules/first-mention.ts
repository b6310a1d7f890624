// first-mention：要求“首次写全称、之后用简称”的词条（如 双高计划）。
import type { Finding } from '../types';
import { foldKeepCase } from '../text/fold';
import { makeFinding } from './finding';
import { severityFor } from './severity';
import type { RuleEnv } from './term-rules';

/** 一块文本里每个词条的第一次出现；是简称时带上要报的发现。全文的“首次”由 lint 按块的顺序决定。 */
export interface FirstMention {
  entryId: string;
  finding?: Finding;
}

export function firstMentionRule(env: RuleEnv): FirstMention[] {
  const { scan, options } = env;
  const out: FirstMention[] = [];
  const seen = new Set<string>();
  for (const m of scan.forms) {
    const entry = m.ref.entry;
    const fm = entry.firstMention;
    if (!fm) continue;
    const isFull = m.ref.exact === foldKeepCase(fm.full);
    const isShort = m.ref.exact === foldKeepCase(fm.short);
    if (!isFull && !isShort) continue;
    if (env.boundary.needsCheck(entry, m.e - m.s) && !env.boundary.ok(m.s, m.e)) continue;
    if (seen.has(entry.id)) continue;
    seen.add(entry.id);
    const mention: FirstMention = { entryId: entry.id };
    out.push(mention);
    if (!isShort) continue;
    const severity = severityFor('first-mention', entry, options);
    if (!severity || !env.allowed(entry.id, scan.p.norm.slice(m.s, m.e))) continue;
    const replacement = `${fm.full}（以下简称“${fm.short}”）`;
    const message = `“${fm.short}”在文中首次出现，宜写全称“${fm.full}”，并注明“以下简称${fm.short}”`;
    const f = makeFinding(scan, m.s, m.e, 'first-mention', entry, severity, message, [replacement]);
    // 改写首次出现要看上下文（引号、书名号），不自动应用
    f.fixes.forEach((x) => (x.safe = false));
    mention.finding = f;
  }
  return out;
}
