// Deterministic Chinese report-style Markdown for the bench: my own sentence templates filled with official terms
// from the real glossary, with outdated phrasings injected at a fixed rate so both tools have real findings.
//
// Every 16th sentence carries an outdated form from the default glossary (status: outdated, no context, no period, not
// low-confidence, so prh can express it too); the sentence 8 after it carries a made-up outdated term of the
// synthetic dictionaries (entries 1…1000, known to both the 1,000- and 10,000-entry glossaries). Injection
// sentences have no years, no 原/曾 and no 《》, so they read as current usage, not historical mentions.
//
// Standalone: `node tests/bench/corpus.mjs [--quick]` writes the corpus into <tmpdir>/tifa-bench-corpus/.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRng, seedOf } from './lib/prng.mjs';
import { synthEntries } from './glossaries.mjs';

export const INJECT_EVERY = 16;
export const SYNTH_INJECTED_ENTRIES = 1000;

const SUBJECTS = ['学校', '我校', '各地', '本市', '各级教育行政部门', '行业企业', '学院党委', '教务部门', '各专业群', '合作企业', '地方政府', '示范区各校'];
const VERBS = ['深化', '推进', '完善', '健全', '落实', '加快', '探索', '构建', '巩固', '拓展', '优化', '统筹'];
const GOALS = ['人才培养质量', '服务区域发展能力', '社会认可度', '办学条件', '专业建设水平', '学生就业质量', '教师队伍素质', '治理能力', '实训教学条件', '课程建设质量', '技术服务能力', '国际合作水平'];
const LEVERS = ['重要抓手', '突破口', '关键举措', '重点任务', '基础工程', '长效机制'];
const PLACES = ['临江', '云岭', '北川', '安和', '清河', '南屏', '东湖', '西林', '长宁', '宁远'];
const SCHOOL_KINDS = ['职业技术学院', '职业学院', '技师学院', '中等职业学校', '职业技术大学'];
const SECTIONS = ['基本情况', '人才培养', '产教融合', '师资队伍建设', '课程与教材', '服务贡献', '国际合作', '政策落实', '质量保障', '面临挑战与改进措施'];
const TITLES = ['关于推动现代职业教育高质量发展的意见', '关于深化现代职业教育体系建设改革的意见', '职业教育提质培优行动计划', '国家职业教育改革实施方案'];
const CN_NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const PROSE = [
  '{S}{V}{T}，{V}{T}，不断提升{G}。',
  '围绕{T}，{S}{V}{G}，形成了一批可复制、可推广的经验。',
  '{S}把{T}作为{L}，着力{V}{G}。',
  '全校{N}个专业对接区域重点产业，{T}取得积极进展。',
  '{S}累计投入资金{N}万元，用于{V}{G}。',
  '下一步，{S}将继续{V}{T}，推动{T}走深走实。',
  '在{T}方面，{S}{V}{G}，成效明显。',
  '{S}与{N}家企业共建实训基地，{V}{T}。',
  '通过{T}，学生的{G}显著提升，毕业生满意度达到{P}。',
  '{S}坚持{T}，以{T}为牵引，{V}{G}。',
  '依据《{W}》，{S}{V}{T}的制度安排。',
  '本学年新增{T}相关课程{N}门，覆盖学生{N}人。',
  '{S}建立了以{T}为核心的评价体系，{G}稳步提高。',
  '**{T}**是本年度工作的重点，{S}为此制定了专项方案。',
  '面对新形势新任务，{S}需要进一步{V}{T}，补齐{G}方面的短板。',
  '{S}组织开展{T}专题培训{N}场次，参训教师{N}人次。',
  '各专业普遍实施{T}，企业参与人才培养的比例达到{P}。',
  '{S}积极{V}{T}与{T}的衔接，{G}持续改善。',
];

