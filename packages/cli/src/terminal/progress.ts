// 进度：只在 stderr 是 TTY、且运行超过片刻时显示，结束时擦掉，不污染重定向的输出。
const DELAY_MS = 400;
const INTERVAL_MS = 100;

export interface Progress {
  update(done: number): void;
  stop(): void;
}

export function createProgress(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < 2) return { update() {}, stop() {} };
  const started = Date.now();
  let lastDraw = 0;
  let shown = false;
  return {
    update(done) {
      const now = Date.now();
      if (now - started < DELAY_MS || now - lastDraw < INTERVAL_MS) return;
      lastDraw = now;
      shown = true;
      const pct = Math.floor((done / total) * 100);
      stream.write(`\r\u001b[K${label} ${done}/${total}（${pct}%）`);
    },
    stop() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
