// 现行术语在已存官方原文中的出现频次（issue 12：给最常见的术语补同音、形近错写）。
//
// 用法（在仓库根目录，不需要先构建）：
//   node scripts/term-frequency.mjs            # 前 200 条，表格
//   node scripts/term-frequency.mjs -n 50      # 前 50 条
//   node scripts/term-frequency.mjs --missing  # 只列还没有错写的（含被覆盖的）
//   node scripts/term-frequency.mjs --json     # JSON 输出
//
// 统计对象：dictionaries/ 下各 YAML 文件中 status: current、kind 不是 formulation 的词条；
// 词条的 term 与 variants 里含两个及以上汉字的写法。
// 文本：dictionaries/sources/*.md 去掉前言（--- … ---）后的正文。
// 计数：同一词条的各写法在正文中的出现位置合并，重叠的只算一次（先取较长写法，如“产教深度融合”不再另算“产教融合”）；
// 不同词条各自计数（“产教融合型企业”里的“产教融合”也计入“产教融合”）。
// 出现在几份原文里（docs）一并列出；次数相同按出现的文件数、再按 id 排序。
// “已有错写”：discouraged 里有一个写法与 term 或某个 variant 等长、只差一到两个字，且每个不同的字与原字
// 同音或近音（pinyin-pro 取各读音、不计声调，按拼音输入法常见的模糊音 zh/z、ch/c、sh/s、l/n、f/h、
// en/eng、in/ing、an/ang 比较），或是 shape-groups.json 里的形近字。
// 其他 discouraged（增字、漏字、和/与互换、换词的不规范写法）不算错写。
// “覆盖”：自己没有错写，但某个写法里含有另一个有错写的词条的写法（如“国家乡村振兴局”含“乡村振兴”），
// 把那一段写错时另一个词条照样报出（“国家乡村振新局”报“乡村振新”），列出那个词条的 id。
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { pinyin } from 'pinyin-pro';


const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** 形近字组：与规则共用 packages/core/src/text/shape-groups.json。 */
const SHAPE_GROUPS = JSON.parse(fs.readFileSync(path.join(root, 'packages/core/src/text/shape-groups.json'), 'utf8')).groups;
const dictDir = path.join(root, 'dictionaries');
const args = process.argv.slice(2);
const limitIdx = args.findIndex((a) => a === '-n' || a === '--limit');
const limit = limitIdx >= 0 ? Number(args[limitIdx + 1]) : 200;
const onlyMissing = args.includes('--missing');
const asJson = args.includes('--json');

const han = (s) => (s.match(/\p{Script=Han}/gu) ?? []).length;

function yamlFiles(dir) {
  const out = [];
  for (const name of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, name.name);
    if (name.isDirectory()) {
      if (name.name !== 'sources' && name.name !== 'documents') out.push(...yamlFiles(p));
    } else if (name.name.endsWith('.yaml')) out.push(p);
  }
  return out.sort();
}

const fuzzy = (py) =>
  py
    .replace(/^([zcs])h/, '$1')
    .replace(/^n/, 'l')
    .replace(/^h(?=u)/, 'f')
    .replace(/([aei])ng$/, '$1n');
const readings = (ch) => new Set(pinyin(ch, { toneType: 'none', multiple: true, type: 'array' }).map(fuzzy));
function lookAlike(a, b) {
  if (SHAPE_GROUPS.some((g) => g.includes(a) && g.includes(b))) return true;
  const ra = readings(a);
  return [...readings(b)].some((r) => ra.has(r));
}

/** discouraged 里与某个正确写法等长、只差 1–2 个同音、近音或形近字的写法。 */
function misspellingsOf(entry) {
  const good = [entry.term, ...(entry.variants ?? [])].map((f) => [...f]);
  return (entry.discouraged ?? []).filter((d) => {
    const dc = [...d];
    return good.some((g) => {
      if (g.length !== dc.length) return false;
      let diff = 0;
      for (let i = 0; i < g.length; i++) {
        if (g[i] === dc[i]) continue;
        if (!lookAlike(g[i], dc[i])) return false;
        diff++;
      }
      return diff >= 1 && diff <= 2;
    });
  });
}