const INJECTED = [
  '{S}要持续做好{O}相关工作，{V}{T}。',
  '对照{O}的有关要求，{S}{V}{G}。',
  '在推进{O}工作中，{S}注重{V}{T}。',
  '{S}围绕{O}开展专题调研，形成{N}份报告。',
  '报告提出，要把{O}摆在突出位置，{V}{G}。',
  '{S}结合{O}进一步{V}{T}，{G}明显提升。',
];

/** Official terms for the prose and outdated forms to inject, from a loaded glossary. */
export function corpusVocabulary(glossary, today = new Date().toISOString().slice(0, 10)) {
  const outdated = [];
  for (const e of glossary.entries) {
    // 有起止期（period）的词条只在写成当前或将来时才报，prh 表达不了这种判断：不注入
    if (e.kind === 'formulation' || e.status !== 'outdated' || e.context || e.period || e.confidence === 'low') continue;
    if (e.until && e.until > today) continue;
    for (const form of new Set([e.term, ...(e.variants ?? []), ...(e.discouraged ?? [])])) outdated.push({ entryId: e.id, form });
  }
  const outdatedForms = outdated.map((o) => o.form);
  const terms = glossary.entries
    .filter((e) => e.kind !== 'formulation' && e.status === 'current' && !e.firstMention && !e.context)
    .map((e) => e.term)
    .filter((t) => !outdatedForms.some((f) => t.includes(f)));
  if (!terms.length || !outdated.length) throw new Error('词表里没有可用的现行术语或过时提法，无法生成语料');
  const synth = synthEntries(SYNTH_INJECTED_ENTRIES).map((e) => ({ entryId: e.id, form: e.term }));
  return { terms, outdated, synth };
}

function fill(template, rng, vocab, injected) {
  return template.replace(/\{([STVGLNPWO])\}/g, (_, slot) => {
    switch (slot) {
      case 'S': return rng.pick(SUBJECTS);
      case 'T': return rng.pick(vocab.terms);
      case 'V': return rng.pick(VERBS);
      case 'G': return rng.pick(GOALS);
      case 'L': return rng.pick(LEVERS);
      case 'N': return number(rng);
      case 'P': return `${80 + rng.int(20)}.${rng.int(10)}%`;
      case 'W': return rng.pick(TITLES);
      default: return injected; // 'O'
    }
  });
}

/** Mostly ASCII digits, sometimes full-width ones as real documents have (the core normalizes them). */
function number(rng) {
  const n = String(2 + rng.int(300));
  return rng.chance(0.05) ? n.replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : n;
}

/**
 * One Markdown document of at least targetBytes UTF-8 bytes (it stops at the first paragraph end past the target).
 * Returns the text and the injected spans as UTF-16 { offset, length, kind: 'default'|'synth', entryId }.
 */
export function generateDocument(vocab, targetBytes, seedLabel) {
  const rng = createRng(seedOf(seedLabel));
  const parts = [];
  const injections = [];
  let chars = 0;
  let bytes = 0;
  let sentences = 0;
  let sections = 0;
  const push = (s) => {
    parts.push(s);
    chars += s.length;
    bytes += Buffer.byteLength(s);
  };
  const sentence = () => {
    sentences++;
    const phase = sentences % INJECT_EVERY;
    if (phase !== 0 && phase !== INJECT_EVERY / 2) return push(fill(rng.pick(PROSE), rng, vocab, ''));
    const kind = phase === 0 ? 'default' : 'synth';
    const target = rng.pick(kind === 'default' ? vocab.outdated : vocab.synth);
    const [before, after] = fill(rng.pick(INJECTED), rng, vocab, '\u0000').split('\u0000');
    push(before);
    injections.push({ offset: chars, length: target.form.length, kind, entryId: target.entryId });
    push(target.form + after);
  };

  push(`# ${rng.pick(PLACES)}${rng.pick(SCHOOL_KINDS)}职业教育质量报告\n\n`);
  while (bytes < targetBytes) {
    if (sentences % 40 === 0) push(`## ${CN_NUMS[sections++ % CN_NUMS.length]}、${rng.pick(SECTIONS)}\n\n`);
    if (rng.chance(0.15)) {
      const items = 2 + rng.int(3);
      for (let i = 0; i < items; i++) {
        push('- ');
        sentence();
        push('\n');
      }
    } else {
      const count = 3 + rng.int(5);
      for (let i = 0; i < count; i++) sentence();
    }
    push('\n\n');
  }
  return { text: parts.join(''), injections };
}

