// Synthetic user dictionaries (schema: dictionaries/schema.json) of N outdated entries with unique made-up CJK
// terms and replacements. Entry i is the same in every size, so the corpus can inject terms 0…999 and both the
// 1,000- and 10,000-entry glossaries know them.
import fs from 'node:fs';
import path from 'node:path';
import { createRng, seedOf } from './lib/prng.mjs';

// Characters that the generated prose never uses, so made-up terms only occur where the corpus injects them.
const POOL = Array.from(
  '鹤鸥鹭鹃鹊鸽鹰雁莺鲸鲤鲫鳄鲨鲈蛟螺蚌蟹虾龟鳖蛙蝶蜂蚕萤蝉蜓菊梅兰竹荷莲桂柳杉桦枫槐榆桐椿楠樟柏橡棕芦苇藤萝蕨苔菱茉莉芍葵蔷薇琥珀翡翠玛瑙珊瑚璧琉璃砚墨笺笛箫琴瑟鼓钹铙磬埙筝驼骆麒麟貂獭狸狐貉獾猞猁鹦鹉孔雀鸳鸯',
);

function madeUp(rng, min, max) {
  const n = min + rng.int(max - min + 1);
  let s = '';
  for (let i = 0; i < n; i++) s += rng.pick(POOL);
  return s;
}

/** The first `count` synthetic entries: [{ id, term, replacement }], deterministic, terms and replacements unique. */
export function synthEntries(count) {
  const rng = createRng(seedOf('tifa-bench-glossary'));
  const used = new Set();
  const fresh = (min, max) => {
    for (;;) {
      const s = madeUp(rng, min, max);
      if (!used.has(s)) {
        used.add(s);
        return s;
      }
    }
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    const term = fresh(4, 7);
    const replacement = fresh(4, 6);
    out.push({ id: `synth-${String(i + 1).padStart(5, '0')}`, term, replacement });
  }
  return out;
}

const q = (s) => JSON.stringify(s); // a JSON string is a valid YAML double-quoted scalar

export function synthDictionaryYaml(count) {
  const lines = [
    '# yaml-language-server: $schema=../../../dictionaries/schema.json',
    `# 基准测试用的虚构词典：${count} 个过时词条，词语均为随机拼成，不是真实提法。`,
    'meta:',
    `  name: ${q(`基准测试虚构词典（${count} 条）`)}`,
    '  version: 2026.11.0',
    'entries:',
  ];
  for (const e of synthEntries(count)) {
    lines.push(
      `  - id: ${e.id}`,
      `    term: ${q(e.term)}`,
      '    definition: 基准测试用的虚构过时提法。',
      '    category: 基准测试',
      '    status: outdated',
      `    replacement: { terms: [${q(e.replacement)}] }`,
      '    confidence: high',
      '    sources:',
      '      - { title: 基准测试虚构来源, issuer: tifa 基准测试, date: 2026-01-01, quote: 虚构词条 }',
    );
  }
  return lines.join('\n') + '\n';
}

/** Writes synth-<count>.yaml into dir and returns its path. */
export function writeSynthDictionary(dir, count) {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `synth-${count}.yaml`);
  fs.writeFileSync(file, synthDictionaryYaml(count));
  return file;
}
