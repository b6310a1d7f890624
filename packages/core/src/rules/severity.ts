// 级别：词条自带 → 规则缺省 → 用户的规则设置 → 用户的词条设置，后者优先；'off' 表示不报。
import type { LintOptions, RuleId, RuleSetting, Severity } from '../types';
import type { Entry } from '../glossary/entry';

const DEFAULTS: Record<RuleId, Severity> = {
  'outdated-term': 'warning',
  variant: 'warning',
  misquote: 'error',
  'first-mention': 'info',
  'wrong-years': 'error',
  'document-date': 'warning',
  'document-number': 'error',
  'ended-plan': 'warning',
};

function toSeverity(s: RuleSetting): Severity | null {
  if (s === 'off') return null;
  return s === 'warn' ? 'warning' : s;
}

export function severityFor(rule: RuleId, entry: Entry, options: LintOptions): Severity | null {
  let sev: Severity = entry.severity ?? (rule === 'outdated-term' && entry.confidence === 'low' ? 'info' : DEFAULTS[rule]);
  if (rule === 'first-mention') sev = DEFAULTS[rule];
  const r = options.rules?.[rule];
  if (r !== undefined) {
    const v = toSeverity(r);
    if (v === null) return null;
    sev = v;
  }
  const t = options.terms?.[entry.id];
  if (t !== undefined) {
    const v = toSeverity(t);
    if (v === null) return null;
    sev = v;
  }
  return sev;
}

/** 不属于词条的发现（文件目录、发文字号、文档日期）：规则缺省级别，再按用户的规则设置。 */
export function ruleSeverity(rule: RuleId, options: LintOptions): Severity | null {
  const r = options.rules?.[rule];
  if (r === undefined) return DEFAULTS[rule];
  return toSeverity(r);
}
