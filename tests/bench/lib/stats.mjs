// Small number helpers for the report.

export function median(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return NaN;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Megabytes (10^6 bytes) per second. */
export function mbPerSecond(bytes, ms) {
  return bytes / 1e6 / (ms / 1000);
}

export const fmt = {
  s: (ms) => (Number.isFinite(ms) ? (ms / 1000).toFixed(ms < 10_000 ? 2 : 1) + ' s' : '—'),
  mbs: (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) + ' MB/s' : '—'),
  mb: (kb) => (Number.isFinite(kb) ? (kb / 1024).toFixed(0) + ' MB' : '—'),
  bytes: (b) => (b >= 1e6 ? (b / 1e6).toFixed(b >= 1e7 ? 1 : 2) + ' MB' : (b / 1e3).toFixed(0) + ' KB'),
  ratio: (x) => (Number.isFinite(x) ? (x >= 10 ? x.toFixed(0) : x.toFixed(1)) + '×' : '—'),
  int: (n) => (Number.isFinite(n) ? n.toLocaleString('en-US') : '—'),
};
