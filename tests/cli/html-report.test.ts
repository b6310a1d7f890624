// tifa lint --format html：自包含报告的结构（cheerio 解析）、对文档内容的转义，以及（装了 /usr/bin/chromium 时）
// 在真实的无头浏览器里筛选是否生效。
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load, type CheerioAPI } from 'cheerio';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { formatHtml } from '../../packages/cli/src/formatters/html';
import type { FormatInput, TermDescription } from '../../packages/cli/src/formatters/types';
import type { FileReport, LintMessage } from '../../packages/cli/src/lint/types';
import { ensureBuilt, makeTree, tifa } from './helpers';

vi.setConfig({ testTimeout: 120_000 });
beforeAll(ensureBuilt);

const EVIL = '<img src=x onerror=alert(1)>';

function message(over: Partial<LintMessage>): LintMessage {
  return {
    ruleId: 'outdated-term',
    termId: 'old',
    severity: 'warning',
    message: '消息',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 3,
    offset: 0,
    length: 2,
    matched: '旧词',
    suggestions: ['新词'],
    fixable: true,
    deprecated: true,
    ...over,
  };
}

function report(displayPath: string, messages: LintMessage[]): FileReport {
  return { file: `/docs/${displayPath}`, displayPath, kind: 'markdown', status: 'linted', glossaryVersion: 't@1', messages, fixedCount: 0, written: false };
}

const TERMS: Record<string, TermDescription> = {
  old: {
    name: '旧词',
    shortDescription: '',
    fullDescription: '',
    helpText: '',
    helpMarkdown: '',
    category: `领域${EVIL}`,
    currentWording: ['新词'],
    sources: [
      { title: '官方文件', issuer: '某部', date: '2024-01-01', number: '某发〔2024〕1号', url: 'https://www.example.gov.cn/a?x=1&y=2' },
      { title: '坏链接', issuer: '某部', date: '2024-01-02', url: 'javascript:alert(1)' },
    ],
  },
  quote: { name: '固定提法', shortDescription: '', fullDescription: '', helpText: '', helpMarkdown: '', category: '定位', currentWording: ['甲、乙、丙'], sources: [] },
};

function hostileInput(): FormatInput {
  const sentence = { text: `前文${EVIL}旧词</script>后文。`, highlightStart: 2 + EVIL.length, highlightEnd: 4 + EVIL.length };
  return {
    reports: [
      report(`${EVIL}.md`, [message({ message: `消息</script><script>alert(2)</script>`, sentence })]),
      report('b.md', [
        message({ line: 2, sentence: { text: '旧词。', highlightStart: 0, highlightEnd: 2 } }),
        message({ ruleId: 'misquote', termId: 'quote', severity: 'error', matched: '甲、乙、丁', line: 3 }),
      ]),
      { ...report('broken.md', []), status: 'failed', notice: `读不了${EVIL}` },
    ],
    cwd: '/docs',
    tifaVersion: '0.1.0',
    glossaryVersions: ['t@1'],
    describeTerm: (id) => TERMS[id],
    colors: { red: (s: string) => s } as unknown as FormatInput['colors'],
  };
}

function totals($: CheerioAPI, caption: string): Record<string, number> {
  const table = $('table.totals').filter((_, t) => $(t).find('caption').text() === caption);
  expect(table.length, caption).toBe(1);
  return Object.fromEntries(table.find('tbody tr').map((_, tr) => [[$(tr).find('td').first().text(), Number($(tr).find('td.num').text())]]).get());
}

