// @tifa/core 公共 API：纯函数，无 I/O、无协议依赖。读文件在 '@tifa/core/node'。
export * from './types';
export type { Entry } from './glossary/entry';
export type { Glossary } from './glossary/glossary';
export { parseDictionary } from './glossary/parse';
export { createGlossary } from './glossary/glossary';
export { lint, findTerms, createLintCache } from './lint';
export type { LintCache } from './lint';
export { termAt } from './service/term-at';
export { complete, completionsAt } from './service/complete';
export type { CompletionItem, CompletionResult } from './service/complete';
export { explain } from './service/explain';
export type { Explanation } from './service/explain';
export { formatHoverMarkdown } from './service/hover';
export { applyFixes, safeEdits, applyEdits } from './fix';
export { runExamples } from './glossary/examples';
export type { ExampleFailure, ExampleRun } from './glossary/examples';
export { offsetToPosition, positionToOffset, lineStarts } from './text/positions';
export { parseSuppressions } from './text/suppress';
