// 状态栏的文字与悬停提示：由服务器状态、词表信息和当前文件的问题数算出，不依赖 'vscode'。
import type { Translate } from './translate';
import { DIAGNOSTIC_SOURCE, type GlossaryInfo } from './serverProtocol';

export type ServerState = 'starting' | 'running' | 'stopped';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  total: number;
}

/** 诊断的最小形状；severity 与 vscode.DiagnosticSeverity 相同（0 错误、1 警告、2 信息、3 提示）。 */
export interface DiagnosticLike {
  source?: string;
  severity: number;
}

export function countTifaProblems(diagnostics: readonly DiagnosticLike[]): ProblemCounts {
  const counts: ProblemCounts = { errors: 0, warnings: 0, infos: 0, hints: 0, total: 0 };
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
    counts.total++;
    if (diagnostic.severity === 0) counts.errors++;
    else if (diagnostic.severity === 1) counts.warnings++;
    else if (diagnostic.severity === 2) counts.infos++;
    else counts.hints++;
  }
  return counts;
}

export interface StatusModel {
  state: ServerState;
  glossary?: GlossaryInfo;
  /** 当前编辑器的问题数；当前文件不归 tifa 检查时为 undefined。 */
  problems?: ProblemCounts;
  /** tifa.enable 为 false。 */
  disabled?: boolean;
}

export interface StatusView {
  text: string;
  tooltip: string;
}

export function statusBarView(model: StatusModel, t: Translate): StatusView {
  const lines: string[] = [];
  let text: string;
  if (model.state === 'starting') {
    text = '$(sync~spin) tifa';
    lines.push(t('tifa is starting…'));
  } else if (model.state === 'stopped') {
    text = '$(error) tifa';
    lines.push(t('The tifa language server is not running. Click to show the log.'));
  } else if (model.disabled) {
    text = '$(circle-slash) tifa';
    lines.push(t('tifa checking is disabled (tifa.enable).'));
  } else {
    text = model.glossary ? `$(book) tifa ${model.glossary.version}` : '$(book) tifa';
    lines.push(t('tifa is active'));
    if (model.problems) text += model.problems.total > 0 ? ` $(warning) ${model.problems.total}` : ' $(check)';
  }
  if (model.glossary) {
    lines.push(t('Glossary version {0}, {1} entries', model.glossary.version, model.glossary.entries));
    lines.push(
      model.glossary.segmenter
        ? t('Word segmentation: available')
        : t('Word segmentation unavailable: checks that depend on word boundaries are reduced'),
    );
    if (model.glossary.dictionaries.length > 0) lines.push(t('User dictionaries: {0}', model.glossary.dictionaries.length));
    if (model.glossary.problems > 0) lines.push(t('Dictionary problems: {0} (see the Problems view)', model.glossary.problems));
  }
  if (model.state === 'running' && !model.disabled && model.problems) {
    const p = model.problems;
    lines.push(
      p.total === 0
        ? t('No tifa problems in this file')
        : t('This file: {0} errors, {1} warnings, {2} infos, {3} hints', p.errors, p.warnings, p.infos, p.hints),
    );
  }
  if (model.state !== 'stopped') lines.push(t('Click to open the Problems view'));
  return { text, tooltip: lines.join('\n') };
}
