// 抑制注释的结果：哪些发现被注释压下（JSON 的 suppressedMessages），注释里写错的规则/词条 id，
// 以及（--report-unused-disable-directives）没有压下任何发现的注释。
import { lineStarts, offsetToPosition, parseSuppressions, RULE_IDS, type Finding } from '@tifa/core';

export const DIRECTIVE_RULE_ID = 'disable-directive';

export interface DirectiveProblem {
  offset: number;
  length: number;
  severity: 'error' | 'warning';
  message: string;
}

export interface SplitResult {
  kept: Finding[];
  suppressed: Finding[];
  problems: DirectiveProblem[];
}

export function splitSuppressed(
  text: string,
  findings: readonly Finding[],
  language: 'markdown' | 'plaintext',
  knownTermIds: (id: string) => boolean,
  reportUnused: boolean,
): SplitResult {
  const sups = parseSuppressions(text, language);
  if (sups.length === 0) return { kept: [...findings], suppressed: [], problems: [] };
  const starts = lineStarts(text);
  const used = new Set<number>();
  const kept: Finding[] = [];
  const suppressed: Finding[] = [];
  for (const f of findings) {
    const line = offsetToPosition(starts, f.offset).line;
    let hit = false;
    sups.forEach((s, i) => {
      if (line < s.fromLine || line > s.toLine) return;
      if (s.ids.length === 0 || s.ids.includes(f.ruleId) || s.ids.includes(f.termId)) {
        used.add(i);
        hit = true;
      }
    });
    (hit ? suppressed : kept).push(f);
  }
  const problems: DirectiveProblem[] = [];
  sups.forEach((s, i) => {
    // “-- 说明”之后是理由，不是 id（与 ESLint 相同）
    const written = s.written.join(' ').replace(/(?:^|\s)--(?:\s.*)?$/, '').split(/\s+/).filter(Boolean);
    const unknown = written.filter((id) => !(RULE_IDS as readonly string[]).includes(id) && !knownTermIds(id));
    if (unknown.length) {
      problems.push({ offset: s.offset, length: s.length, severity: 'warning', message: `抑制注释中的规则或词条 id 不存在：${unknown.join('、')}` });
    }
    if (reportUnused && !used.has(i)) {
      problems.push({ offset: s.offset, length: s.length, severity: 'error', message: '这条抑制注释没有压下任何问题，可以删除' });
    }
  });
  return { kept, suppressed, problems };
}
