// Everything a run needs before timing starts: a snapshot of the CLI bundle and of the default glossary, the core
// bundle, the glossaries (default and synthetic) with their prh exports for textlint, and the corpus.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { corpusVocabulary, generateDocument, writeCorpus } from '../corpus.mjs';
import { writeSynthDictionary } from '../glossaries.mjs';
import { bundleCore } from './bundle.mjs';
import { REAL_SOURCE, writeRealCorpus } from './real-prose.mjs';
import { keepFile, writeKept } from './keeper.mjs';
import { CLI_BUNDLE, CLI_SNAPSHOT, CORPUS_DIR, DICTIONARIES_SNAPSHOT, ROOT_DIR, WORK_DIR } from './paths.mjs';
import { textlintrc } from './tools.mjs';

function log(s) {
  process.stdout.write(s + '\n');
}

export function buildCli(skip) {
  if (skip && fs.existsSync(CLI_BUNDLE)) return;
  log('构建命令行程序（node scripts/build.mjs）…');
  const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT_DIR, stdio: 'inherit' });
  if (r.status !== 0) {
    if (!fs.existsSync(CLI_BUNDLE)) throw new Error('构建失败，且没有现成的 packages/cli/dist/tifa.js');
    log('⚠ 构建失败，沿用现有的 packages/cli/dist/tifa.js');
  }
}

/**
 * Copies the CLI bundles and the default glossary into .work/ and points TIFA_DICTIONARIES (inherited by every
 * child and read by the in-process core) at the copy. The bundle finds nodejieba through the repo's node_modules.
 */
function snapshot() {
  const sourceDir = process.env.TIFA_DICTIONARIES ? path.resolve(process.env.TIFA_DICTIONARIES) : path.join(ROOT_DIR, 'dictionaries');
  // tifa.js is the code-cache loader of tifa-main.js (older builds: tifa.js is the whole program)
  // vendor/ holds the lazily loaded third-party packages (scripts/lazy-vendor.mjs)
  const bundleDir = path.dirname(CLI_BUNDLE);
  const vendor = fs.existsSync(path.join(bundleDir, 'vendor')) ? fs.readdirSync(path.join(bundleDir, 'vendor')).map((n) => path.join('vendor', n)) : [];
  for (const name of ['tifa.js', 'tifa-main.js', 'tifa-worker.js', ...vendor]) {
    if (!fs.existsSync(path.join(bundleDir, name))) continue;
    writeKept(path.join(path.dirname(CLI_SNAPSHOT), name), fs.readFileSync(path.join(bundleDir, name)));
  }
  fs.rmSync(DICTIONARIES_SNAPSHOT, { recursive: true, force: true });
  const copy = (from, to) => {
    for (const ent of fs.readdirSync(from, { withFileTypes: true })) {
      const a = path.join(from, ent.name);
      const b = path.join(to, ent.name);
      if (ent.isDirectory()) copy(a, b);
      // .compiled/ 里的 .bin/.trie：随包的预编译快照（空缓存时用），用户装到的也有
      else if (/\.(ya?ml|json|md|bin|trie)$/.test(ent.name)) writeKept(b, fs.readFileSync(a));
    }
  };
  copy(sourceDir, DICTIONARIES_SNAPSHOT);
  process.env.TIFA_DICTIONARIES = DICTIONARIES_SNAPSHOT;
  return sourceDir;
}

