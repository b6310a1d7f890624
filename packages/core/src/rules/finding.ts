// 由规范化区间构造 Finding：换算回原文偏移，生成修复编辑。
import type { Finding, Fix, RuleId, Severity } from '../types';
import type { Entry } from '../glossary/entry';
import { toOriginal } from '../text/normalize';
import type { Scan } from '../scan';

/** 原文片段里有 Markdown 标记时，整段替换会丢掉标记：这种修复不自动应用。 */
const MARKUP = /[*_~`<>[\]()]/;

export function makeFinding(
  scan: Scan,
  s: number,
  e: number,
  rule: RuleId,
  entry: Pick<Entry, 'id'>,
  severity: Severity,
  message: string,
  suggestions: string[],
  replacementTexts: string[] = suggestions,
): Finding {
  const { offset, length } = toOriginal(scan.p, s, e);
  const matched = scan.p.text.slice(offset, offset + length);
  const safe = !MARKUP.test(matched);
  const fixes: Fix[] = replacementTexts.map((newText, i) => ({
    title: `改为“${suggestions[i] ?? newText}”`,
    edits: [{ offset, length, newText }],
    safe: safe && i === 0,
  }));
  return {
    ruleId: rule,
    termId: entry.id,
    severity,
    message,
    offset,
    length,
    matched,
    suggestions,
    fixes,
    deprecated: rule === 'outdated-term',
  };
}