describe('html formatter', () => {
  const html = [...formatHtml(hostileInput())].join('');
  const $ = load(html);

  it('is one self-contained document: no external resources, CSP forbids network, phone viewport', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect($('meta[name=viewport]').attr('content')).toContain('width=device-width');
    expect($('meta[http-equiv=Content-Security-Policy]').attr('content')).toContain("default-src 'none'");
    expect($('link, img, iframe, object, embed, [src]').length).toBe(0);
    expect($('style').length).toBe(1);
    // 两个 script：数据与筛选代码；文档里的 </script> 没能造出第三个
    expect($('script').length).toBe(2);
  });

  it('escapes everything that comes from documents and the glossary', () => {
    const attributes = $('*').map((_, el) => Object.keys((el as { attribs?: Record<string, string> }).attribs ?? {})).get() as string[];
    expect(attributes.filter((a) => a.startsWith('on'))).toEqual([]);
    expect($('img').length).toBe(0);
    expect(html).not.toContain('<img');
    // 转义后的文字原样显示
    expect($('section.file h2').first().text()).toContain(`${EVIL}.md`);
    expect($('article.finding .message').first().text()).toBe('消息</script><script>alert(2)</script>');
    expect($('.failed li').text()).toContain(`读不了${EVIL}`);
    // 只有 http(s) 链接成为 href
    const hrefs = $('a').map((_, a) => $(a).attr('href')).get();
    expect(hrefs).toEqual(['https://www.example.gov.cn/a?x=1&y=2', 'https://www.example.gov.cn/a?x=1&y=2']);
    expect($('.sources li').filter((_, li) => $(li).text().startsWith('坏链接')).find('a').length).toBe(0);
  });

  it('totals by rule, area and file', () => {
    expect(totals($, '按规则')).toEqual({ '过时提法（outdated-term）': 2, '固定提法误引（misquote）': 1 });
    expect(totals($, '按领域')).toEqual({ [`领域${EVIL}`]: 2, 定位: 1 });
    expect(totals($, '按文件')).toEqual({ [`${EVIL}.md`]: 1, 'b.md': 2 });
    expect($('#summary').text()).toContain('发现 3 处');
  });

  it('each finding: sentence with the hit marked, current wording, area and sources with links', () => {
    const first = $('article.finding').filter((_, a) => $(a).attr('data-file') === `${EVIL}.md`);
    expect(first.length).toBe(1);
    expect(first.attr('data-rule')).toBe('outdated-term');
    expect(first.find('.sentence').text()).toBe(`前文${EVIL}旧词</script>后文。`);
    expect(first.find('.sentence mark').text()).toBe('旧词');
    expect(first.find('.wording b').text()).toBe('新词');
    expect(first.find('.area').text()).toContain(`领域${EVIL}`);
    expect(first.find('.sources a').text()).toBe('官方文件');
    expect(first.find('.sources').text()).toContain('某发〔2024〕1号');
    const misquote = $('article.finding[data-rule=misquote]');
    expect(misquote.find('.sentence mark').text()).toBe('甲、乙、丁');
    expect(misquote.hasClass('sev-error')).toBe(true);
  });

  it('filters offer every file and rule', () => {
    expect($('#filter-file option').map((_, o) => $(o).attr('value')).get()).toEqual(['', 'b.md', `${EVIL}.md`]); // 按发现数排序
    expect($('#filter-rule option').map((_, o) => $(o).attr('value')).get()).toEqual(['', 'outdated-term', 'misquote']);
  });
});

const DOC = '# 自评报告\n\n我校原为高职高专院校，坚持“职普融合、产教融合、科教融汇”。\n\n开展新型职业农民培训。\n';

describe('tifa lint --format html (real CLI)', () => {
  it('writes a report whose findings carry their sentence and source', async () => {
    const dir = makeTree({ 'docs/报告.md': DOC, 'docs/其他.md': '开展新型职业农民培训。\n' });
    const r = await tifa(['lint', 'docs', '--format', 'html', '--as-of', '2026-06-01'], { cwd: dir });
    expect(r.status).toBe(1);
    const $ = load(r.stdout);
    const articles = $('article.finding');
    expect(articles.length).toBeGreaterThanOrEqual(3);
    const rules = new Set(articles.map((_, a) => $(a).attr('data-rule')).get());
    expect(rules).toContain('misquote');
    expect(rules).toContain('outdated-term');
    for (const a of articles.toArray()) {
      expect($(a).find('.sentence mark').text().length).toBeGreaterThan(0);
      expect($(a).find('.sources li').length).toBeGreaterThan(0);
    }
    expect(Object.keys(totals($, '按文件')).sort()).toEqual(['docs/其他.md', 'docs/报告.md']);
    expect($('.sentence').first().text()).toContain('我校原为高职高专院校');
  });
});

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
if (!hasChromium) console.warn(`html report: ${CHROMIUM} 不存在，跳过真实浏览器里的测试`);

function dumpDom(url: string): Promise<string> {
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--window-size=390,844', '--virtual-time-budget=3000', '--dump-dom', url];
  return new Promise((resolve, reject) => {
    execFile(CHROMIUM, args, { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
  });
}

describe.skipIf(!hasChromium)('the report in headless Chromium', () => {
  it('shows the filters, and a #rule=… link filters the findings', async () => {
    const dir = makeTree({ 'docs/报告.md': DOC });
    const r = await tifa(['lint', 'docs', '--format', 'html', '--as-of', '2026-06-01'], { cwd: dir });
    const file = path.join(dir, '报告.html');
    fs.writeFileSync(file, r.stdout);
    const all = load(await dumpDom(pathToFileURL(file).href));
    expect(all('#filters').attr('hidden')).toBeUndefined();
    const total = all('article.finding').length;
    expect(all('article.finding[hidden]').length).toBe(0);
    expect(all('#shown').text()).toBe(`显示 ${total} / ${total} 处`);

    const filtered = load(await dumpDom(`${pathToFileURL(file).href}#rule=misquote`));
    const visible = filtered('article.finding:not([hidden])');
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(total);
    expect(new Set(visible.map((_, a) => filtered(a).attr('data-rule')).get())).toEqual(new Set(['misquote']));
    expect(filtered('#shown').text()).toBe(`显示 ${visible.length} / ${total} 处`);
  });
});
