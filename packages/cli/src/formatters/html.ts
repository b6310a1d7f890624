// html：一个自包含的 HTML 报告（内联 CSS/JS，不连网），可以发给不用 VS Code 的同事在浏览器或手机上看。
// 内容：按规则、领域（词条类别）和文件的合计；每个发现的句子、现行写法、来源与链接；按文件和规则筛选（地址栏 #file=…&rule=… 可分享）。
// 文档与词表里来的文字一律经 escapeHtml；没有 JS 时全部发现照常显示。
import type { LintMessage } from '../lint/types';
import { countAll } from './counts';
import { escapeHtml as e, jsonForScript, safeUrl } from './html-escape';
import type { FormatInput, Formatter, TermDescription } from './types';

const RULE_NAMES: Record<string, string> = {
  'outdated-term': '过时提法',
  variant: '不规范写法',
  misquote: '固定提法误引',
  'first-mention': '首次须写全称',
  'wrong-years': '起止年份有误',
  'document-number': '发文字号有误',
  'ended-plan': '已结束的计划写成现行',
  'document-date': '文档日期无法识别',
};
const SEVERITY_NAMES: Record<string, string> = { error: '错误', warning: '警告', info: '提示', hint: '提示' };
const NO_AREA = '（未分类）';

interface Row {
  file: string;
  m: LintMessage;
  term: TermDescription | undefined;
}

function tally(rows: Row[], key: (r: Row) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
}

function totalsTable(caption: string, head: string, rows: [string, number][], label: (k: string) => string = (k) => k): string {
  const body = rows.map(([k, n]) => `<tr><td>${e(label(k))}</td><td class="num">${n}</td></tr>`).join('');
  return `<div class="scroll"><table class="totals"><caption>${e(caption)}</caption><thead><tr><th>${e(head)}</th><th class="num">发现</th></tr></thead><tbody>${body || '<tr><td colspan="2">无</td></tr>'}</tbody></table></div>`;
}

function sentenceHtml(m: LintMessage): string {
  const s = m.sentence;
  if (!s) return `<mark>${e(m.matched)}</mark>`;
  return `${e(s.text.slice(0, s.highlightStart))}<mark>${e(s.text.slice(s.highlightStart, s.highlightEnd))}</mark>${e(s.text.slice(s.highlightEnd))}`;
}

function sourcesHtml(term: TermDescription | undefined): string {
  const sources = term?.sources ?? [];
  if (!sources.length) return '';
  const items = sources.map((s) => {
    const url = safeUrl(s.url);
    const title = url ? `<a href="${e(url)}" rel="noopener noreferrer">${e(s.title)}</a>` : e(s.title);
    const meta = [s.issuer, s.number, s.date].filter(Boolean).join('，');
    return `<li>${title}${meta ? `<span class="meta">（${e(meta)}）</span>` : ''}</li>`;
  });
  return `<div class="sources"><span class="label">来源</span><ul>${items.join('')}</ul></div>`;
}

function findingHtml(r: Row): string {
  const { m, term } = r;
  const wording = term?.currentWording?.length ? term.currentWording : m.suggestions;
  return `<article class="finding sev-${e(m.severity)}" data-file="${e(r.file)}" data-rule="${e(m.ruleId)}">
<p class="where"><span class="badge">${e(SEVERITY_NAMES[m.severity] ?? m.severity)}</span> <span class="loc">${e(r.file)}:${m.line}:${m.column}</span> <span class="rule">${e(RULE_NAMES[m.ruleId] ?? m.ruleId)} · ${e(m.termId)}</span></p>
<blockquote class="sentence">${sentenceHtml(m)}</blockquote>
<p class="message">${e(m.message)}</p>
${wording.length ? `<p class="wording"><span class="label">现行写法</span>${wording.map((w) => `<b>${e(w)}</b>`).join('、')}</p>` : ''}
${term?.category ? `<p class="area"><span class="label">领域</span>${e(term.category)}</p>` : ''}
${sourcesHtml(term)}
</article>`;
}

function options(values: [string, number][], label: (k: string) => string = (k) => k): string {
  return values.map(([k, n]) => `<option value="${e(k)}">${e(label(k))}（${n}）</option>`).join('');
}

