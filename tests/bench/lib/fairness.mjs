// How many of the injected phrasings a tool reported: an injected span counts as found when a finding overlaps it.

const MAX_SPAN = 1000; // longer than any glossary form or finding

/** Does any of `sorted` (by start) overlap [start, end)? */
function overlapsAny(sorted, start, end) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid].start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && sorted[i].start > start - MAX_SPAN; i--) if (sorted[i].end > start) return true;
  return false;
}

/**
 * kinds: which injection kinds the glossary knows ('default' always; 'synth' with a synthetic dictionary).
 * Returns { expected, found, total, other } where other = findings that overlap no injected span.
 */
export function injectedFound(findings, manifest, kinds) {
  const byFile = new Map();
  for (const f of findings) {
    const list = byFile.get(f.file) ?? [];
    list.push(f);
    byFile.set(f.file, list);
  }
  let expected = 0;
  let found = 0;
  let inside = 0;
  for (const [file, spans] of Object.entries(manifest.spans)) {
    const list = (byFile.get(file) ?? []).sort((a, b) => a.start - b.start);
    const spanList = spans.map((s) => ({ start: s.offset, end: s.offset + s.length }));
    for (const [i, s] of spans.entries()) {
      if (!kinds.includes(s.kind)) continue;
      expected++;
      if (overlapsAny(list, spanList[i].start, spanList[i].end)) found++;
    }
    for (const f of list) if (overlapsAny(spanList, f.start, f.end)) inside++;
  }
  return { expected, found, total: findings.length, other: findings.length - inside };
}
