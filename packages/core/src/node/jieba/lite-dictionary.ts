// 精简词典：由 jieba 的完整词典与词表写法生成，两种分词实现（nodejieba 与 TypeScript 移植）读的同一份内容。
import fs from 'node:fs';
import type { Glossary } from '../../glossary/glossary';
import { foldString } from '../../text/fold';
import { keyHash } from '../digest';

/**
 * 精简词典：jieba 的完整词典（35 万词）读入后占约 235 MB 原生内存。判断词边界只需要常用词——
 * 词频 ≥ LITE_MIN_FREQ 的词，加上含有词表短写法的词（五金件、五金店这类形近词频率往往很低）、
 * 与短写法首尾相接的词。约 8 万词、60 MB。生成一次，按内容哈希存在每用户的缓存目录（cache-dir.ts）。tifa extract 也用它。
 */
const LITE_MIN_FREQ = 30;

/** 词表写法作为用户词，显式给低词频（与完整词典的中位数相当）：精简词典的中位数高，用缺省权重会让用户词过于“贪”。 */
export const USER_WORD_FREQ = 3;

const wordsOf = new WeakMap<Glossary, string[]>();

/** 词表里的中文写法（2—12 字，不含固定提法）：作为用户词。每份词表算一次（分词器的缓存键每次都要用）。 */
export function glossaryWords(glossary: Glossary | undefined): string[] {
  if (!glossary) return [];
  let cached = wordsOf.get(glossary);
  if (!cached) wordsOf.set(glossary, (cached = collectWords(glossary)));
  return cached;
}

function collectWords(glossary: Glossary | undefined): string[] {
  const words = new Set<string>();
  for (const e of glossary?.entries ?? []) {
    if (e.kind === 'formulation') continue;
    for (const form of [e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])]) {
      const w = foldString(form);
      if (w.length >= 2 && w.length <= 12 && /^[\u4e00-\u9fff]+$/.test(w)) words.add(w);
    }
  }
  return [...words].sort();
}

/** 要做词边界检查的短写法（≤ 4 字）。 */
function shortForms(glossary: Glossary | undefined): string[] {
  return glossaryWords(glossary).filter((w) => w.length <= 4);
}

const wordsKeys = new WeakMap<Glossary, string>();

/**
 * 词表写法（glossaryWords）的指纹，分词词典的缓存键用。算它要把上千个词条的写法都折叠一遍（新进程里第一次分词前
 * 十几毫秒），所以默认词表的编译快照存着现成的，读快照时用 rememberWordsKey 放回（compiled-glossary.ts）。
 */
export function wordsKey(glossary: Glossary | undefined): string {
  if (!glossary) return keyHash('no-glossary');
  let key = wordsKeys.get(glossary);
  if (!key) wordsKeys.set(glossary, (key = keyHash(...glossaryWords(glossary))));
  return key;
}

export function rememberWordsKey(glossary: Glossary, key: string): void {
  wordsKeys.set(glossary, key);
}

/** 精简词典的键：生成规则、词表写法、jieba 词典的路径大小与修改时间（每次启动都读 5 MB 只为算哈希不值得）。 */
export function liteKey(sourceDict: string, glossary: Glossary | undefined): string {
  const st = fs.statSync(sourceDict);
  return keyHash(...liteRecipe(glossary), sourceDict, String(st.size), String(st.mtimeMs)).slice(0, 24);
}

/** 精简词典的生成规则与词表写法（不含 jieba 词典本身）：随包预编译的字典树按内容起键时用（prebuilt.ts）。 */
export function liteRecipe(glossary: Glossary | undefined): string[] {
  return ['lite-3', String(LITE_MIN_FREQ), String(USER_WORD_FREQ), wordsKey(glossary)];
}

export function userDictText(glossary: Glossary | undefined): string {
  return glossaryWords(glossary).map((w) => `${w} ${USER_WORD_FREQ} n`).join('\n') + '\n';
}

export function liteDictText(sourceDict: string, glossary: Glossary | undefined): string {
  const forms = shortForms(glossary);
  const source = fs.readFileSync(sourceDict, 'utf8');
  const keep: string[] = [];
  const firstChars = new Set(forms.map((f) => f[0]));
  const lastChars = new Set(forms.map((f) => f[f.length - 1]));
  // “词里含某个短写法”：短写法最多 4 字，查词的各个 1—4 字子串，而不是拿 35 万个词逐个去试几百个写法
  const formSet = new Set(forms);
  const longest = forms.reduce((m, f) => Math.max(m, f.length), 0);
  const containsForm = (word: string): boolean => {
    for (let i = 0; i < word.length; i++) for (let n = 1; n <= longest && i + n <= word.length; n++) if (formSet.has(word.slice(i, i + n))) return true;
    return false;
  };
  for (const line of source.split('\n')) {
    const sp = line.indexOf(' ');
    if (sp < 0) continue;
    const word = line.slice(0, sp);
    const freq = Number.parseInt(line.slice(sp + 1), 10);
    if (freq >= LITE_MIN_FREQ || (word.length > 2 && containsForm(word))) keep.push(line);
    // 与短写法首尾相接的词（资金 之于 金课、村容 之于 贫困村）决定边界，低频也要留
    else if (freq >= 3 && word.length <= 3 && (lastChars.has(word[0]) || firstChars.has(word[word.length - 1]))) keep.push(line);
  }
  return keep.join('\n') + '\n';
}
