// tifa lint 的基准：在临时目录里生成 1,000 个文件、共约 10 MB 的中文报告体文字（固定种子，句子是自己写的模板），
// 按固定比例注入默认词表里的过时写法（取自 `tifa dict export --format prh`，不手写词条），
// 然后以子进程运行 `tifa lint --format json`，报告墙钟时间与峰值内存（/usr/bin/time -v；没有时用 resourceUsage）。
//
// 用法：node tests/bench/cli-lint.mjs [--files 1000] [--mb 10] [--runs 1] [--keep]
// 先运行 npm run build。结果打印为表格，并写到 tests/bench/.work/cli-lint.json。
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'packages/cli/bin/tifa.js');

const { values } = parseArgs({
  options: {
    files: { type: 'string', default: '1000' },
    mb: { type: 'string', default: '10' },
    runs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const FILES = Number(values.files);
const TARGET_BYTES = Math.round(Number(values.mb) * 1024 * 1024);
const RUNS = Number(values.runs);

// ---- 固定种子的随机数（mulberry32） ----
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(20261129);
const pick = (list) => list[Math.floor(random() * list.length)];

// ---- 自己写的句子模板 ----
const SUBJECTS = ['学院', '本校', '各系部', '市教育局', '合作企业', '教学工作委员会', '二级学院', '实训中心', '招生就业处', '质量办'];
const ACTIONS = ['持续改进', '稳步推进', '认真落实', '系统梳理', '统筹安排', '逐项完善', '分批实施', '重点支持', '定期评估', '全面总结'];
const OBJECTS = ['专业课程标准', '实习管理办法', '校企合作协议', '实训室安全制度', '教师培训计划', '学生技能竞赛', '毕业生跟踪调查', '课堂教学质量', '教材选用工作', '社会培训项目'];
const RESULTS = ['取得明显成效', '得到师生认可', '形成常态机制', '积累了有益经验', '完成年度目标', '覆盖全部专业', '进一步规范', '质量稳步提升'];
const LINKS = ['同时', '此外', '另一方面', '与此同时', '在此基础上', '为此'];
const NUMBERS = ['三', '五', '十二', '二十', '一百', '三百六十'];

function sentence() {
  switch (Math.floor(random() * 5)) {
    case 0:
      return `${pick(SUBJECTS)}${pick(ACTIONS)}${pick(OBJECTS)}，${pick(RESULTS)}。`;
    case 1:
      return `${pick(LINKS)}，${pick(SUBJECTS)}围绕${pick(OBJECTS)}开展了${pick(NUMBERS)}次专题研讨。`;
    case 2:
      return `本年度共有${pick(NUMBERS)}名学生参与${pick(OBJECTS)}相关工作，${pick(RESULTS)}。`;
    case 3:
      return `${pick(SUBJECTS)}把${pick(OBJECTS)}列为重点工作，${pick(ACTIONS)}并${pick(RESULTS)}。`;
    default:
      return `针对${pick(OBJECTS)}中发现的问题，${pick(SUBJECTS)}${pick(ACTIONS)}整改措施。`;
  }
}

/** 默认词表里可以当作“过时写法”注入的字符串（prh 导出里的普通模式，不含正则）。 */
function outdatedForms() {
  const r = spawnSync(process.execPath, [BIN, 'dict', 'export', '--format', 'prh'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tifa dict export 失败：\n${r.stderr}`);
  const { rules } = YAML.parse(r.stdout);
  const forms = rules.flatMap((rule) => rule.patterns.filter((p) => !p.startsWith('/')));
  if (forms.length === 0) throw new Error('默认词表没有可注入的过时写法');
  return forms;
}

function generate(dir) {
  const forms = outdatedForms();
  const perFile = Math.floor(TARGET_BYTES / FILES);
  let injected = 0;
  let total = 0;
  for (let i = 0; i < FILES; i++) {
    const sub = path.join(dir, `dept-${String(i % 20).padStart(2, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    let text = `# 第${i + 1}号工作报告\n\n`;
    let n = 0;
    while (Buffer.byteLength(text) < perFile) {
      n++;
      let s = sentence();
      // 每 25 句注入一次过时写法
      if (n % 25 === 0) {
        s = `${pick(SUBJECTS)}继续推进${pick(forms)}相关工作，${pick(RESULTS)}。`;
        injected++;
      }
      text += s;
      if (n % 6 === 0) text += '\n\n';
    }
    const file = path.join(sub, `report-${String(i).padStart(4, '0')}.${i % 10 === 9 ? 'txt' : 'md'}`);
    fs.writeFileSync(file, text);
    total += Buffer.byteLength(text);
  }
  return { injected, total, distinctForms: forms.length };
}

/** 运行一次 tifa lint，量墙钟时间与峰值 RSS（KB）。 */
function measure(dir, env) {
  const useTime = fs.existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const args = useTime
    ? ['-v', process.execPath, BIN, 'lint', '--format', 'json', dir]
    : ['-e', `process.on('exit',()=>process.stderr.write('\\nMAXRSS_KB='+process.resourceUsage().maxRSS+'\\n'));process.argv.splice(1,0,${JSON.stringify(BIN)});require(${JSON.stringify(BIN)})`, '--', 'lint', '--format', 'json', dir];
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let bytes = 0;
    const out = [];
    let err = '';
    child.stdout.on('data', (b) => {
      bytes += b.length;
      out.push(b);
    });
    child.stderr.on('data', (b) => (err += b));
    child.on('error', reject);
    child.on('close', (status) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      const rss = useTime ? Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1]) : Number(/MAXRSS_KB=(\d+)/.exec(err)?.[1]);
      let findings = 0;
      let files = 0;
      try {
        const results = JSON.parse(Buffer.concat(out).toString('utf8'));
        files = results.length;
        findings = results.reduce((n, r) => n + r.messages.length, 0);
      } catch {
        return reject(new Error(`tifa 输出不是 JSON（退出码 ${status}）：\n${err.slice(0, 2000)}`));
      }
      resolve({ status, ms, rssKb: rss, outputBytes: bytes, files, findings });
    });
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-bench-cli-'));
try {
  const t0 = Date.now();
  const gen = generate(dir);
  console.log(`生成 ${FILES} 个文件，${(gen.total / 1024 / 1024).toFixed(2)} MB，注入过时写法 ${gen.injected} 处（取自 ${gen.distinctForms} 种写法），用时 ${Date.now() - t0} ms`);
  console.log(`机器：${os.cpus().length} 核，${(os.totalmem() / 1024 ** 3).toFixed(0)} GB，Node ${process.version}，负载 ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  const rows = [];
  for (const [label, env] of [
    ['默认（自动调度）', {}],
    ['单线程（TIFA_WORKERS=0）', { TIFA_WORKERS: '0' }],
    [`主线程 + ${Math.max(1, os.cpus().length - 1)} 个线程（TIFA_WORKERS=${Math.max(1, os.cpus().length - 1)}）`, { TIFA_WORKERS: String(Math.max(1, os.cpus().length - 1)) }],
  ]) {
    for (let run = 0; run < RUNS; run++) {
      const m = await measure(dir, env);
      rows.push({ label, run: run + 1, ...m });
      console.log(
        `${label} #${run + 1}：墙钟 ${(m.ms / 1000).toFixed(2)} s，峰值内存 ${(m.rssKb / 1024).toFixed(0)} MB，` +
          `${m.files} 个文件、${m.findings} 条发现，${(gen.total / 1024 / 1024 / (m.ms / 1000)).toFixed(2)} MB/s，退出码 ${m.status}`,
      );
    }
  }
  const workDir = path.join(ROOT, 'tests/bench/.work');
  fs.mkdirSync(workDir, { recursive: true });
  fs.writeFileSync(
    path.join(workDir, 'cli-lint.json'),
    JSON.stringify({ date: new Date().toISOString(), files: FILES, bytes: gen.total, injected: gen.injected, loadavg: os.loadavg(), rows }, null, 2),
  );
} finally {
  if (values.keep) console.log(`语料保留在 ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true });
}
