// 词条自带的例句自测：flag 句必须恰好产生一条本词条的发现，pass 句不得产生任何发现。
import type { ExampleCase, LintOptions } from '../types';
import type { Glossary } from './glossary';
import type { Entry } from './entry';
import { lint } from '../lint';

export interface ExampleFailure {
  entryId: string;
  file: string;
  line: number;
  kind: 'flag' | 'pass';
  text: string;
  /** 实际产生的发现（规则、词条、片段）。 */
  got: { ruleId: string; termId: string; matched: string }[];
  message: string;
}

function asCase(x: string | ExampleCase): ExampleCase {
  return typeof x === 'string' ? { text: x } : x;
}

export interface ExampleRun {
  total: number;
  failures: ExampleFailure[];
}

export function runExamples(glossary: Glossary, options: LintOptions = {}, filter?: (e: Entry) => boolean): ExampleRun {
  const failures: ExampleFailure[] = [];
  let total = 0;
  for (const entry of glossary.entries) {
    if (filter && !filter(entry)) continue;
    for (const kind of ['flag', 'pass'] as const) {
      for (const ex of (entry.examples?.[kind] ?? []).map(asCase)) {
        total++;
        // 首次出现规则看整篇文档，单句例子里不适用
        const found = lint(ex.text, glossary, { ...options, language: 'plaintext', asOf: ex.asOf ?? options.asOf, rules: { 'first-mention': 'off' }, terms: {} });
        const got = found.map((f) => ({ ruleId: f.ruleId, termId: f.termId, matched: f.matched }));
        const describe = got.map((g) => `${g.ruleId}:${g.termId}“${g.matched}”`).join('，') || '无';
        if (kind === 'flag' && !(got.length === 1 && got[0].termId === entry.id)) {
          failures.push({ entryId: entry.id, file: entry.file, line: entry.line, kind, text: ex.text, got, message: `应恰好报出本词条一次，实际：${describe}` });
        }
        if (kind === 'pass' && got.length > 0) {
          failures.push({ entryId: entry.id, file: entry.file, line: entry.line, kind, text: ex.text, got, message: `不应报任何问题，实际：${describe}` });
        }
      }
    }
  }
  return { total, failures };
}