/** Runs the snapshot CLI synchronously (for dict export); throws with its stderr on failure. */
function tifaSync(args) {
  // its own TMPDIR, so the export does not warm the caches of the measured runs
  const env = { ...process.env, TMPDIR: path.join(WORK_DIR, 'tmp/export'), TIFA_CACHE_DIR: path.join(WORK_DIR, 'tmp/export/cache') };
  fs.mkdirSync(env.TMPDIR, { recursive: true });
  const r = spawnSync(process.execPath, [CLI_SNAPSHOT, ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env });
  if (r.status !== 0) throw new Error(`tifa ${args.join(' ')} 失败（退出码 ${r.status}）：\n${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}

function countPrhRules(yamlText) {
  return (yamlText.match(/^ {2}- expected:/gm) ?? []).length;
}

/**
 * Glossaries raced through the CLIs. The CLI always loads the default glossary, so the synthetic ones are the
 * default plus 1,000 / 10,000 made-up outdated entries; prh gets the same via `tifa dict export --dict`.
 */
export function prepareGlossaries(core, synthSizes) {
  const dictDir = path.join(WORK_DIR, 'dict');
  fs.rmSync(path.join(WORK_DIR, 'tmp'), { recursive: true, force: true });
  const list = [];
  for (const size of [0, ...synthSizes]) {
    const key = size ? `${size / 1000}k` : 'default';
    const dict = size ? writeSynthDictionary(dictDir, size) : undefined;
    if (dict) keepFile(dict);
    const { glossary, diagnostics } = core.loadGlossary({ dictionaries: dict ? [dict] : [] });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      const lines = errors.slice(0, 10).map((d) => `  ${d.file}:${d.line}:${d.column} ${d.message}`);
      throw new Error(`词表有 ${errors.length} 个错误，tifa lint 会拒绝运行，基准无法进行：\n${lines.join('\n')}`);
    }
    const prh = path.join(WORK_DIR, `prh-${key}.yml`);
    const prhText = tifaSync(['dict', 'export', '--format', 'prh', ...(dict ? ['--dict', dict] : [])]);
    writeKept(prh, prhText);
    const rc = path.join(WORK_DIR, `textlintrc-${key}.json`);
    writeKept(rc, textlintrc(prh));
    list.push({
      key,
      label: size ? `默认 + ${size.toLocaleString('en-US')} 条虚构` : '默认词表',
      dict,
      synthSize: size,
      entries: glossary.entries.length,
      version: glossary.version,
      prh,
      prhRules: countPrhRules(prhText),
      textlintrc: rc,
      kinds: size ? ['default', 'synth'] : ['default'],
      tmpDir: path.join(WORK_DIR, 'tmp', key),
    });
  }
  return list;
}

/** Snapshot, core bundle, corpus + a 2 KB head file for fixed-cost runs, glossaries. */
export async function prepare({ quick, skipBuild }) {
  fs.mkdirSync(WORK_DIR, { recursive: true });
  buildCli(skipBuild);
  const dictionarySource = snapshot();
  const core = createRequire(import.meta.url)(await bundleCore());
  const { glossary } = core.loadGlossary();
  const vocab = corpusVocabulary(glossary);
  log(`生成语料（${CORPUS_DIR}）…`);
  const corpus = writeCorpus(CORPUS_DIR, vocab, quick);
  log(`真实文本语料（${path.relative(ROOT_DIR, REAL_SOURCE)} 的段落打乱重复）…`);
  const real = writeRealCorpus(quick ? [['100k', 100_000], ['1m', 1_000_000]] : [['100k', 100_000], ['1m', 1_000_000], ['10m', 10_000_000]]);
  if (real) Object.assign(corpus, real);
  else log(`  ⚠ 找不到 ${REAL_SOURCE}，跳过真实文本各行`);
  for (const m of Object.values(corpus)) for (const file of m.real ? m.paths : Object.keys(m.spans)) keepFile(file);
  // 一行的文件：启动开销（目标 ≤ 150 ms）
  const oneLineFile = path.join(CORPUS_DIR, 'one-line.txt');
  writeKept(oneLineFile, '我校是高职高专院校，坚持产教融合、校企合作。\n');
  const head = generateDocument(vocab, 2_000, 'single/head');
  const headFile = path.join(CORPUS_DIR, 'head-2k.md');
  writeKept(headFile, head.text);
  log('生成虚构词典并导出 prh 词典…');
  const glossaries = prepareGlossaries(core, quick ? [1000] : [1000, 10_000]);
  return { core, vocab, corpus, headFile, oneLineFile, headBytes: Buffer.byteLength(head.text), glossaries, dictionarySource };
}
