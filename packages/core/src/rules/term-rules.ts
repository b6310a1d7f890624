// outdated-term 与 variant：由写法命中决定。
import type { Finding, LintOptions } from '../types';
import type { Entry } from '../glossary/entry';
import type { Glossary } from '../glossary/glossary';
import type { Scan, FormMatch } from '../scan';
import { contextAllows, inBookTitle, isHistorical, markedHistorical, normalizeDate, outdatedFrom, titleTreatedAsCurrent } from './context';
import type { BoundaryChecker } from './boundary';
import { clauseAt } from './clause';
import { duringEndedPeriod } from './ended-period';
import { narratedAfter, stanceOf } from './stance';
import { titleAround } from './titles';
import { applyQuoteSemantics, mentionedAsWord, quoteContext, quotesDocument } from './quote-semantics';
import { namedWithSuccessor, renamedInSentence } from './change-narration';
import { makeFinding } from './finding';
import { severityFor } from './severity';

export interface RuleEnv {
  scan: Scan;
  glossary: Glossary;
  options: LintOptions;
  asOf: string;
  boundary: BoundaryChecker;
  allowed: (termId: string, matchedNorm: string) => boolean;
}

/** 建议里只留文档日期时已经提出的写法：2018 年的文档不建议 2024 年才有的词。 */
function suggestionsAsOf(env: RuleEnv, terms: string[], id: string | undefined): string[] {
  const target = id ? env.glossary.byId(id) : undefined;
  if (target?.since && normalizeDate(target.since) > env.asOf) return [];
  return terms.filter((t) => {
    const e = env.glossary.byForm(t);
    return !e?.since || normalizeDate(e.since) <= env.asOf;
  });
}

/** 书名号之外的共同条件：白名单、词边界、语境词组。 */
function allowedHere(env: RuleEnv, m: FormMatch): boolean {
  const { scan } = env;
  if (!contextAllows(m.ref.entry, scan.sentences, scan.p.norm, m.s, m.e)) return false;
  if (!env.allowed(m.ref.entry.id, scan.p.norm.slice(m.s, m.e))) return false;
  if (env.boundary.needsCheck(m.ref.entry, m.e - m.s) && !env.boundary.ok(m.s, m.e)) return false;
  return true;
}

function common(env: RuleEnv, m: FormMatch): boolean {
  const { scan } = env;
  const sent = scan.sentences.sentenceAt(m.s);
  if (inBookTitle(scan.p.norm, sent.start, sent.end, m.s, m.e)) return false;
  return allowedHere(env, m);
}

/**
 * 有起止期的过时词条：分句把它说成当前或将来才报（返回起决定作用的线索），回顾与中性叙述返回 null。
 * 在《》里时，只在“继续落实《……》”这类把过期文件当作现行文件执行的分句里报。
 */
function currentUse(env: RuleEnv, m: FormMatch): string | null {
  const { scan, asOf } = env;
  const entry = m.ref.entry;
  const norm = scan.p.norm;
  const sent = scan.sentences.sentenceAt(m.s);
  const title = titleAround(norm, sent, m.s, m.e);
  let s = m.s;
  let e = m.e;
  if (title) {
    if (!entry.period || !titleTreatedAsCurrent(norm, sent.start, title)) return null;
    s = title.start;
    e = title.end;
  }
  if (!allowedHere(env, m)) return null;
  // 引用文件的原话（“第二期‘双高计划’通知要求‘深入贯彻……二中、三中全会精神’”）照录那份文件当时的写法，不要求作者改。
  // 只认文件：转述讲话的引语常有记错的（“总书记提出‘推动普职融通’”），照报
  if (quotesDocument(norm, s, e)) return null;
  const clause = clauseAt(norm, sent, s, e);
  if (duringEndedPeriod(env, m, clause)) return null;
  if (mentionedAsWord(norm, s, e)) return null;
  if (namedWithSuccessor(norm, e, clause.end, entry.replacement?.terms) || renamedInSentence(norm, sent, scan.sentences.paragraphAt(m.s).end, entry.replacement?.terms)) return null;
  if (!entry.period) return isHistorical(norm, clause, s, e, entry.until) || narratedAfter(norm.slice(e, clause.end)) ? null : '';
  if (markedHistorical(norm, clause, s)) return null;
  const st = stanceOf(norm, s, e, clause, Number(entry.period.end.slice(0, 4)), Number(asOf.slice(0, 4)));
  return st.stance === 'current' ? (st.cue ?? '') : null;
}

