import { describe, expect, it } from 'vitest';
import { countTifaProblems, statusBarView, type StatusModel } from '../src/statusText';
import type { GlossaryInfo } from '../src/serverProtocol';
import { chineseTranslator, tEnglish } from './helpers/l10n';

const glossary: GlossaryInfo = { version: '2026.11.0', entries: 42, segmenter: true, dictionaries: [], problems: 0 };

describe('countTifaProblems', () => {
  it('counts only diagnostics whose source is tifa, by severity', () => {
    const counts = countTifaProblems([
      { source: 'tifa', severity: 0 },
      { source: 'tifa', severity: 1 },
      { source: 'tifa', severity: 1 },
      { source: 'tifa', severity: 2 },
      { source: 'tifa', severity: 3 },
      { source: 'markdownlint', severity: 1 },
      { severity: 0 },
    ]);
    expect(counts).toEqual({ errors: 1, warnings: 2, infos: 1, hints: 1, total: 5 });
  });
});

describe('statusBarView', () => {
  const zh = chineseTranslator();

  it('shows the glossary version and the problem count of the current file', () => {
    const model: StatusModel = { state: 'running', glossary, problems: countTifaProblems([{ source: 'tifa', severity: 1 }, { source: 'tifa', severity: 0 }]) };
    const view = statusBarView(model, zh);
    expect(view.text).toContain('2026.11.0');
    expect(view.text).toMatch(/\$\(warning\) 2$/);
    expect(view.tooltip).toContain('词表版本 2026.11.0，共 42 个词条');
    expect(view.tooltip).toContain('1 个错误，1 个警告');
    expect(view.tooltip).toContain('单击打开“问题”面板');
  });

  it('shows a check mark when the current file has no problems, and nothing when it is not a tifa file', () => {
    const clean = statusBarView({ state: 'running', glossary, problems: countTifaProblems([]) }, tEnglish);
    expect(clean.text).toMatch(/\$\(check\)$/);
    expect(clean.tooltip).toContain('No tifa problems in this file');
    const other = statusBarView({ state: 'running', glossary }, tEnglish);
    expect(other.text).toBe('$(book) tifa 2026.11.0');
    expect(other.tooltip).not.toContain('this file');
  });

  it('tells when segmentation is unavailable and when dictionaries have problems', () => {
    const view = statusBarView({ state: 'running', glossary: { ...glossary, segmenter: false, problems: 3, dictionaries: ['a.yaml'] } }, zh);
    expect(view.tooltip).toContain('分词不可用');
    expect(view.tooltip).toContain('词典问题：3 个');
    expect(view.tooltip).toContain('用户词典：1 个');
  });

  it('distinguishes starting, stopped and disabled', () => {
    expect(statusBarView({ state: 'starting' }, zh).text).toContain('sync~spin');
    const stopped = statusBarView({ state: 'stopped', glossary }, zh);
    expect(stopped.text).toBe('$(error) tifa');
    expect(stopped.tooltip).toContain('没有运行');
    expect(stopped.tooltip).not.toContain('“问题”面板');
    const disabled = statusBarView({ state: 'running', disabled: true, problems: countTifaProblems([{ source: 'tifa', severity: 0 }]) }, zh);
    expect(disabled.text).toBe('$(circle-slash) tifa');
    expect(disabled.tooltip).toContain('tifa.enable');
  });
});
