// 诊断：打开/修改时检查（防抖、只发最新版本），按客户端能力推送（publishDiagnostics）或被拉取（textDocument/diagnostic）。
import { createHash, randomBytes } from 'node:crypto';
import {
  type CancellationToken,
  type Connection,
  type Diagnostic,
  DiagnosticSeverity,
  DiagnosticTag,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  type TextDocuments,
  type TextEdit as LspTextEdit,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Severity } from '@tifa/core';
import type { Analysis } from './analysis';
import { toLspEdit, toRange } from './positions';
import { type Logger, formatError, runSafeAsync } from './runner';

export const DIAGNOSTIC_SOURCE = 'tifa';
export const RULE_DOCS_BASE = 'https://github.com/tifa-dev/tifa#rule-';

/** 随诊断带给客户端、代码操作时原样带回的数据。 */
export interface DiagnosticData {
  termId: string;
  ruleId: string;
  matched: string;
  fixes: { title: string; safe: boolean; edits: LspTextEdit[] }[];
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(doc: TextDocument, finding: Finding): Diagnostic {
  const data: DiagnosticData = {
    termId: finding.termId,
    ruleId: finding.ruleId,
    matched: finding.matched,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, safe: fix.safe, edits: fix.edits.map((e) => toLspEdit(doc, e)) })),
  };
  const diagnostic: Diagnostic = {
    range: toRange(doc, finding.offset, finding.length),
    severity: SEVERITY[finding.severity] ?? DiagnosticSeverity.Warning,
    code: finding.ruleId,
    codeDescription: { href: RULE_DOCS_BASE + finding.ruleId },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (finding.deprecated) diagnostic.tags = [DiagnosticTag.Deprecated];
  return diagnostic;
}

export function isTifaDiagnostic(d: Diagnostic): d is Diagnostic & { data: DiagnosticData } {
  const data = d.data as Partial<DiagnosticData> | undefined;
  return d.source === DIAGNOSTIC_SOURCE && !!data && typeof data.termId === 'string' && Array.isArray(data.fixes);
}

export interface DiagnosticsFeature {
  /** 设置、词表或白名单变了：所有打开的文档重新检查（拉取模式下请客户端重拉）。 */
  refreshAll(): void;
  /** 当前“纪元”：任何影响结果的外部变化都会使它加一，拉取结果 id 依赖它。 */
  readonly epoch: number;
}

