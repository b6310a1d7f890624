// Real policy prose for the bench: the paragraphs of the internal compilation ../shared/corpus/zhijiao-dongtai-2024-06.txt
// (relative to the repo root), shuffled with a fixed seed and repeated up to a size. Built at bench time into
// tests/bench/.work/ (gitignored): the compilation is internal material and is never committed.
import fs from 'node:fs';
import path from 'node:path';
import { createRng, seedOf } from './prng.mjs';
import { ROOT_DIR, WORK_DIR } from './paths.mjs';

export const REAL_SOURCE = process.env.TIFA_REAL_PROSE ?? path.resolve(ROOT_DIR, '../shared/corpus/zhijiao-dongtai-2024-06.txt');
export const REAL_DIR = path.join(WORK_DIR, 'real');

/** Paragraphs = runs of non-blank lines, trimmed at the ends (line breaks inside a paragraph are kept). */
export function paragraphsOf(text) {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u3000]*\n/)
    .map((p) => p.replace(/^\s+|\s+$/g, ''))
    .filter(Boolean);
}

/** Fisher–Yates with the bench's seeded PRNG: one new order per pass, the same on every machine. */
function shuffled(list, rng) {
  const a = [...list];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

/** At least targetBytes of UTF-8: whole paragraphs separated by blank lines, each pass in its own shuffled order. */
export function realProse(paragraphs, targetBytes, label) {
  const rng = createRng(seedOf(`real/${label}`));
  const parts = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    for (const p of shuffled(paragraphs, rng)) {
      parts.push(p);
      bytes += Buffer.byteLength(p) + 2;
      if (bytes >= targetBytes) break;
    }
  }
  return parts.join('\n\n') + '\n';
}

/** Writes real-<name>.txt for each [name, bytes]; returns manifests like corpus.mjs's (no injected spans), or null without the source. */
export function writeRealCorpus(sizes, dir = REAL_DIR) {
  if (!fs.existsSync(REAL_SOURCE)) return null;
  const paragraphs = paragraphsOf(fs.readFileSync(REAL_SOURCE, 'utf8'));
  fs.mkdirSync(dir, { recursive: true });
  const out = {};
  for (const [name, size] of sizes) {
    const text = realProse(paragraphs, size, name);
    const file = path.join(dir, `real-${name}.txt`);
    fs.writeFileSync(file, text);
    out[`real-${name}`] = { name: `real-${name}`, real: true, paths: [file], files: 1, bytes: Buffer.byteLength(text), injected: { default: 0, synth: 0 }, spans: {} };
  }
  return out;
}