/** 规则本身能报出同音错字的范围（见文件开头“引擎”）。 */
function engineCoverage(forms) {
  const han = forms.filter((f) => /^[\u4e00-\u9fff]+$/.test(f));
  if (han.some((f) => f.length >= 4 && f.length <= 6)) return 'whole';
  if (han.some((f) => f.length >= 7)) return 'middle';
  return '-';
}

const entries = [];
for (const file of yamlFiles(dictDir)) {
  const doc = YAML.parse(fs.readFileSync(file, 'utf8'));
  for (const e of doc?.entries ?? []) {
    if (e.status !== 'current' || e.kind === 'formulation') continue;
    const forms = [e.term, ...(e.variants ?? [])].filter((f) => typeof f === 'string' && han(f) >= 2);
    if (forms.length === 0) continue;
    entries.push({ id: e.id, term: e.term, forms, file: path.relative(root, file), misspellings: misspellingsOf(e), engine: engineCoverage(forms) });
  }
}

const ownForms = entries
  .filter((e) => e.misspellings.length > 0)
  .flatMap((e) => [e.term, ...e.forms].map((f) => ({ id: e.id, form: f })));
for (const e of entries) {
  e.coveredBy = e.misspellings.length
    ? []
    : [...new Set(ownForms.filter((o) => o.id !== e.id && e.forms.some((f) => f.includes(o.form))).map((o) => o.id))];
}

const sourceDir = path.join(dictDir, 'sources');
const bodies = fs
  .readdirSync(sourceDir)
  .filter((n) => n.endsWith('.md'))
  .sort()
  .map((n) => {
    const text = fs.readFileSync(path.join(sourceDir, n), 'utf8');
    const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
    return { name: n, body: m ? text.slice(m[0].length) : text };
  });

for (const e of entries) {
  const forms = [...e.forms].sort((a, b) => b.length - a.length);
  let count = 0;
  let docs = 0;
  for (const { body } of bodies) {
    const taken = new Uint8Array(body.length);
    let here = 0;
    for (const f of forms) {
      for (let i = body.indexOf(f); i >= 0; i = body.indexOf(f, i + 1)) {
        let free = true;
        for (let k = i; k < i + f.length; k++) if (taken[k]) { free = false; break; }
        if (!free) continue;
        taken.fill(1, i, i + f.length);
        here++;
      }
    }
    count += here;
    if (here > 0) docs++;
  }
  e.count = count;
  e.docs = docs;
}

entries.sort((a, b) => b.count - a.count || b.docs - a.docs || a.id.localeCompare(b.id));
const top = entries.slice(0, limit);
const withMisspelling = top.filter((e) => e.misspellings.length > 0).length;
const covered = top.filter((e) => e.coveredBy.length > 0).length;
const shown = onlyMissing ? top.filter((e) => e.misspellings.length === 0) : top;
const uncovered = top.filter((e) => e.misspellings.length === 0 && e.coveredBy.length === 0);
const byEngine = { whole: uncovered.filter((e) => e.engine === 'whole').length, middle: uncovered.filter((e) => e.engine === 'middle').length };

if (asJson) {
  console.log(JSON.stringify({ sources: bodies.length, entries: entries.length, top: limit, withMisspelling, covered, byEngine, rows: shown }, null, 2));
} else {
  console.log(
    `# ${bodies.length} source excerpts, ${entries.length} current terms; top ${top.length}: ` +
      `${withMisspelling} with a misspelling, ${covered} more covered by a contained term's misspelling; ` +
      `of the rest, the rules report same-sound and similar-shape typos in ${byEngine.whole} (whole term) and ${byEngine.middle} (middle of a long name)`,
  );
  console.log(['rank', 'count', 'docs', 'id', 'term', 'misspellings', 'covered-by', 'engine', 'file'].join('\t'));
  for (const e of shown) {
    const rank = top.indexOf(e) + 1;
    console.log(
      [rank, e.count, e.docs, e.id, e.term, e.misspellings.join('、') || '-', e.coveredBy.join(',') || '-', e.engine, e.file].join('\t'),
    );
  }
}
