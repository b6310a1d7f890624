// json：ESLint 兼容的结果数组。severity 2 错误、1 警告、0 提示（info/hint）；列从 1 起算、UTF-16、结束列为开区间。
// tifa 与词表版本放在每个结果对象的 tifa 属性里（ESLint 的消费方会忽略未知属性）。
// suggestions 与 ESLint 同形（{desc, fix: {range, text}}）；tifa 的建议写法另在 replacements 里。
// suppressedMessages：被抑制注释压下的发现，各带 suppressions: [{kind: 'directive', justification: ''}]。
import type { FileReport, LintMessage } from '../lint/types';
import { countReport } from './counts';
import { jsonChunks } from './json-stream';
import type { Formatter } from './types';

const SEVERITY = { error: 2, warning: 1, info: 0, hint: 0 } as const;

function message(m: LintMessage) {
  return {
    ruleId: m.ruleId,
    ...(m.paragraph ? { paragraph: m.paragraph } : {}),
    termId: m.termId,
    severity: SEVERITY[m.severity],
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    offset: m.offset,
    length: m.length,
    matched: m.matched,
    replacements: m.suggestions,
    suggestions: (m.fixes ?? []).map((f) => ({ desc: f.desc, fix: { range: [f.offset, f.offset + f.length], text: f.newText } })),
    ...(m.fix ? { fix: { range: [m.fix.offset, m.fix.offset + m.fix.length], text: m.fix.newText } } : {}),
  };
}

function fatal(r: FileReport) {
  return { ruleId: null, fatal: true, severity: 2, message: r.notice ?? '无法检查该文件', line: 1, column: 1 };
}

export const formatJson: Formatter = function* ({ reports, tifaVersion }) {
  const results = reports
    .filter((r) => r.status !== 'skipped')
    .map((r) => {
      const c = countReport(r);
      return {
        filePath: r.file,
        messages: r.status === 'failed' ? [fatal(r)] : r.messages.map(message),
        suppressedMessages: (r.suppressed ?? []).map((m) => ({ ...message(m), suppressions: [{ kind: 'directive', justification: '' }] })),
        errorCount: c.errors,
        fatalErrorCount: r.status === 'failed' ? 1 : 0,
        warningCount: c.warnings,
        fixableErrorCount: c.fixableErrors,
        fixableWarningCount: c.fixableWarnings,
        usedDeprecatedRules: [],
        tifa: {
          version: tifaVersion,
          glossaryVersion: r.glossaryVersion,
          kind: r.kind,
          ...(r.encoding ? { encoding: r.encoding } : {}),
          ...(r.documentDate ? { documentDate: { date: r.documentDate.date, source: r.documentDate.source, ...(r.documentDate.line ? { line: r.documentDate.line } : {}) } } : {}),
          infoCount: c.infos,
        },
      };
    });
  yield* jsonChunks(results);
  yield '\n';
};