export function registerDiagnostics(deps: {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  analysis: Analysis;
  log: Logger;
  pull: boolean;
  refreshSupport: boolean;
}): DiagnosticsFeature {
  const { connection, documents, analysis, log } = deps;
  const timers = new Map<string, NodeJS.Timeout>();
  const lastChange = new Map<string, number>();
  let epoch = 0;
  // 服务器重启后客户端可能带着旧 id 来：每个实例的 id 都不同。
  const instance = randomBytes(4).toString('hex');
  const contentHashes = new WeakMap<TextDocument, { version: number; hash: string }>();

  /** 当前版本的诊断；等设置期间文档变了或被关了就返回 undefined（新版本有自己的一轮检查）。 */
  async function diagnose(uri: string): Promise<{ version: number; resultId: string; diagnostics: Diagnostic[] } | undefined> {
    const before = documents.get(uri);
    if (!before) return undefined;
    // TextDocument 会被原地更新，所以先记下版本号再等待。
    const version = before.version;
    const ctx = await analysis.context(before);
    const doc = documents.get(uri);
    if (!doc || doc.version !== version) return undefined;
    // lint 是同步的：从这里到返回，文档不会再变，版本与文字一致。
    return { version, resultId: resultIdOf(doc), diagnostics: ctx ? analysis.findings(doc, ctx).map((f) => toDiagnostic(doc, f)) : [] };
  }

  async function validate(uri: string): Promise<void> {
    try {
      const result = await diagnose(uri);
      if (result) await connection.sendDiagnostics({ uri, version: result.version, diagnostics: result.diagnostics });
    } catch (err) {
      log.error(formatError(`检查 ${uri} 失败`, err));
    }
  }

  /** 结果 id 取决于服务器实例、纪元、版本和文字本身：关闭后以同一版本号重新打开另一段文字，不能回答 unchanged。 */
  function resultIdOf(doc: TextDocument): string {
    // 同一个文档对象、同一版本只算一次摘要（重新打开得到新的对象）。
    let hashed = contentHashes.get(doc);
    if (!hashed || hashed.version !== doc.version) {
      hashed = { version: doc.version, hash: createHash('sha1').update(doc.getText()).digest('base64url') };
      contentHashes.set(doc, hashed);
    }
    return `${instance}:${epoch}:${doc.version}:${hashed.hash}`;
  }

  function cancel(uri: string): void {
    const timer = timers.get(uri);
    if (timer) clearTimeout(timer);
    timers.delete(uri);
  }

  function schedule(doc: TextDocument, debounce: boolean): void {
    cancel(doc.uri);
    if (deps.pull) return;
    const version = doc.version;
    const start = (delay: number) => {
      // 设置取回之前又来了新版本：让新版本去排期。
      if (documents.get(doc.uri)?.version !== version) return;
      cancel(doc.uri);
      timers.set(
        doc.uri,
        setTimeout(() => {
          timers.delete(doc.uri);
          void validate(doc.uri);
        }, delay),
      );
    };
    if (!debounce) return start(0);
    analysis
      .context(doc)
      .then((ctx) => start(ctx?.settings.debounceMs ?? 0))
      .catch((err: unknown) => log.error(formatError(`读取 ${doc.uri} 的设置失败`, err)));
  }

  // TextDocuments 打开时先发 onDidOpen 再发 onDidChangeContent：打开只按“打开”处理（不防抖）。
  const justOpened = new Set<string>();
  documents.onDidOpen(({ document }) => {
    justOpened.add(document.uri);
    schedule(document, false);
  });
  documents.onDidChangeContent(({ document }) => {
    if (justOpened.delete(document.uri)) return;
    lastChange.set(document.uri, Date.now());
    schedule(document, true);
  });
  documents.onDidClose(({ document }) => {
    cancel(document.uri);
    justOpened.delete(document.uri);
    lastChange.delete(document.uri);
    analysis.forget(document.uri);
    if (!deps.pull) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  if (deps.pull) {
    connection.languages.diagnostics.on((params, token) =>
      runSafeAsync(
        log,
        () => pullReport(params.textDocument.uri, params.previousResultId, token),
        { kind: DocumentDiagnosticReportKind.Full, items: [] } as DocumentDiagnosticReport,
        `拉取诊断 ${params.textDocument?.uri}`,
        token,
      ),
    );
  }

  async function pullReport(uri: string, previousResultId: string | undefined, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    let doc = documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const ctx = await analysis.context(doc);
    // 刚改过的文档先等防抖；期间客户端会取消这次请求并重新拉取新版本。
    const wait = ctx ? (lastChange.get(uri) ?? 0) + ctx.settings.debounceMs - Date.now() : 0;
    if (wait > 0) await delay(wait, token);
    // 期间文档又变了就按新版本算（最多重试几次；客户端通常也会取消并重拉）。
    for (let attempt = 0; attempt < 3 && !token.isCancellationRequested; attempt++) {
      doc = documents.get(uri);
      if (!doc) break;
      const resultId = resultIdOf(doc);
      if (previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      const result = await diagnose(uri);
      if (result) return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: result.diagnostics };
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  }

  return {
    refreshAll() {
      epoch++;
      if (deps.pull) {
        if (deps.refreshSupport) void connection.languages.diagnostics.refresh();
        return;
      }
      for (const doc of documents.all()) schedule(doc, false);
    },
    get epoch() {
      return epoch;
    },
  };
}

function delay(ms: number, token: CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    const sub = token.onCancellationRequested(done);
    function done() {
      clearTimeout(timer);
      sub.dispose();
      resolve();
    }
  });
}
