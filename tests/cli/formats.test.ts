// 各输出格式：stylish、json（ESLint 兼容）、sarif（按 SARIF 2.1.0 schema 校验）、github（工作流命令）。
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import {
  ensureBuilt,
  makeTree,
  MISSPELT,
  NEW,
  OLD,
  OLD_SHORT,
  positionOf,
  TEST_DICTIONARY,
  testConfig,
  tifa,
  type JsonResult,
} from './helpers';

// 含一个 BMP 之外的汉字（𠀀，两个 UTF-16 码元），检验列号按 UTF-16 计
const REPORT = `# 年度报告\n\n𠀀本市的${OLD}今年招生五百人，${MISSPELT}也在扩招。\n\n${OLD_SHORT}的老师很多。\n`;
const CLEAN = `# 另一份\n\n${NEW}办学条件持续改善。\n`;

// 每个用例要启动几次真实进程（每次加载词表），机器忙时会慢
vi.setConfig({ testTimeout: 180_000 });

let dir: string;
beforeAll(() => {
  ensureBuilt();
  dir = makeTree({
    'tifa.config.json': testConfig({ terms: { 'qinglan-jineng-xueyuan': 'error' } }),
    'test-dict.yaml': TEST_DICTIONARY,
    'docs/年度报告.md': REPORT,
    'docs/clean.md': CLEAN,
  });
});

function ours<T extends { termId: string }>(messages: T[]): T[] {
  return messages.filter((m) => m.termId.startsWith('qinglan-'));
}

describe('json', () => {
  it('is an ESLint-style result array with 1-based UTF-16 positions and tifa/glossary versions', async () => {
    const r = await tifa(['lint', '--format', 'json', 'docs'], { cwd: dir });
    expect(r.status).toBe(1); // terms 里把不规范写法设成了 error
    const results = JSON.parse(r.stdout) as JsonResult[];
    expect(results.map((x) => path.basename(x.filePath)).sort()).toEqual(['clean.md', '年度报告.md']);
    const report = results.find((x) => x.filePath.endsWith('年度报告.md'))!;
    expect(report.filePath).toBe(path.join(dir, 'docs/年度报告.md'));
    const msgs = ours(report.messages);
    expect(msgs.map((m) => [m.ruleId, m.matched, m.severity])).toEqual([
      ['outdated-term', OLD, 1],
      ['variant', MISSPELT, 2],
      ['outdated-term', OLD_SHORT, 1],
    ]);
    for (const m of msgs) {
      const start = positionOf(REPORT, m.matched);
      expect({ line: m.line, column: m.column, offset: m.offset }).toEqual(start);
      expect(m.endLine).toBe(start.line);
      expect(m.endColumn).toBe(start.column + m.matched.length); // 结束列为开区间
      expect(REPORT.slice(m.offset, m.offset + m.length)).toBe(m.matched);
      expect(m.replacements).toEqual([NEW]);
      // ESLint 的 suggestions：{desc, fix: {range, text}}，range 是 UTF-16 偏移区间
      expect(m.suggestions.map((x) => [REPORT.slice(...x.fix.range), x.fix.text])).toEqual([[m.matched, NEW]]);
      expect(m.suggestions[0].desc).toContain(NEW);
      expect(m.message).toContain(NEW);
    }
    expect(report.errorCount).toBe(report.messages.filter((m) => m.severity === 2).length);
    expect(report.warningCount).toBe(report.messages.filter((m) => m.severity === 1).length);
    expect(report.tifa.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.tifa.glossaryVersion).toContain('9.9.9-test');
    expect(results.find((x) => x.filePath.endsWith('clean.md'))!.messages).toEqual([]);
  });
});

