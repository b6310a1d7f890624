// sarif：SARIF 2.1.0，GitHub code scanning 可直接上传。每个“规则/词条”组合是一条 SARIF 规则
// （id 形如 outdated-term/gaozhi-gaozhuan），帮助文字写词条释义与来源；位置为相对 %SRCROOT% 的 URI。
import { pathToFileURL } from 'node:url';
import type { FileReport, LintMessage } from '../lint/types';
import { TIFA_HOMEPAGE } from '../version';
import { jsonChunks } from './json-stream';
import type { FormatInput, Formatter } from './types';

const LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

const RULE_TITLES: Record<string, string> = {
  'outdated-term': '过时提法',
  variant: '不规范写法',
  misquote: '固定提法引用有误',
  'first-mention': '首次出现应写全称',
  'wrong-years': '起止年份有误',
  'document-number': '发文字号有误',
  'ended-plan': '已结束的计划写成现行',
  'document-date': '文档日期无法识别',
};

/** 相对路径逐段百分号编码（中文文件名也得是合法 URI）。 */
function relativeUri(displayPath: string): string {
  return displayPath.split('/').map(encodeURIComponent).join('/');
}

function isRelative(displayPath: string): boolean {
  return !displayPath.startsWith('/') && !/^[A-Za-z]:/.test(displayPath);
}

function artifactLocation(r: FileReport) {
  return isRelative(r.displayPath)
    ? { uri: relativeUri(r.displayPath), uriBaseId: '%SRCROOT%' }
    : { uri: pathToFileURL(r.file).href };
}

function ruleKey(m: LintMessage): string {
  return `${m.ruleId}/${m.termId}`;
}

function buildRule(key: string, m: LintMessage, input: FormatInput) {
  const d = input.describeTerm(m.termId);
  const title = RULE_TITLES[m.ruleId] ?? m.ruleId;
  const name = d?.name ?? m.termId;
  return {
    id: key,
    name: `${m.ruleId}:${m.termId}`,
    shortDescription: { text: `${title}：${name}` },
    fullDescription: { text: d?.fullDescription ?? d?.shortDescription ?? `${title}（词条 ${m.termId}）` },
    help: {
      text: d?.helpText ?? `${title}。运行 tifa explain ${m.termId} 查看词条说明。`,
      ...(d?.helpMarkdown ? { markdown: d.helpMarkdown } : {}),
    },
    helpUri: TIFA_HOMEPAGE,
    defaultConfiguration: { level: LEVEL[m.severity] },
    properties: { tags: ['tifa', m.ruleId], termId: m.termId },
  };
}

export const formatSarif: Formatter = function* (input) {
  const rules: ReturnType<typeof buildRule>[] = [];
  const ruleIndex = new Map<string, number>();
  const results: unknown[] = [];
  const notifications: unknown[] = [];
  const artifacts: { location: ReturnType<typeof artifactLocation>; encoding?: string }[] = [];

  for (const r of input.reports) {
    if (r.status !== 'linted') {
      notifications.push({
        level: r.status === 'failed' ? 'error' : 'note',
        message: { text: `${r.displayPath}：${r.notice ?? ''}` },
        locations: [{ physicalLocation: { artifactLocation: artifactLocation(r) } }],
      });
      continue;
    }
    if (r.messages.length === 0) continue;
    const artifactIndex = artifacts.length;
    artifacts.push({ location: artifactLocation(r), ...(r.encoding ? { encoding: r.encoding } : {}) });
    for (const m of r.messages) {
      const key = ruleKey(m);
      let index = ruleIndex.get(key);
      if (index === undefined) {
        index = rules.length;
        ruleIndex.set(key, index);
        rules.push(buildRule(key, m, input));
      }
      const region = {
        startLine: m.line,
        startColumn: m.column,
        endLine: m.endLine,
        endColumn: m.endColumn,
        charOffset: m.offset,
        charLength: m.length,
        snippet: { text: m.matched },
      };
      const location = { physicalLocation: { artifactLocation: { ...artifactLocation(r), index: artifactIndex }, region } };
      results.push({
        ruleId: key,
        ruleIndex: index,
        level: LEVEL[m.severity],
        message: { text: m.suggestions.length && !m.suggestions.every((s) => m.message.includes(s)) ? `${m.message}（建议：${m.suggestions.join('、')}）` : m.message },
        locations: [location],
        ...(m.fix && r.kind !== 'docx'
          ? {
              fixes: [
                {
                  description: { text: `改为“${m.fix.newText}”` },
                  artifactChanges: [
                    {
                      artifactLocation: artifactLocation(r),
                      replacements: [{ deletedRegion: { charOffset: m.fix.offset, charLength: m.fix.length }, insertedContent: { text: m.fix.newText } }],
                    },
                  ],
                },
              ],
            }
          : {}),
        properties: { termId: m.termId, matched: m.matched, suggestions: m.suggestions },
      });
    }
  }

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tifa',
            fullName: 'tifa 规范提法检查',
            version: input.tifaVersion,
            semanticVersion: input.tifaVersion,
            informationUri: TIFA_HOMEPAGE,
            rules,
          },
        },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(input.cwd).href.replace(/\/?$/, '/') } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
        properties: { tifaVersion: input.tifaVersion, glossaryVersion: input.glossaryVersions.join('、'), glossaryVersions: input.glossaryVersions },
      },
    ],
  };
  yield* jsonChunks(log);
  yield '\n';
};
