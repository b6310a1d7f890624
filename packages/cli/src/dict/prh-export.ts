// 词表 → prh YAML 词典（textlint-rule-prh 用）。prh 没有语境与日期判断：带 context 的词条、低把握的规则与
// 固定提法跳过，并在文件头注明；规范写法包含旧写法时改用正则，避免把已经正确的写法再报一次。
import type { Entry, Glossary } from '@tifa/core';
import YAML from 'yaml';

export interface PrhRule {
  expected: string;
  patterns: string[];
  prh: string;
}

export interface PrhExport {
  rules: PrhRule[];
  skipped: { id: string; reason: string }[];
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * tifa 的折叠里 prh 能表达的部分：ASCII 字母不分大小写、ASCII 与全角字符不分（1+x、１＋Ｘ 都算 1+X）。
 * 繁简折叠不导出：几乎每个汉字都有繁体，正则会大到没法读。
 */
function foldedChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (c < 0x21 || c > 0x7e) return escapeRegExp(ch);
  const wide = String.fromCharCode(c + 0xfee0);
  if (/[a-z]/i.test(ch)) {
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    return `[${lower}${upper}${String.fromCharCode(lower.charCodeAt(0) + 0xfee0)}${String.fromCharCode(upper.charCodeAt(0) + 0xfee0)}]`;
  }
  return `[${escapeRegExp(ch)}${wide}]`;
}

export function hasFoldable(s: string): boolean {
  return /[\x21-\x7e]/.test(s);
}

export function foldedSource(s: string): string {
  return [...s].map(foldedChar).join('');
}

/**
 * 一条旧写法的 prh pattern。含 ASCII 时写成折叠后的正则；
 * 旧写法 p 是规范写法的一部分时（如“职业教育”之于“现代职业教育”），排除规范写法里的那一处。
 */
export function prhPattern(pattern: string, expected: string): string {
  const i = expected.indexOf(pattern);
  if (i < 0) return hasFoldable(pattern) ? `/${foldedSource(pattern)}/` : pattern;
  const before = expected.slice(0, i);
  const after = expected.slice(i + pattern.length);
  const p = hasFoldable(pattern) ? foldedSource(pattern) : escapeRegExp(pattern);
  if (before && after) return `/(?<!${escapeRegExp(before)})${p}|${p}(?!${escapeRegExp(after)})/`;
  if (before) return `/(?<!${escapeRegExp(before)})${p}/`;
  return `/${p}(?!${escapeRegExp(after)})/`;
}

function rule(expected: string, forms: string[], note: string): PrhRule | undefined {
  const patterns = [...new Set(forms)].filter((f) => f && f !== expected).map((f) => prhPattern(f, expected));
  return patterns.length ? { expected, patterns, prh: note } : undefined;
}

function sourceNote(entry: Entry): string {
  const s = entry.sources[0];
  return s ? `（依据：《${s.title}》，${s.issuer}，${s.date}）` : '';
}

export function glossaryToPrh(glossary: Glossary): PrhExport {
  const rules: PrhRule[] = [];
  const skipped: PrhExport['skipped'] = [];
  for (const entry of glossary.entries) {
    if (entry.kind === 'formulation') {
      if (entry.discouraged?.length) skipped.push({ id: entry.id, reason: '固定提法的误引检查无法用 prh 表达' });
      continue;
    }
    if (entry.status === 'historical') continue;
    const hasRule = entry.status === 'outdated' || (entry.discouraged?.length ?? 0) > 0;
    if (!hasRule) continue;
    if (entry.context?.require?.length || entry.context?.exclude?.length) {
      skipped.push({ id: entry.id, reason: '依赖语境（context）' });
      continue;
    }
    if (entry.confidence === 'low') {
      skipped.push({ id: entry.id, reason: '把握低（confidence: low），tifa 只作提示' });
      continue;
    }
    if (entry.status === 'outdated') {
      const expected = entry.replacement?.terms[0];
      if (!expected) continue;
      const r = rule(expected, [entry.term, ...(entry.variants ?? []), ...(entry.discouraged ?? [])], `${entry.reason ?? '过时提法'}${sourceNote(entry)} [tifa:${entry.id}]`);
      if (r) rules.push(r);
    } else {
      const r = rule(entry.term, entry.discouraged ?? [], `不规范写法，规范写法为“${entry.term}”${sourceNote(entry)} [tifa:${entry.id}]`);
      if (r) rules.push(r);
    }
  }
  // 只差大小写或全半角的写法（1+x 证书制度）：tifa 按折叠匹配后报告，prh 用“折叠正则 + 排除规范写法本身”表达
  for (const entry of glossary.entries) {
    if (entry.status !== 'current' || entry.kind === 'formulation' || !hasFoldable(entry.term)) continue;
    if (entry.context?.require?.length || entry.context?.exclude?.length || entry.confidence === 'low') continue;
    rules.push({
      expected: entry.term,
      patterns: [`/(?!${escapeRegExp(entry.term)})${foldedSource(entry.term)}/`],
      prh: `大小写或全半角不规范，规范写法为“${entry.term}”${sourceNote(entry)} [tifa:${entry.id}]`,
    });
  }
  return { rules, skipped };
}

export function prhYaml(glossary: Glossary, tifaVersion: string): string {
  const { rules, skipped } = glossaryToPrh(glossary);
  const header = [
    `# prh 词典：由 tifa ${tifaVersion} 从词表 ${glossary.version} 导出（tifa dict export --format prh）。`,
    '# prh 没有分词与语境判断，短词可能误报；完整检查请用 tifa lint。',
  ];
  if (skipped.length) {
    header.push('# 以下词条依赖语境或无法用 prh 表达，未导出：');
    for (const s of skipped) header.push(`#   ${s.id}：${s.reason}`);
  }
  return `${header.join('\n')}\n${YAML.stringify({ version: 1, rules }, { lineWidth: 0 })}`;
}
