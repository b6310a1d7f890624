// 解析一个词典文件：YAML → 校验（schema + 本文件内的语义检查）→ Dictionary。
// 不抛异常：所有问题一次性收集成带 文件:行:列 的中文诊断。
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Dictionary, DictionaryDiagnostic, DocumentRef, RawEntry, SourcePosition } from '../types';
import { schemaMessage } from './messages';
import { checkRegex, isRegexLiteral } from './regex-safety';
import { dictionaryValidator } from './schema';
import { CUE_SETS, isCueName, looksLikeCueName } from '../rules/cues';
import { editDistance } from '../text/edit-distance';

function didYouMeanCue(name: string): string | undefined {
  let best: string | undefined;
  let bestD = 4;
  for (const k of Object.keys(CUE_SETS)) {
    const d = editDistance(name, k);
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

type Path = readonly (string | number)[];

/** 别名最多展开这么多次（词典用不到别名；yaml 的缺省 100 也一样，这里写明）。 */
const MAX_ALIAS_COUNT = 100;

function positionFactory(file: string, text: string, doc: Document, lc: LineCounter) {
  const at = (offset: number, length: number): SourcePosition => {
    const p = lc.linePos(Math.min(offset, text.length));
    return { file, line: p.line, column: p.col, offset, length };
  };
  const locate = (path: Path): SourcePosition => {
    // 从最深处往上找，直到找到一个有位置的节点
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true) as Node | undefined;
      if (node && typeof node === 'object' && 'range' in node && node.range) return at(node.range[0], node.range[1] - node.range[0]);
    }
    return at(0, 0);
  };
  /** 映射里某个键本身的位置（用于“未知字段”）。 */
  const locateKey = (path: Path, key: string): SourcePosition => {
    const parent = doc.getIn(path, true);
    if (isMap(parent)) {
      for (const pair of parent.items) {
        const k = pair.key as Node | null;
        if (k && 'value' in k && String((k as { value: unknown }).value) === key && k.range) return at(k.range[0], k.range[1] - k.range[0]);
      }
    }
    return locate(path);
  };
  return { at, locate, locateKey };
}

