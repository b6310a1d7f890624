// 长名称的误写（variant）：开头三字与结尾三字都对、中间差一两个字，且不是词表里的任何写法。
// 如“行业产教共同体”→“行业产教融合共同体”。只看 ≥ 7 字的现行名称，短词差一两个字就是别的词。
// 只换了字（长度不变）时，换上的字与原字不同音、又处在分词切出的一个多字词里（高水平“教师”队伍 对 高水平“双师”队伍），
// 是换了一个词、说的是别的事，不是误写；同音、近音（人民→人名：拼音输入的错字）、形近（text/look-alike.ts）或换上的字不成词才报。
import type { Finding } from '../types';
import { commonEnds } from '../text/common-ends';
import { editDistance } from '../text/edit-distance';
import { makeFinding } from './finding';
import { severityFor } from './severity';
import { contextAllows, inBookTitle, normalizeDate } from './context';
import type { RuleEnv } from './term-rules';
import type { Entry } from '../glossary/entry';
import { firstFormEndingAfter, nameMayEndAt } from '../scan';
import { lookAlike } from '../text/look-alike';
import { onlyFunctionWordsDiffer } from './quote-semantics';

/** written 与 form 等长、逐字比：每个换掉的字都不同音、不形近且在一个多字词里（换了词，不是错字）。 */
function wordSubstitution(env: RuleEnv, s: number, written: string, form: string): boolean {
  if (written.length !== form.length || !env.boundary.segmenting) return false;
  for (let i = 0; i < form.length; i++) {
    const a = written.charCodeAt(i);
    const b = form.charCodeAt(i);
    if (a === b) continue;
    if (lookAlike(a, b)) return false;
    // 前后都是词边界：这个字单独成词，多半是错字
    if (env.boundary.isBoundary(s + i) && env.boundary.isBoundary(s + i + 1)) return false;
  }
  return true;
}

/**
 * written 是在 form 中间整段插入一个多字词（增强职业“技术”教育适应性）：插入的部分前后都是分词边界，
 * 是作者把名称说得更完整，不是误写。
 */
function wordInsertion(env: RuleEnv, s: number, written: string, form: string): boolean {
  const extra = written.length - form.length;
  if (extra < 2 || !env.boundary.segmenting) return false;
  const { prefix: p, suffix: q } = commonEnds(written, form);
  if (p + q !== form.length) return false;
  // 插入的位置可能不止一处（全国“职工”职业技能大赛：插在“全国”后、或“全国职”后都说得通）：逐个往前试
  for (let k = p; k >= 0; k--) {
    if (env.boundary.isBoundary(s + k) && env.boundary.isBoundary(s + k + extra)) return true;
    if (k === 0 || written.charCodeAt(k - 1) !== written.charCodeAt(k - 1 + extra)) break;
  }
  return false;
}

/**
 * 名称里的一个词换成了结构助词“的”（建设中国特色社会主义“的”发展道路 对 中国特色社会主义“教育”发展道路）：
 * 是一个普通的偏正短语，说的是别的事，不是名称的误写。
 */
function wordReplacedByDe(written: string, form: string): boolean {
  const { prefix: p, suffix: q } = commonEnds(written, form);
  return /^的+$/.test(written.slice(p, written.length - q)) && form.length - q - p >= 2;
}

/**
 * 前面是“省级、市级、校级……”，写出的又正好是名称去掉“国家、全国、中国”（省级职业教育规划教材 对 职业教育国家规划教材）：
 * 说的是另一级的同类项目，不是国家级名称的误写。
 */
const LEVEL_BEFORE = /(?:省级|市级|区级|县级|校级|院级|省|市)$/;
function otherLevel(norm: string, s: number, written: string, form: string): boolean {
  if (!LEVEL_BEFORE.test(norm.slice(Math.max(0, s - 2), s))) return false;
  return ['国家', '全国', '中国'].some((w) => form.includes(w) && form.replace(w, '') === written);
}

/** [s, e) 与一个 4 字以上的词表写法的命中重叠吗。 */
function overlapsLongForm(forms: RuleEnv['scan']['forms'], s: number, e: number): boolean {
  for (let k = firstFormEndingAfter(forms, s); k < forms.length && forms[k].s < e; k++) if (forms[k].e - forms[k].s >= 4) return true;
  return false;
}

const QUOTES = /[“”‘’"'「」『』]/;

/**
 * 名称的疑似误写 [s, e) 报成 variant（长名称近似命中与短名称同音错字共用）：与词表里其他写法的命中重叠、在书名号里、
 * 语境不符、被允许或规则关掉时返回 null。
 */
export function nameTypoFinding(env: RuleEnv, entry: Entry, form: string, s: number, e: number): Finding | null {
  const { scan, options } = env;
  const norm = scan.p.norm;
  // 与词表里其他写法的命中重叠时，交给那条规则
  if (overlapsLongForm(scan.forms, s, e)) return null;
  const sent = scan.sentences.sentenceAt(s);
  if (inBookTitle(norm, sent.start, sent.end, s, e) || !contextAllows(entry, scan.sentences, norm, s, e)) return null;
  if (!env.allowed(entry.id, norm.slice(s, e))) return null;
  const severity = severityFor('variant', entry, options);
  if (!severity) return null;
  const f = makeFinding(scan, s, e, 'variant', entry, severity, '', [entry.term === form ? entry.term : form]);
  f.message = `“${f.matched}”疑为“${f.suggestions[0]}”的误写`;
  return f;
}

export function nameNearMissRule(env: RuleEnv): Finding[] {
  const { scan, glossary, asOf } = env;
  const out: Finding[] = [];
  const norm = scan.p.norm;
  let lastEnd = -1;
  for (const hit of scan.nameHits) {
    if (hit.s < lastEnd) continue;
    const { entry, form } = scan.matcher.names[hit.name];
    // 绝大多数命中就是名称本身：原样出现的直接跳过，不算编辑距离
    if (norm.startsWith(form, hit.s)) continue;
    if (entry.since && normalizeDate(entry.since) > asOf) continue;
    let best: { e: number; d: number } | null = null;
    for (let len = form.length - 2; len <= form.length + 2; len++) {
      const e = hit.s + len;
      if (!nameMayEndAt(norm, e, form)) continue;
      const cand = norm.slice(hit.s, e);
      if (/[\n\ufffc,;。!?、]/.test(cand)) continue;
      // 片段里夹着引号：要么只差引号（“访企拓岗促就业”专项行动），要么引号括住的是作者自己写定的一个说法
      // （“新八级”职业技能等级制度：引号不是换掉的字），都不是误写
      if (QUOTES.test(cand)) continue;
      const d = editDistance(cand, form);
      if (d >= 1 && d <= 2 && d <= Math.floor(form.length / 4) && (!best || d < best.d)) best = { e, d };
    }
    if (!best) continue;
    const { s } = hit;
    const { e } = best;
    const written = norm.slice(s, e);
    if (glossary.byForm(written)) continue;
    if (onlyFunctionWordsDiffer(written, form)) continue;
    if (wordSubstitution(env, s, written, form) || wordInsertion(env, s, written, form) || wordReplacedByDe(written, form) || otherLevel(norm, s, written, form)) continue;
    const f = nameTypoFinding(env, entry, form, s, e);
    if (!f) continue;
    out.push(f);
    lastEnd = e;
  }
  return out;
}
