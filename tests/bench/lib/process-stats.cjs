// Preloaded into every measured child (node --require): at exit, writes the process's peak RSS (VmHWM, covers all
// threads), CPU time and exit code to the file named by BENCH_STATS_FILE, so each tool's memory is its own.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { isMainThread } = require('node:worker_threads');

const out = process.env.BENCH_STATS_FILE;
if (out && isMainThread) {
  process.on('exit', (code) => {
    let peakRssKb = process.resourceUsage().maxRSS;
    try {
      const m = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
      if (m) peakRssKb = Number(m[1]);
    } catch {
      // no /proc (macOS): keep getrusage's maxRSS
    }
    const usage = process.resourceUsage();
    try {
      fs.mkdirSync(path.dirname(out), { recursive: true });
      fs.writeFileSync(out, JSON.stringify({ peakRssKb, userMs: usage.userCPUTime / 1000, systemMs: usage.systemCPUTime / 1000, code }));
    } catch {
      // the parent reports the figures as missing
    }
  });
}