function summarize(injections) {
  return {
    default: injections.filter((i) => i.kind === 'default').length,
    synth: injections.filter((i) => i.kind === 'synth').length,
  };
}

/** Writes one file of targetBytes as <dir>/<name>.md with <name>.manifest.json beside it. */
export function writeSingleFile(dir, name, vocab, targetBytes) {
  fs.mkdirSync(dir, { recursive: true });
  const { text, injections } = generateDocument(vocab, targetBytes, `single/${name}`);
  const file = path.join(dir, `${name}.md`);
  fs.writeFileSync(file, text);
  const manifest = { name, paths: [file], files: 1, bytes: Buffer.byteLength(text), injected: summarize(injections), spans: { [file]: injections } };
  fs.writeFileSync(path.join(dir, `${name}.manifest.json`), JSON.stringify(manifest));
  return manifest;
}

/** Writes a tree of `files` Markdown files (10 folders) of about bytesPerFile each under <dir>/<name>/. */
export function writeTree(dir, name, vocab, files, bytesPerFile) {
  const root = path.join(dir, name);
  fs.rmSync(root, { recursive: true, force: true });
  const spans = {};
  let bytes = 0;
  const all = [];
  for (let i = 0; i < files; i++) {
    const sub = path.join(root, `unit-${String(i % 10).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    const file = path.join(sub, `report-${String(i).padStart(4, '0')}.md`);
    const { text, injections } = generateDocument(vocab, bytesPerFile, `tree/${name}/${i}`);
    fs.writeFileSync(file, text);
    spans[file] = injections;
    bytes += Buffer.byteLength(text);
    all.push(...injections);
  }
  const manifest = { name, paths: [root], files, bytes, injected: summarize(all), spans };
  fs.writeFileSync(path.join(dir, `${name}.manifest.json`), JSON.stringify(manifest));
  return manifest;
}

/** The corpus of a run: single files and one tree. Sizes are UTF-8 bytes. */
export function corpusPlan(quick) {
  return quick
    ? { singles: [['100k', 100_000], ['1m', 1_000_000]], tree: { name: 'tree-100', files: 100, bytesPerFile: 10_000 } }
    : { singles: [['100k', 100_000], ['1m', 1_000_000], ['10m', 10_000_000]], tree: { name: 'tree-1000', files: 1000, bytesPerFile: 10_000 } };
}

export function writeCorpus(dir, vocab, quick) {
  const plan = corpusPlan(quick);
  const out = {};
  for (const [name, size] of plan.singles) out[name] = writeSingleFile(dir, name, vocab, size);
  out[plan.tree.name] = writeTree(dir, plan.tree.name, vocab, plan.tree.files, plan.tree.bytesPerFile);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { createRequire } = await import('node:module');
  const { bundleCore } = await import('./lib/bundle.mjs');
  const { CORPUS_DIR } = await import('./lib/paths.mjs');
  const core = createRequire(import.meta.url)(await bundleCore());
  const vocab = corpusVocabulary(core.loadGlossary().glossary);
  const started = Date.now();
  const corpus = writeCorpus(CORPUS_DIR, vocab, process.argv.includes('--quick'));
  for (const m of Object.values(corpus)) console.log(`${m.name}: ${m.files} 个文件，${m.bytes} 字节，注入 ${m.injected.default} + ${m.injected.synth}`);
  console.log(`${Date.now() - started} ms`);
}