/** 与词条同一类别、起止期包含文档日期的词条（按年比较）。 */
function periodAt(env: RuleEnv, entry: Entry): string[] {
  const year = env.asOf.slice(0, 4);
  const hit = env.glossary.entries.find(
    (x) => x !== entry && x.category === entry.category && x.period?.start && x.period.start.slice(0, 4) <= year && year <= x.period.end.slice(0, 4),
  );
  return hit ? [hit.term] : [];
}

/**
 * 写出的是术语前后多一两个字的写法（顶岗实习期、毕业顶岗实习、高职高专院校），替换写法又是同一位置上的另一个名称
 * （长短相差不超过两个字）：建议只换术语那一段，多出的字留着（岗位实习期、毕业岗位实习、高职专科院校），
 * 否则改完就成了“学生岗位实习间”。口号式的替换（决战决胜全面建成小康社会 → 全面建设社会主义现代化国家）整句改写，不拼接。
 */
function keepAffix(written: string, term: string, terms: string[]): string[] {
  const at = written.indexOf(term);
  if (at < 0 || written.length === term.length || written.length - term.length > 2) return terms;
  return terms.map((t) => (Math.abs(t.length - term.length) <= 2 ? written.slice(0, at) + t + written.slice(at + term.length) : t));
}

export function termRules(env: RuleEnv): Finding[] {
  const out: Finding[] = [];
  const { scan, asOf, options } = env;
  for (const m of scan.forms) {
    const entry = m.ref.entry;
    // 历史名称（带年份的计划全称、首轮项目）有起止期时，同样不能写成当前或将来
    if (entry.status === 'outdated' || (entry.status === 'historical' && entry.period)) {
      const from = outdatedFrom(entry);
      if (from && from > asOf) continue;
      const severity = severityFor('outdated-term', entry, options);
      if (!severity) continue;
      const cue = currentUse(env, m);
      if (cue === null) continue;
      let terms = suggestionsAsOf(env, entry.replacement?.terms ?? [], entry.replacement?.id);
      // 有起止期的词条：替换写法在文档日期还没提出时，改建议同类里文档日期所在的那个时期（2022 年的文档建议“十四五”）
      if (entry.period && terms.length === 0) terms = periodAt(env, entry);
      else if (entry.replacement && terms.length === 0) continue;
      const written = scan.p.text.slice(scan.p.map[m.s], scan.p.map[m.e - 1] + 1);
      terms = keepAffix(written, entry.term, terms);
      const stance = entry.period ? `（文档日期 ${asOf}，${cue ? `本句“${cue}”` : '本句'}把它写成了当前或将来）` : '';
      const head = terms.length
        ? `“${written}”已是过时提法，现行规范写法为“${terms.join('”或“')}”`
        : `“${written}”的实施期已于 ${entry.period?.end.slice(0, 4)} 年结束，不能再写成现行的计划或项目`;
      const message = `${head}${entry.reason ? `：${entry.reason}` : ''}${stance}`;
      // 有 context 或起止期的规则往往要改整句措辞，不给自动修复
      const fixable = !entry.context && !entry.period;
      out.push(makeFinding(scan, m.s, m.e, 'outdated-term', entry, severity, message, terms, fixable ? terms : []));
    } else if (entry.status === 'current' && (m.ref.kind === 'discouraged' || m.caseDiffers)) {
      if (entry.since && normalizeDate(entry.since) > asOf) continue;
      // 固定提法的已知误写按误引报
      const rule = entry.kind === 'formulation' && m.ref.kind === 'discouraged' ? 'misquote' : 'variant';
      const severity = severityFor(rule, entry, options);
      if (!severity || !common(env, m)) continue;
      const written = scan.p.text.slice(scan.p.map[m.s], scan.p.map[m.e - 1] + 1);
      const target = m.caseDiffers && m.ref.kind !== 'term' ? m.ref.exact : entry.term;
      const message = rule === 'misquote' ? `固定提法引用有误，原文为“${target}”` : `“${written}”不是规范写法，应为“${target}”`;
      const finding = makeFinding(scan, m.s, m.e, rule, entry, severity, message, [target]);
      // 固定提法的已知误写：引号外降为 warning，署名引语不自动修复（见 quote-semantics.ts）
      if (rule === 'misquote') {
        const adjusted = applyQuoteSemantics(finding, quoteContext(scan.p.norm, m.s, m.e), false);
        if (adjusted) out.push(adjusted);
      } else out.push(finding);
    }
  }
  return out;
}