function pathOf(instancePath: string): (string | number)[] {
  return instancePath
    .split('/')
    .filter(Boolean)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function validDate(s: string): boolean {
  const [y, m, d] = s.split('-').map(Number);
  if (m === undefined) return true;
  if (d === undefined) return m >= 1 && m <= 12;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/** YAML 里不加引号的年份（since: 2024）是数字：日期字段里的整数按年份字符串处理。 */
function coerceDates(data: unknown): void {
  const fix = (o: Record<string, unknown>, k: string) => {
    if (typeof o[k] === 'number' && Number.isInteger(o[k])) o[k] = String(o[k]);
  };
  const docs = (data as { documents?: unknown }).documents;
  if (Array.isArray(docs)) for (const d of docs) if (d && typeof d === 'object') fix(d as Record<string, unknown>, 'date');
  const entries = (data as { entries?: unknown }).entries;
  if (!Array.isArray(entries)) return;
  for (const e of entries) {
    if (!e || typeof e !== 'object') continue;
    const entry = e as Record<string, unknown>;
    fix(entry, 'since');
    fix(entry, 'until');
    if (entry.period && typeof entry.period === 'object') for (const k of ['start', 'end']) fix(entry.period as Record<string, unknown>, k);
    if (Array.isArray(entry.sources)) for (const src of entry.sources) if (src && typeof src === 'object') fix(src as Record<string, unknown>, 'date');
    const ex = entry.examples as Record<string, unknown> | undefined;
    for (const kind of ['flag', 'pass']) {
      const list = ex && Array.isArray(ex[kind]) ? (ex[kind] as unknown[]) : [];
      for (const c of list) if (c && typeof c === 'object') fix(c as Record<string, unknown>, 'asOf');
    }
  }
}

export function parseDictionary(
  text: string,
  file: string,
  origin: 'builtin' | 'user' = 'user',
): { dictionary?: Dictionary; diagnostics: DictionaryDiagnostic[] } {
  const diagnostics: DictionaryDiagnostic[] = [];
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const { at, locate, locateKey } = positionFactory(file, text, doc, lc);
  const error = (pos: SourcePosition, code: string, message: string, severity: 'error' | 'warning' = 'error') =>
    diagnostics.push({ ...pos, severity, code, message });

  for (const e of doc.errors) {
    const [start, end] = e.pos;
    const msg =
      e.code === 'DUPLICATE_KEY'
        ? '同一映射里有重复的键'
        : /Maximum call stack/i.test(e.message)
          ? 'YAML 嵌套过深，无法解析'
          : `YAML 语法错误：${e.message.split('\n')[0]}`;
    error(at(start, Math.max(1, end - start)), e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', msg);
  }
  if (diagnostics.length) return { diagnostics };

  // 别名炸弹（billion laughs）与过深的嵌套：yaml 会抛异常，变成带位置的诊断
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const alias = /(?:^|[\s,[{:-])(\*[^\s,\]}]+)/m.exec(text);
    const excessive = /alias/i.test((e as Error).message);
    const offset = excessive && alias ? alias.index + alias[0].indexOf('*') : 0;
    error(
      at(offset, excessive && alias ? alias[1].length : 0),
      excessive ? 'yaml-aliases' : 'yaml-depth',
      excessive ? 'YAML 别名展开过多（“十亿笑声”式的别名炸弹），拒绝解析' : 'YAML 嵌套过深，无法解析',
    );
    return { diagnostics };
  }
  if (data === null || data === undefined) {
    error(at(0, 0), 'empty', '词典文件是空的：应包含 meta 与 entries');
    return { diagnostics };
  }
  coerceDates(data);
  const validate = dictionaryValidator();
  if (!validate(data)) {
    const seen = new Set<string>();
    for (const e of validate.errors ?? []) {
      // oneOf 的子错误重复且难懂，只留 oneOf 本身
      if (e.schemaPath.includes('/oneOf/')) continue;
      // if/else 本身的错误（“应符合 else”）没有信息量，缺的字段由 required 报出
      if (e.keyword === 'if') continue;
      const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const path = pathOf(e.instancePath);
      const pos =
        e.keyword === 'additionalProperties'
          ? locateKey(path, String((e.params as { additionalProperty: string }).additionalProperty))
          : locate(path);
      error(pos, `schema-${e.keyword}`, schemaMessage(e));
    }
    return { diagnostics };
  }

  const raw = data as { meta: Dictionary['meta']; entries: RawEntry[]; documents?: DocumentRef[]; disable?: string[] };
  const positions = new Map<string, SourcePosition>();
  raw.entries.forEach((entry, i) => {
    const where = (...p: (string | number)[]) => locate(['entries', i, ...p]);
    if (positions.has(entry.id)) {
      error(where('id'), 'duplicate-id', `词条 id“${entry.id}”在本文件中重复（首次出现在第 ${positions.get(entry.id)!.line} 行）`);
    } else positions.set(entry.id, where());
    for (const field of ['since', 'until'] as const) {
      const v = entry[field];
      if (v && !validDate(v)) error(where(field), 'bad-date', `日期“${v}”不存在`);
    }
    // origin: local（学校自己的规定）可以没有国家文件来源
    entry.sources ??= [];
    entry.sources.forEach((s, k) => {
      if (s.date && !validDate(s.date)) error(where('sources', k, 'date'), 'bad-date', `日期“${s.date}”不存在`);
    });
    if (entry.period) {
      const { start, end } = entry.period;
      if (!validDate(end)) error(where('period', 'end'), 'bad-date', `日期“${end}”不存在`);
      if (start && !validDate(start)) error(where('period', 'start'), 'bad-date', `日期“${start}”不存在`);
      if (start && start.slice(0, 4) > end.slice(0, 4)) error(where('period', 'end'), 'bad-date', `终止年份 ${end} 早于起始年份 ${start}`);
    }
    if (entry.since && entry.until && entry.until < entry.since && entry.status === 'current')
      error(where('until'), 'bad-date', `停用日期 ${entry.until} 早于提出日期 ${entry.since}`);
    if (entry.status === 'outdated' && !entry.replacement)
      error(where(), 'missing-replacement', `过时词条“${entry.term}”缺少 replacement（现行的写法）`);
    for (const field of ['require', 'requireAll', 'exclude'] as const) {
      (entry.context?.[field] ?? []).forEach((pat, k) => {
        // 形如词组名（小写字母、数字、连字符）的必须是已定义的语境词组
        if (looksLikeCueName(pat) && !isCueName(pat)) {
          const hint = didYouMeanCue(pat);
          error(where('context', field, k), 'unknown-cue', `未知的语境词组“${pat}”${hint ? `，是否想写 ${hint}？` : ''}（见 README 的语境词组表）`);
          return;
        }
        if (!isRegexLiteral(pat)) return;
        const check = checkRegex(pat.slice(1, -1));
        if (!check.ok) error(where('context', field, k), 'unsafe-regex', `${check.message}：${pat}`);
      });
    }
    if (entry.firstMention) {
      const forms = new Set([entry.term, ...(entry.variants ?? [])]);
      for (const f of ['full', 'short'] as const) {
        if (!forms.has(entry.firstMention[f]))
          error(where('firstMention', f), 'first-mention-form', `firstMention.${f}“${entry.firstMention[f]}”必须是本词条的 term 或 variants 之一`);
      }
    }
    const seenForms = new Set<string>();
    const forms: [string, (string | number)[]][] = [
      [entry.term, ['term']],
      ...(entry.variants ?? []).map((v, k): [string, (string | number)[]] => [v, ['variants', k]]),
      ...(entry.discouraged ?? []).map((v, k): [string, (string | number)[]] => [v, ['discouraged', k]]),
    ];
    for (const [form, p] of forms) {
      if (form.trim() !== form) error(where(...p), 'form-whitespace', `写法“${form}”首尾有空白`);
      if (seenForms.has(form)) error(where(...p), 'duplicate-form', `写法“${form}”在本词条中重复`);
      seenForms.add(form);
    }
  });
  if (!isSeq(doc.getIn(['entries'], true))) error(locate(['entries']), 'schema-type', 'entries 应为列表');
  const docIds = new Set<string>();
  const docTitles = new Set<string>();
  (raw.documents ?? []).forEach((d, i) => {
    const where = (...p: (string | number)[]) => locate(['documents', i, ...p]);
    if (docIds.has(d.id)) error(where('id'), 'duplicate-id', `文件 id“${d.id}”在本文件中重复`);
    if (docTitles.has(d.title)) error(where('title'), 'duplicate-form', `文件标题“${d.title}”在本文件中重复`);
    docIds.add(d.id);
    docTitles.add(d.title);
    if (d.date && !validDate(d.date)) error(where('date'), 'bad-date', `日期“${d.date}”不存在`);
  });

  const dictionary: Dictionary = {
    file,
    origin,
    meta: raw.meta,
    entries: raw.entries,
    documents: (raw.documents ?? []).map((d) => ({ ...d, file })),
    disable: raw.disable ?? [],
    positions,
    locate,
  };
  return { dictionary: diagnostics.some((d) => d.severity === 'error') ? undefined : dictionary, diagnostics };
}