export const formatHtml: Formatter = (input: FormatInput) => {
  const rows: Row[] = [];
  const failed: { file: string; notice: string }[] = [];
  for (const r of input.reports) {
    if (r.status === 'failed') failed.push({ file: r.displayPath, notice: r.notice ?? '无法检查该文件' });
    for (const m of r.messages) rows.push({ file: r.displayPath, m, term: input.describeTerm(m.termId) });
  }
  const counts = countAll(input.reports);
  const byRule = tally(rows, (r) => r.m.ruleId);
  const byArea = tally(rows, (r) => r.term?.category ?? NO_AREA);
  const byFile = tally(rows, (r) => r.file);
  const ruleLabel = (k: string) => `${RULE_NAMES[k] ?? k}（${k}）`;
  const checked = input.reports.filter((r) => r.status === 'linted').length;

  const sections = byFile
    .map(([file]) => file)
    .sort((a, b) => a.localeCompare(b, 'zh'))
    .map((file) => {
      const list = rows.filter((r) => r.file === file);
      return `<section class="file" data-file="${e(file)}"><h2>${e(file)} <small>${list.length} 处</small></h2>\n${list.map(findingHtml).join('\n')}\n</section>`;
    })
    .join('\n');

  // 一整段：不要返回字符串本身（字符串也是可迭代的，会被逐字写出）
  return [`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="generator" content="tifa ${e(input.tifaVersion)}">
<title>tifa 规范提法检查报告</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>规范提法检查报告</h1>
<p class="summary" id="summary">检查 ${checked} 个文件，发现 ${rows.length} 处：错误 ${counts.errors}，警告 ${counts.warnings}，提示 ${counts.infos}。</p>
<p class="meta">tifa ${e(input.tifaVersion)} · 词表版本 ${e(input.glossaryVersions.join('、') || '未知')}</p>
</header>
<main>
<div class="grid">
${totalsTable('按规则', '规则', byRule, ruleLabel)}
${totalsTable('按领域', '领域', byArea)}
${totalsTable('按文件', '文件', byFile)}
</div>
${failed.length ? `<section class="failed"><h2>无法检查的文件</h2><ul>${failed.map((f) => `<li>${e(f.file)}：${e(f.notice)}</li>`).join('')}</ul></section>` : ''}
<form class="filters" id="filters" hidden>
<label>文件 <select id="filter-file"><option value="">全部文件</option>${options(byFile)}</select></label>
<label>规则 <select id="filter-rule"><option value="">全部规则</option>${options(byRule, ruleLabel)}</select></label>
<output id="shown"></output>
</form>
${rows.length ? sections : '<p class="clean">没有发现问题。</p>'}
</main>
<script type="application/json" id="tifa-data">${jsonForScript({ total: rows.length })}</script>
<script>${JS}</script>
</body>
</html>
`];
};

// 手机上单栏、字号不缩；表格窄屏时可横向滚动。
const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.6 system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;color:#1f2328;background:#f6f8fa}
header,main{max-width:60rem;margin:0 auto;padding:0 1rem}
header{padding-top:1rem}
h1{font-size:1.5rem;margin:.5rem 0}
h2{font-size:1.1rem;margin:1.5rem 0 .5rem;word-break:break-all}
h2 small{font-weight:normal;color:#59636e}
.meta{color:#59636e;font-size:.875rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem}
.scroll{overflow-x:auto}
table.totals{border-collapse:collapse;background:#fff;width:100%}
table.totals caption{text-align:left;font-weight:600;padding:.25rem 0}
table.totals th,table.totals td{padding:.25rem .5rem;border-bottom:1px solid #d1d9e0;text-align:left;word-break:break-all}
.num{text-align:right!important;white-space:nowrap}
.filters{position:sticky;top:0;background:#f6f8fa;padding:.75rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;border-bottom:1px solid #d1d9e0;margin-top:1rem}
.filters select{font:inherit;max-width:100%}
.finding{background:#fff;border:1px solid #d1d9e0;border-left:4px solid #9a6700;border-radius:6px;padding:.5rem .75rem;margin:.75rem 0}
.finding.sev-error{border-left-color:#d1242f}
.finding.sev-info,.finding.sev-hint{border-left-color:#0969da}
.finding p{margin:.25rem 0}
.where{font-size:.875rem;color:#59636e;word-break:break-all}
.badge{display:inline-block;padding:0 .4rem;border-radius:1rem;background:#eff2f5;color:#1f2328}
.sentence{margin:.5rem 0;padding:.25rem .75rem;border-left:3px solid #d1d9e0;background:#f6f8fa}
mark{background:#fff8c5;text-decoration:underline wavy #d1242f;text-underline-offset:3px}
.label{display:inline-block;min-width:4.5em;color:#59636e;font-size:.875rem}
.sources ul{margin:0;padding-left:1.25rem}
.sources .meta{margin-left:.25rem}
a{color:#0969da}
.clean{font-size:1.1rem}
[hidden]{display:none!important}
@media print{.filters{display:none!important}.finding{break-inside:avoid}}
`;

// 筛选：按文件、规则隐藏不符合的发现；状态写进地址栏 #file=…&rule=…，刷新或转发链接后保留。
const JS = `
(function(){
var form=document.getElementById('filters'),fileSel=document.getElementById('filter-file'),ruleSel=document.getElementById('filter-rule'),shown=document.getElementById('shown');
var total=JSON.parse(document.getElementById('tifa-data').textContent).total;
if(!total)return;
form.hidden=false;
function pick(sel,v){for(var i=0;i<sel.options.length;i++)if(sel.options[i].value===v){sel.selectedIndex=i;return}}
function fromHash(){var p=new URLSearchParams(location.hash.slice(1));pick(fileSel,p.get('file')||'');pick(ruleSel,p.get('rule')||'')}
function apply(){
var f=fileSel.value,r=ruleSel.value,n=0;
document.querySelectorAll('article.finding').forEach(function(a){var ok=(!f||a.dataset.file===f)&&(!r||a.dataset.rule===r);a.hidden=!ok;if(ok)n++});
document.querySelectorAll('section.file').forEach(function(s){s.hidden=!s.querySelector('article.finding:not([hidden])')});
shown.textContent='显示 '+n+' / '+total+' 处';
var p=new URLSearchParams();if(f)p.set('file',f);if(r)p.set('rule',r);
var h=p.toString();if(('#'+h)!==location.hash&&(h||location.hash))history.replaceState(null,'',h?'#'+h:location.pathname+location.search);
}
fileSel.addEventListener('change',apply);ruleSel.addEventListener('change',apply);
window.addEventListener('hashchange',function(){fromHash();apply()});
fromHash();apply();
})();
`;
