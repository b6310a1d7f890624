// Child process: throughput of core lint() in-process, glossary load excluded (issue 2's figure).
// node lib/core-throughput.mjs <core.cjs> <file.md> <reps> [dictionary.yaml]   → JSON on stdout.
// With a dictionary the glossary is that file alone (builtin: false); without, the default glossary, loaded as the CLI
// and the language server load it (precompiled: the compiled snapshot in the cache directory, so the first lint() does
// not compile the matcher).
// The jieba segmenter is used as the CLI and the server use it. The first lint() of the whole text (it loads the
// segmenter's dictionary) is timed apart as firstMs: issue 15 wants it within 2× of the warm runs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const [corePath, file, repsArg, dict] = process.argv.slice(2);
const core = createRequire(import.meta.url)(path.resolve(corePath));
const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;

let t = process.hrtime.bigint();
const { glossary, diagnostics } = core.loadGlossary(dict ? { builtin: false, dictionaries: [dict] } : { precompiled: true });
const loadMs = ms(t);
const errors = diagnostics.filter((d) => d.severity === 'error');
if (errors.length) {
  process.stderr.write(`词典有 ${errors.length} 个错误，例如 ${errors[0].file}:${errors[0].line} ${errors[0].message}\n`);
  process.exit(2);
}
const segmenter = core.createJiebaSegmenter(glossary);
const text = fs.readFileSync(file, 'utf8');

t = process.hrtime.bigint();
core.lint(text, glossary, { segmenter });
const firstMs = ms(t);

const runsMs = [];
let findings = 0;
for (let i = 0; i < Number(repsArg); i++) {
  t = process.hrtime.bigint();
  findings = core.lint(text, glossary, { segmenter }).length;
  runsMs.push(ms(t));
}
process.stdout.write(JSON.stringify({ entries: glossary.entries.length, loadMs, firstMs, runsMs, findings, bytes: Buffer.byteLength(text), segmenter: segmenter !== null }));
