// 补全：中文前缀/中缀，拼音首字母（sgjh → 双高计划）与全拼（shuanggao）。只给现行词条，不给过时写法。
import { pinyin } from 'pinyin-pro';
import type { LintOptions } from '../types';
import type { Entry } from '../glossary/entry';
import type { Glossary, PinyinKeys } from '../glossary/glossary';
import { normalizeDate, today } from '../rules/context';
import { isCjk } from '../text/fold';
import { titleCompletionsAt } from './document-at';

export interface CompletionItem {
  entryId: string;
  /** 插入的写法。 */
  label: string;
  category: string;
  /** 简短说明（类别与状态），释义请用 explain 按需取。 */
  detail: string;
  matchKind: 'prefix' | 'infix' | 'pinyin-initials' | 'pinyin';
  score: number;
}

export interface CompletionResult {
  /** 要被替换的已输入文字在原文中的范围。 */
  offset: number;
  length: number;
  items: CompletionItem[];
}

interface Candidate {
  entry: Entry;
  form: string;
  initials: string;
  full: string;
  centrality: number;
}

const cache = new WeakMap<Glossary, Candidate[]>();

/** 写法的拼音键（全拼、首字母）。默认词表的快照里预先算好（node/compiled-glossary.ts），补全时就不必载入拼音库。 */
export function pinyinKeys(form: string): PinyinKeys {
  let initials = '';
  let full = '';
  const syllables = pinyin(form, { toneType: 'none', type: 'array', nonZh: 'consecutive' }) as string[];
  for (const s of syllables) {
    const clean = s.toLowerCase().replace(/[^a-z0-9+]/g, '');
    if (!clean) continue;
    full += clean;
    initials += /^[a-z]+$/.test(clean) && s.length <= 6 ? clean[0] : clean;
  }
  return { initials, full };
}

function candidates(glossary: Glossary): Candidate[] {
  let list = cache.get(glossary);
  if (list) return list;
  const refs = new Map<string, number>();
  for (const e of glossary.entries) {
    for (const r of e.related ?? []) refs.set(r, (refs.get(r) ?? 0) + 1);
    if (e.replacement?.id) refs.set(e.replacement.id, (refs.get(e.replacement.id) ?? 0) + 2);
  }
  list = [];
  for (const entry of glossary.entries) {
    if (entry.status !== 'current') continue;
    const centrality = (refs.get(entry.id) ?? 0) + (entry.firstMention ? 2 : 0) + (entry.kind === 'term' ? 1 : 0);
    for (const form of [entry.term, ...(entry.variants ?? [])]) list.push({ entry, form, ...(glossary.pinyinKeys?.get(form) ?? pinyinKeys(form)), centrality });
  }
  cache.set(glossary, list);
  return list;
}

export function complete(prefix: string, glossary: Glossary, options: Pick<LintOptions, 'asOf'> & { limit?: number } = {}): CompletionItem[] {
  const typed = prefix.trim().toLowerCase();
  if (!typed) return [];
  const asOf = normalizeDate(options.asOf ?? today());
  const ascii = /^[a-z0-9+]+$/.test(typed);
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  for (const c of candidates(glossary)) {
    if (c.entry.since && normalizeDate(c.entry.since) > asOf) continue;
    if (c.entry.until && normalizeDate(c.entry.until) <= asOf) continue;
    let kind: CompletionItem['matchKind'] | null = null;
    let base = 0;
    const form = c.form.toLowerCase();
    if (form.startsWith(typed)) [kind, base] = ['prefix', 400];
    else if (ascii && c.initials.startsWith(typed)) [kind, base] = ['pinyin-initials', 300];
    else if (ascii && typed.length >= 2 && c.full.startsWith(typed)) [kind, base] = ['pinyin', 300];
    else if (!ascii && typed.length >= 2 && form.includes(typed)) [kind, base] = ['infix', 100];
    if (!kind || form === typed) continue;
    const key = `${c.entry.id}|${c.form}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // 越短越靠前（更可能是要的那个），越核心越靠前
    const score = base + Math.min(c.centrality, 20) * 5 - Math.min(c.form.length, 40) + (c.form === c.entry.term ? 3 : 0);
    items.push({
      entryId: c.entry.id,
      label: c.form,
      category: c.entry.category,
      detail: `${c.entry.category} · ${c.entry.kind === 'formulation' ? '固定提法' : '规范术语'}`,
      matchKind: kind,
      score,
    });
  }
  items.sort((a, b) => b.score - a.score || a.label.length - b.label.length || a.label.localeCompare(b.label));
  return items.slice(0, options.limit ?? 50);
}

/** 光标前已输入的文字：连续的拉丁字母（拼音）或汉字；取能补全的最长后缀作为替换范围。 */
export function completionsAt(
  text: string,
  offset: number,
  glossary: Glossary,
  options: Pick<LintOptions, 'asOf'> & { limit?: number } = {},
): CompletionResult {
  const at = Math.max(0, Math.min(offset, text.length));
  // 在《 之后：补全文件标题
  const titles = titleCompletionsAt(text, at, glossary, options.limit);
  if (titles && titles.items.length) return titles;
  let i = at;
  const code = (k: number) => text.charCodeAt(k);
  const isLatin = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (i > 0 && isLatin(code(i - 1))) {
    while (i > 0 && at - i < 30 && isLatin(code(i - 1))) i--;
    const typed = text.slice(i, at);
    return { offset: i, length: at - i, items: complete(typed, glossary, options) };
  }
  const isHan = (c: number) => isCjk(c) && !(c >= 0x3000 && c <= 0x303f) && !(c >= 0xff00 && c <= 0xffef) && c !== 0x201c && c !== 0x201d;
  while (i > 0 && at - i < 12 && isHan(code(i - 1))) i--;
  const run = text.slice(i, at);
  for (let k = run.length; k >= 1; k--) {
    const typed = run.slice(run.length - k);
    const items = complete(typed, glossary, options).filter((it) => k >= 2 || it.matchKind === 'prefix');
    if (items.length) return { offset: at - k, length: k, items };
  }
  return { offset: at, length: 0, items: [] };
}
