// 短名称的错字（variant）：与 4–6 字的现行术语等长、只差一个字，且两字同音或近音——拼音输入法选错了字
// （数字经纪→数字经济、教育家经神→教育家精神），或形近——手写、五笔、看错（项层设计→顶层设计；字表见 text/look-alike.ts）。
// 不报的情形：
// - 片段本身是词表里的写法；没有分词器（判断不了词边界）；
// - 片段两头不在词边界上（“职业教育发展”里的“职业教育发”截断了“发展”）；
// - 换掉的字在片段一端、又单独成词（“教学成果将在全省推广”的“将”属于后文）。
import type { Finding } from '../types';
import { normalizeDate } from './context';
import type { RuleEnv } from './term-rules';
import { nameTypoFinding } from './name-near-miss';

export function shortNameTypoRule(env: RuleEnv): Finding[] {
  const { scan, glossary, asOf, boundary } = env;
  const out: Finding[] = [];
  if (!boundary.segmenting || !scan.shortHits.length) return out;
  const norm = scan.p.norm;
  // 同一片段可能由头两字、末两字各记一次
  const hits = [...scan.shortHits].sort((a, b) => a.s - b.s || a.name - b.name);
  let last = { s: -1, name: -1 };
  for (const hit of hits) {
    if (hit.s === last.s && hit.name === last.name) continue;
    last = hit;
    const { entry, form } = scan.matcher.shortNames[hit.name];
    const s = hit.s;
    const e = s + form.length;
    const written = norm.slice(s, e);
    // 只差的那个字同音、近音或形近，扫描时已查过（scan.ts）
    const diff = hit.at;
    if (glossary.byForm(written)) continue;
    if (entry.since && normalizeDate(entry.since) > asOf) continue;
    if (!boundary.isBoundary(s) || !boundary.isBoundary(e)) continue;
    if ((diff === 0 || diff === form.length - 1) && boundary.isBoundary(s + diff) && boundary.isBoundary(s + diff + 1)) continue;
    const f = nameTypoFinding(env, entry, form, s, e);
    if (f) out.push(f);
  }
  return out;
}
