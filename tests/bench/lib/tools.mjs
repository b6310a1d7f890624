// The two contenders as command lines, and their JSON output read back as plain spans { file, start, end, rule }.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BENCH_DIR, CLI_SNAPSHOT } from './paths.mjs';

const require = createRequire(path.join(BENCH_DIR, 'package.json'));
export const TEXTLINT_BIN = path.join(path.dirname(require.resolve('textlint/package.json')), 'bin/textlint.js');
export const TEXTLINT_VERSION = require('textlint/package.json').version;
export const PRH_RULE_VERSION = require('textlint-rule-prh/package.json').version;

/** glossary: { name, dict?: user dictionary path, textlintrc: path }. */
export const tifa = {
  name: 'tifa',
  command(paths, glossary, outFile) {
    return { args: [CLI_SNAPSHOT, 'lint', '--format', 'json', ...(glossary.dict ? ['--dict', glossary.dict] : []), ...paths], stdoutFile: outFile };
  },
  /** ESLint-style JSON: [{ filePath, messages: [{ ruleId, offset, length }] }]. */
  findings(outFile) {
    return JSON.parse(fs.readFileSync(outFile, 'utf8')).flatMap((r) =>
      r.messages.map((m) => ({ file: r.filePath, start: m.offset, end: m.offset + m.length, rule: m.ruleId })),
    );
  },
};

export const textlint = {
  name: 'textlint + prh',
  command(paths, glossary, outFile) {
    return { args: [TEXTLINT_BIN, '--config', glossary.textlintrc, '--format', 'json', '--output-file', outFile, ...paths] };
  },
  /** textlint JSON: a message's range is one character; the fix range covers the whole match. */
  findings(outFile) {
    return JSON.parse(fs.readFileSync(outFile, 'utf8')).flatMap((r) =>
      r.messages.map((m) => {
        const [start, end] = m.fix?.range ?? m.range ?? [m.index, m.index + 1];
        return { file: r.filePath, start, end, rule: m.ruleId };
      }),
    );
  },
};

/** The textlint config that runs prh with one dictionary. */
export function textlintrc(prhYamlPath) {
  return JSON.stringify({ rules: { prh: { rulePaths: [prhYamlPath] } } }, null, 2);
}
