// 短名称错字的候选（packages/core/src/short-plan.ts 的二分查找）与逐位置、逐名称的朴素查找完全相同：
// 真实的默认词表，全部存档原文，再加上按词表生成的同音错写与形近错写（每个短名称各换一个字）。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '@tifa/core/node';
import { scan } from '../packages/core/src/scan';
import { sameSound } from '../packages/core/src/text/same-sound';
import { lookAlike, shapeSimilar } from '../packages/core/src/text/look-alike';
import { ROOT } from './cli/helpers';

const { glossary } = loadGlossary();

/** 把 form 的第 i 个字换成码位最小的另一个同音字（找不到就原样）。 */
function homophoneAt(form: string, i: number): string {
  const c = form.charCodeAt(i);
  for (let x = 0x4e00; x <= 0x9fff; x++) if (x !== c && sameSound(x, c)) return form.slice(0, i) + String.fromCharCode(x) + form.slice(i + 1);
  return form;
}

/** 把 form 里第一个有形近字的字换成形近字（没有就原样）。 */
function shapeTypo(form: string): string {
  for (let i = 0; i < form.length; i++) {
    const c = form.charCodeAt(i);
    for (let x = 0x4e00; x <= 0x9fff; x++) if (x !== c && shapeSimilar(x, c)) return form.slice(0, i) + String.fromCharCode(x) + form.slice(i + 1);
  }
  return form;
}

describe('short-name candidates', () => {
  it('are exactly the spans one look-alike character away from a short name, on the stored official texts and generated typos', () => {
    const dir = path.join(ROOT, 'dictionaries/sources');
    const names = glossary.matcher.shortNames;
    const typos = names.map((n, k) => `学院推进${homophoneAt(n.form, k % n.form.length)}工作，落实${shapeTypo(n.form)}要求。`);
    const text = [...fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')), ...typos].join('\n\n');
    const s = scan(text, glossary, 'markdown');
    const got = [...new Set(s.shortHits.map((h) => `${h.s}:${h.name}:${h.at}`))].sort();
    const norm = s.p.norm;
    const want: string[] = [];
    names.forEach(({ form }, name) => {
      for (let i = 0; i + form.length <= norm.length; i++) {
        let at = -1;
        let diff = 0;
        for (let k = 0; k < form.length && diff < 2; k++) if (norm[i + k] !== form[k]) (diff++, (at = k));
        if (diff === 1 && lookAlike(norm.charCodeAt(i + at), form.charCodeAt(at))) want.push(`${i}:${name}:${at}`);
      }
    });
    want.sort();
    expect(want.length).toBeGreaterThan(names.length / 2);
    expect(got).toEqual(want);
  });
});