describe('stylish', () => {
  it('groups by file with line:col, Chinese message, code frame and summary, without colour when piped', async () => {
    const r = await tifa(['lint', 'docs'], { cwd: dir });
    expect(r.status).toBe(1);
    const out = r.stdout;
    expect(out).not.toMatch(/\u001b\[/);
    expect(out).toContain('docs/年度报告.md\n');
    expect(out).not.toContain('docs/clean.md');
    const p = positionOf(REPORT, MISSPELT);
    const line = out.split('\n').find((l) => l.includes(`${p.line}:${p.column} `))!;
    expect(line).toMatch(/错误/);
    expect(line).toContain(`“${MISSPELT}”`);
    expect(line).toContain(NEW);
    expect(line).toContain('variant');
    // 代码框：原文一行，下一行的 ^ 对准命中（汉字占两列）
    const lines = out.split('\n');
    const frameIdx = lines.findIndex((l, i) => i > lines.indexOf(line) && l.includes(`${p.line} | `));
    const caretLine = lines[frameIdx + 1];
    const sourceLine = lines[frameIdx];
    const bar = sourceLine.indexOf('| ') + 2;
    const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1), 0);
    const hitStart = width(sourceLine.slice(bar, sourceLine.indexOf(MISSPELT)));
    expect(caretLine.slice(bar).indexOf('^')).toBe(hitStart);
    expect(caretLine.trim().replace(/^\|\s*/, '')).toBe('^'.repeat(width(MISSPELT)));
    expect(out).toMatch(/✖ \d+ 个问题（1 个错误，2 个警告，0 个提示）/);
    expect(out).toMatch(/可用 --fix 自动修复/);
  });

  it('colours with FORCE_COLOR and stays plain with NO_COLOR or --no-color', async () => {
    expect((await tifa(['lint', 'docs'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\u001b\[31m/);
    expect((await tifa(['lint', 'docs', '--no-color'], { cwd: dir, env: { FORCE_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
    expect((await tifa(['lint', 'docs'], { cwd: dir, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\u001b\[/);
  });

  it('reports a clean run', async () => {
    const r = await tifa(['lint', 'docs/clean.md'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/✔ 检查了 1 个文件，没有发现问题/);
  });
});

describe('sarif', () => {
  const require = createRequire(import.meta.url);
  // 用 schema 所在包自己的 ajv 6（SARIF 2.1.0 的 schema 是 draft-04）
  const sarifPkg = require.resolve('@microsoft/jest-sarif/package.json');
  const pkgRequire = createRequire(sarifPkg);
  const Ajv = pkgRequire('ajv');
  const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
  ajv.addMetaSchema(pkgRequire('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(pkgRequire('./lib/schemas/sarif-2.1.0-rtm.5.json'));

  it('validates against the SARIF 2.1.0 schema and carries what GitHub code scanning needs', async () => {
    const r = await tifa(['lint', '--format', 'sarif'], { cwd: dir });
    expect(r.status).toBe(1);
    const log = JSON.parse(r.stdout);
    const ok = validate(log);
    expect(ok, JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.version).toBe('2.1.0');
    const run = log.runs[0];
    const driver = run.tool.driver;
    expect(driver.name).toBe('tifa');
    expect(driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver.informationUri).toMatch(/^https:\/\//);
    expect(run.properties.glossaryVersion).toContain('9.9.9-test');
    const results = run.results.filter((x: { ruleId: string }) => x.ruleId.includes('qinglan-'));
    expect(results).toHaveLength(3);
    for (const res of results) {
      const rule = driver.rules[res.ruleIndex];
      expect(rule.id).toBe(res.ruleId);
      expect(rule.shortDescription.text.length).toBeGreaterThan(0);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.text).toContain('释义');
      const loc = res.locations[0].physicalLocation;
      expect(loc.artifactLocation.uriBaseId).toBe('%SRCROOT%');
      expect(decodeURIComponent(loc.artifactLocation.uri)).toBe('docs/年度报告.md');
      const matched = REPORT.slice(loc.region.charOffset, loc.region.charOffset + loc.region.charLength);
      const p = positionOf(REPORT, matched);
      expect(loc.region).toMatchObject({ startLine: p.line, startColumn: p.column, endLine: p.line, endColumn: p.column + matched.length });
    }
    expect(results.map((x: { level: string }) => x.level)).toEqual(['warning', 'error', 'warning']);
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${dir}/`);
  });
});

describe('sarif edge cases', () => {
  it('stays schema-valid with unreadable, binary and space-in-name files', async () => {
    const require = createRequire(import.meta.url);
    const pkgRequire = createRequire(require.resolve('@microsoft/jest-sarif/package.json'));
    const Ajv = pkgRequire('ajv');
    const ajv = new Ajv({ schemaId: 'auto', validateSchema: false, allErrors: true });
    ajv.addMetaSchema(pkgRequire('ajv/lib/refs/json-schema-draft-04.json'));
    const validate = ajv.compile(pkgRequire('./lib/schemas/sarif-2.1.0-rtm.5.json'));
    const edge = makeTree({
      'tifa.config.json': testConfig(),
      'test-dict.yaml': TEST_DICTIONARY,
      'bad.docx': '不是压缩包',
      'logo.txt': Buffer.from([0, 1, 2, 3]),
      '年度 报告.md': `${OLD}\n`,
    });
    const r = await tifa(['lint', '--format', 'sarif'], { cwd: edge });
    const log = JSON.parse(r.stdout);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const run = log.runs[0];
    expect(run.invocations[0].toolExecutionNotifications.map((n: { level: string }) => n.level)).toEqual(['error', 'note']);
    const uri = run.results.find((x: { ruleId: string }) => x.ruleId.includes('qinglan-')).locations[0].physicalLocation.artifactLocation.uri;
    expect(uri).toBe(encodeURIComponent('年度 报告.md'));
  });
});

describe('github', () => {
  it('prints the version as a log line (not an annotation) and one workflow command per problem', async () => {
    const r = await tifa(['lint', '--format', 'github', 'docs'], { cwd: dir });
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^tifa \d+\.\d+\.\d+，词表版本 .*9\.9\.9-test/);
    expect(lines.filter((l) => l.startsWith('::notice'))).toEqual([]);
    const p = positionOf(REPORT, MISSPELT);
    const annotation = lines.find((l) => l.includes(`(qinglan-jineng-xueyuan)`))!;
    expect(annotation).toBe(
      `::error file=docs/年度报告.md,line=${p.line},col=${p.column},endLine=${p.line},endColumn=${p.column + MISSPELT.length},title=tifa variant (qinglan-jineng-xueyuan)::` +
        annotation.split('::')[2],
    );
    expect(annotation.split('::')[2]).toContain(NEW);
    expect(lines.filter((l) => l.startsWith('::warning ') && l.includes('qinglan-gongcheng-xuetang'))).toHaveLength(2);
  });
});
