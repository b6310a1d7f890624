// One race: tifa and textlint + prh on the same files with the same glossary, runs alternating so both see the
// same machine state; each run is its own process (wall time, CPU, peak RSS per tool).
import path from 'node:path';
import { injectedFound } from './fairness.mjs';
import { anyMissing, restoreMissing } from './keeper.mjs';
import { measure } from './measure.mjs';
import { WORK_DIR } from './paths.mjs';
import { median } from './stats.mjs';
import { textlint, tifa } from './tools.mjs';

function log(s) {
  process.stdout.write(s + '\n');
}

async function runOnce(tool, corpus, glossary, tag, timeoutMs) {
  const paths = corpus.paths;
  const outFile = path.join(WORK_DIR, `out-${tool === tifa ? 'tifa' : 'textlint'}-${tag.replace(/[^\w-]/g, '_')}.json`);
  const { args, stdoutFile } = tool.command(paths, glossary, outFile);
  for (let attempt = 1; ; attempt++) {
    restoreMissing();
    const r = await measure(args, { stdoutFile: stdoutFile ?? undefined, timeoutMs, env: { TMPDIR: glossary.tmpDir, TIFA_CACHE_DIR: path.join(glossary.tmpDir, 'cache') } });
    // an input vanished while the tool ran: the run measured something else, so it does not count
    if (anyMissing() && attempt < 3) {
      process.stdout.write('  ⚠ 运行期间输入文件被删除，本轮作废重测\n');
      continue;
    }
    if (r.timedOut) return { ...r, failed: `超时（>${Math.round(timeoutMs / 1000)} s）` };
    // both exit 1 when they report problems; anything else is a failure
    if (r.code !== 0 && r.code !== 1) return { ...r, failed: `退出码 ${r.code}：${r.stderr.trim().split('\n').slice(-3).join(' / ')}` };
    // the injected-phrasing check of every run (the output file is overwritten by the next run)
    try {
      return { ...r, check: injectedFound(tool.findings(outFile), corpus, glossary.kinds) };
    } catch (err) {
      if (attempt >= 3) return { ...r, failed: `读不了输出：${err.message}` };
    }
  }
}

/**
 * Real prose has no injected spans: instead, how many of the peer's findings tifa also reports (a finding of tifa
 * overlaps it), from both tools' last outputs. tifa has more rules (context, misquote, first mention), so its own
 * total is larger; a peer finding tifa lacks is a difference worth reading.
 */
function agreement(corpus, id) {
  const read = (tool) => {
    try {
      return tool.findings(path.join(WORK_DIR, `out-${tool === tifa ? 'tifa' : 'textlint'}-${id.replace(/[^\w-]/g, '_')}.json`));
    } catch {
      return null;
    }
  };
  const mine = read(tifa);
  const theirs = read(textlint);
  if (!mine || !theirs) return undefined;
  const spans = { [corpus.paths[0]]: theirs.map((f) => ({ offset: f.start, length: f.end - f.start, kind: 'default' })) };
  const r = injectedFound(mine, { spans }, ['default']);
  return { peer: theirs.length, covered: r.found, tifa: mine.length };
}

function summarize(runs) {
  const ok = runs.filter((r) => !r.failed);
  return {
    runs: runs.map((r) => ({ wallMs: r.wallMs, cpuMs: r.cpuMs, peakRssKb: r.peakRssKb, failed: r.failed, found: r.check?.found, total: r.check?.total })),
    count: ok.length,
    wallMs: median(ok.map((r) => r.wallMs)),
    cpuMs: median(ok.map((r) => r.cpuMs)),
    peakRssKb: median(ok.map((r) => r.peakRssKb)),
    failed: runs.find((r) => r.failed)?.failed,
  };
}

/**
 * scenario: { id, corpus: manifest, glossary, runs, peerRuns, timeoutMs }. Runs tifa/peer pairs while both have
 * runs left, then the rest. Findings and the injected-phrasing check come from each tool's last successful run.
 */
export async function race(scenario) {
  const { id, corpus, glossary, runs, peerRuns = runs, timeoutMs = 15 * 60_000 } = scenario;
  const tifaRuns = [];
  const peerRunList = [];
  for (let i = 0; i < Math.max(runs, peerRuns); i++) {
    for (const [tool, list, wanted] of [[tifa, tifaRuns, runs], [textlint, peerRunList, peerRuns]]) {
      if (i >= wanted || list.some((r) => r.failed)) continue;
      const r = await runOnce(tool, corpus, glossary, id, timeoutMs);
      list.push(r);
      log(`  ${id} ${tool.name.padEnd(14)} #${i + 1}: ${r.failed ?? `${(r.wallMs / 1000).toFixed(2)} s，CPU ${(r.cpuMs / 1000).toFixed(2)} s，${(r.peakRssKb / 1024).toFixed(0)} MB，命中 ${r.check.found}/${r.check.expected}`}`);
    }
  }
  const check = (list) => [...list].reverse().find((r) => !r.failed)?.check;
  const result = {
    id,
    corpus: corpus.name,
    files: corpus.files,
    bytes: corpus.bytes,
    glossary: glossary.key,
    tifa: { ...summarize(tifaRuns), check: check(tifaRuns) },
    peer: peerRunList.length ? { ...summarize(peerRunList), check: check(peerRunList) } : undefined,
    note: scenario.note,
    agreement: corpus.real ? agreement(corpus, id) : undefined,
  };
  const t = result.tifa.check;
  const p = result.peer?.check;
  if (result.agreement) log(`  ${id} textlint + prh 的 ${result.agreement.peer} 条发现中 tifa 也报了 ${result.agreement.covered} 条（tifa 共 ${result.agreement.tifa} 条）`);
  else log(`  ${id} 注入提法命中：tifa ${t ? `${t.found}/${t.expected}（共 ${t.total} 条，其他 ${t.other}）` : '—'}；textlint + prh ${p ? `${p.found}/${p.expected}（共 ${p.total} 条，其他 ${p.other}）` : '—'}`);
  return result;
}

/**
 * Fixed cost: each tool on a 2 KB file (still loads the glossary and, for tifa, jieba). tifa caches the parsed
 * default glossary, its compiled matcher and the jieba dictionary snapshot in its cache directory; every glossary gets
 * its own TIFA_CACHE_DIR (and TMPDIR), empty at the start, so the first pair here is the cold start and the runs after
 * it (and every race) are warm.
 */
export async function fixedCost(headFile, glossary, runs) {
  const manifest = { name: 'head-2k', paths: [headFile], files: 1, bytes: 0, spans: {} };
  const cold = await race({ id: `cold-${glossary.key}`, corpus: manifest, glossary, runs: 1 });
  const r = await race({ id: `fixed-${glossary.key}`, corpus: manifest, glossary, runs });
  return { glossary: glossary.key, cold: { tifa: cold.tifa, peer: cold.peer }, tifa: r.tifa, peer: r.peer };
}
