// stylish（缺省）：按文件分组，行:列、级别、中文消息（含建议写法）、规则与词条，下面一行代码框标出命中处，最后一行汇总。
import { forTerminal } from '../terminal/sanitize';
import { displayWidth } from '../terminal/width';
import type { Colors } from '../terminal/colors';
import type { CodeFrame, FileReport, LintMessage } from '../lint/types';
import { countAll } from './counts';
import type { Formatter } from './types';

const LABEL = { error: '错误', warning: '警告', info: '提示', hint: '提示' } as const;

function paint(c: Colors, severity: LintMessage['severity'], s: string): string {
  return severity === 'error' ? c.red(s) : severity === 'warning' ? c.yellow(s) : severity === 'info' ? c.blue(s) : c.gray(s);
}

/** 制表符展开；其余控制字符（ESC 等）转成可见的转义，不让文档内容控制终端。 */
function expandTabs(s: string): string {
  return forTerminal(s.replace(/\t/g, '    '));
}

/** 一行原文，命中处着色；无色时在下一行用 ^ 标出（按显示宽度对齐汉字）。 */
function renderFrame(frame: CodeFrame, severity: LintMessage['severity'], c: Colors, gutter: string): string[] {
  const before = (frame.cutLeft ? '…' : '') + expandTabs(frame.text.slice(0, frame.highlightStart));
  const hit = expandTabs(frame.text.slice(frame.highlightStart, frame.highlightEnd));
  const after = expandTabs(frame.text.slice(frame.highlightEnd)) + (frame.cutRight ? '…' : '');
  const num = String(frame.line);
  const pad = ' '.repeat(num.length);
  const lines = [`${gutter}${c.gray(`${num} |`)} ${before}${c.enabled ? c.bold(paint(c, severity, hit)) : hit}${after}`];
  lines.push(`${gutter}${c.gray(`${pad} |`)} ${' '.repeat(displayWidth(before))}${paint(c, severity, '^'.repeat(Math.max(1, displayWidth(hit))))}`);
  return lines;
}

function suggestionText(m: LintMessage): string {
  if (m.suggestions.length === 0 || m.suggestions.every((s) => m.message.includes(s))) return '';
  return forTerminal(`（建议：${m.suggestions.join('、')}）`);
}

function formatFile(r: FileReport, c: Colors): string[] {
  const header = c.underline(forTerminal(r.displayPath)) + (r.kind === 'docx' ? c.gray('（Word：行号为段落序号，列为段内第几个字）') : '');
  if (r.status === 'failed') return [header, `  ${c.red(LABEL.error)}  ${forTerminal(r.notice ?? '无法检查该文件')}`, ''];
  const positions = r.messages.map((m) => `${m.line}:${m.column}`);
  // 大文件可能有几十万条：不用展开参数（会超出调用栈）
  const posWidth = positions.reduce((w, p) => Math.max(w, p.length), 0);
  const out = [header];
  r.messages.forEach((m, i) => {
    const fixMark = m.fixable ? c.green(' [可修复]') : '';
    out.push(
      `  ${c.gray(positions[i].padEnd(posWidth))}  ${paint(c, m.severity, LABEL[m.severity])}  ${forTerminal(m.message)}${suggestionText(m)}${fixMark}  ${c.gray(`${m.ruleId} ${m.termId}`)}`,
    );
    if (m.frame) out.push(...renderFrame(m.frame, m.severity, c, ' '.repeat(posWidth + 4)));
  });
  out.push('');
  return out;
}

export const formatStylish: Formatter = function* ({ reports, colors: c }) {
  const withProblems = reports.filter((r) => r.status === 'failed' || (r.status === 'linted' && r.messages.length > 0));
  // 逐个文件产出：几十万条问题也不会拼成一个过大的字符串
  for (const r of withProblems) yield formatFile(r, c).join('\n') + '\n';
  const out: string[] = [];
  const t = countAll(reports);
  const total = t.errors + t.warnings + t.infos;
  const checked = reports.filter((r) => r.status === 'linted').length;
  if (total === 0) {
    out.push(c.green(`✔ 检查了 ${checked} 个文件，没有发现问题`));
  } else {
    const summary = `✖ ${total} 个问题（${t.errors} 个错误，${t.warnings} 个警告，${t.infos} 个提示），检查了 ${checked} 个文件`;
    out.push(c.bold(t.errors > 0 ? c.red(summary) : t.warnings > 0 ? c.yellow(summary) : c.blue(summary)));
    const fixable = t.fixableErrors + t.fixableWarnings + t.fixableInfos;
    if (fixable > 0) out.push(c.green(`  其中 ${fixable} 个可用 --fix 自动修复`));
  }
  yield out.join('\n') + '\n';
};
