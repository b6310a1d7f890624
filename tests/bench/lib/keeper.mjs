// The machine is shared: other sessions clean tests/bench/.work/ or rebuild packages/cli/dist while a run is going.
// Every input a measured process reads is written through here and kept in memory, so a deleted file is put back
// byte for byte (and a run that lost an input is measured again) instead of silently timing a different setup.
import fs from 'node:fs';
import path from 'node:path';

const kept = new Map();
let restored = 0;

export function writeKept(file, content) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  kept.set(file, content);
}

/** Keeps an already written file. */
export function keepFile(file) {
  kept.set(file, fs.readFileSync(file));
}

export function anyMissing() {
  for (const file of kept.keys()) if (!fs.existsSync(file)) return true;
  return false;
}

/** Writes back every kept file that has disappeared; returns how many. */
export function restoreMissing() {
  let n = 0;
  for (const [file, content] of kept) {
    if (fs.existsSync(file)) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    n++;
  }
  if (n) process.stdout.write(`  ⚠ 有 ${n} 个输入文件被外部删除，已原样写回\n`);
  restored += n;
  return n;
}

export function restoredCount() {
  return restored;
}
