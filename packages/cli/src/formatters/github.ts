// github：GitHub Actions 工作流命令，在 PR 的文件视图里显示批注。第一行是普通日志行，写明 tifa 与词表版本（不作批注）。
import type { Formatter } from './types';

/** 消息体只转义 % 与换行；属性值还要转义 : 和 ,（见 actions/toolkit 的 command.ts）。 */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND = { error: 'error', warning: 'warning', info: 'notice', hint: 'notice' } as const;

export const formatGithub: Formatter = function* ({ reports, tifaVersion, glossaryVersions }) {
  // 版本写在日志里，不作为注释（注释会出现在 PR 的文件视图里）
  yield `tifa ${tifaVersion}，词表版本 ${glossaryVersions.join('、') || '未知'}\n`;
  for (const r of reports) {
    const file = escapeProperty(r.displayPath);
    if (r.status === 'failed') {
      yield `::error file=${file},title=${escapeProperty('tifa：无法检查')}::${escapeData(r.notice ?? '无法检查该文件')}` + '\n';
      continue;
    }
    for (const m of r.messages) {
      const props = [
        `file=${file}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(`tifa ${m.ruleId} (${m.termId})`)}`,
      ].join(',');
      const suggestion = m.suggestions.length && !m.suggestions.every((s) => m.message.includes(s)) ? `（建议：${m.suggestions.join('、')}）` : '';
      yield `::${COMMAND[m.severity]} ${props}::${escapeData(m.message + suggestion)}` + '\n';
    }
  }
};
