// compact：每个问题一行 file:line:col: severity rule message，给编辑器的 quickfix 列表（vim errorformat、Emacs compile）。
import type { Formatter } from './types';

const LABEL = { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as const;

/** 一行里不能有换行（否则 quickfix 会拆成两项）。 */
function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}

export const formatCompact: Formatter = function* ({ reports }) {
  for (const r of reports) {
    if (r.status === 'failed') {
      yield `${r.displayPath}:1:1: error fatal ${oneLine(r.notice ?? '无法检查该文件')}\n`;
      continue;
    }
    for (const m of r.messages) {
      const suggestion = m.suggestions.length && !m.suggestions.every((s) => m.message.includes(s)) ? `（建议：${m.suggestions.join('、')}）` : '';
      const rule = m.termId ? `${m.ruleId}/${m.termId}` : m.ruleId;
      yield `${r.displayPath}:${m.line}:${m.column}: ${LABEL[m.severity]} ${rule} ${oneLine(m.message + suggestion)}\n`;
    }
  }
};
