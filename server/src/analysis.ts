// 文档 → (设置, 词表, 白名单, LintOptions) 的组装与 lint 结果缓存。语言逻辑全部在 @tifa/core。
import path from 'node:path';
import { createLintCache, lint, type Finding, type LintCache, type LintOptions } from '@tifa/core';
import type { ConfigResolver, LocatedError, ResolvedConfig } from '@tifa/core/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { AllowListStore } from './allowList';
import type { GlossaryState, GlossaryStore } from './glossaryStore';
import { pathToUri, resolveSettingPath, resolveWorkspaceFile, uriToPath, type WorkspaceFolders } from './paths';
import type { SettingsStore } from './settings';
import type { TifaSettings } from './settingsSchema';

export interface DocumentContext {
  settings: TifaSettings;
  state: GlossaryState;
  options: LintOptions;
  /** 这份文档对应的白名单文件（可能还不存在）。 */
  allowListFile: string | undefined;
  folder: string | undefined;
}

export interface Analysis {
  /** 文档的检查上下文；未启用或语言不在设置里时为 undefined。 */
  context(doc: TextDocument): Promise<DocumentContext | undefined>;
  /** 为不在编辑器里打开的文件（工作区检查）组装上下文。 */
  contextForFile(file: string, languageId: string): Promise<DocumentContext | undefined>;
  /** 当前版本的发现；同一版本、同一词表与设置只算一次。 */
  findings(doc: TextDocument, ctx: DocumentContext): Finding[];
  /** 某作用域（文档或文件夹 URI，缺省为第一个工作区文件夹）的词表，不看语言与开关：给命令用。 */
  glossaryFor(scopeUri: string | undefined): Promise<GlossaryState>;
  /** 该文档所属工作区的白名单文件。 */
  allowListFileFor(uri: string): Promise<string | undefined>;
  forget(uri: string): void;
}

interface CacheEntry {
  version: number;
  ctx: DocumentContext;
  findings: Finding[];
  /** 核心的按块缓存：一次编辑只重算改动的块。 */
  blocks: LintCache;
}

/** 新打开的文档发出首次诊断之后，过这么久再建按块缓存（不与诊断的发送抢时间）。 */
const FILL_CACHE_AFTER_MS = 30;

export function languageOf(languageId: string): 'markdown' | 'plaintext' {
  return languageId === 'markdown' ? 'markdown' : 'plaintext';
}

export function createAnalysis(deps: {
  settings: SettingsStore;
  glossaries: GlossaryStore;
  allowLists: AllowListStore;
  folders: WorkspaceFolders;
  homeDir: string;
  warn?: (message: string) => void;
  /** 与 CLI 共用的配置解析器（tifa.config.json、.tifarc.json、package.json#tifa、.tifa/allow.txt）。 */
  configs: ConfigResolver;
  /** 配置文件有错：报到该文件上（这时按没有配置检查）。 */
  configProblem(error: LocatedError | undefined, file: string | undefined): void;
}): Analysis {
  // 每个打开的文档只留最新一份结果：内存不随编辑次数增长。
  const cache = new Map<string, CacheEntry>();
  const warned = new Set<string>();

  function resolverFor(file: string | undefined) {
    const folder = deps.folders.folderOf(file) ?? (file ? undefined : deps.folders.list()[0]);
    const dir = file ? path.dirname(file) : undefined;
    return { folder, resolve: (p: string) => resolveSettingPath(p, folder, dir, deps.homeDir) };
  }

  /** 文件所在目录向上的配置；未保存的文档按第一个工作区文件夹找。 */
  function configFor(file: string | undefined): ResolvedConfig | undefined {
    const folders = deps.folders.list();
    // 作用域是工作区文件夹本身时，按文件夹里的文件找
    const dir = file && !folders.includes(file) ? undefined : (file ?? folders[0]);
    const target = dir ? path.join(dir, 'untitled') : file;
    if (!target) return undefined;
    const result = deps.configs.forFile(target);
    deps.configProblem(result.ok ? undefined : result.error, target);
    return result.ok ? result.config : undefined;
  }

  async function build(scopeUri: string | undefined, file: string | undefined, languageId: string): Promise<DocumentContext | undefined> {
    const settings = await deps.settings.get(scopeUri);
    if (!settings.enable || !settings.languages.includes(languageId)) return undefined;
    const { folder, resolve } = resolverFor(file);
    // 配置文件在下，VS Code 设置只在用户设了的地方覆盖（缺省值都是“空”：空数组、空对象、空串）
    const config = configFor(file);
    const state = deps.glossaries.get([...(config?.dictionaries ?? []), ...dictionaryPaths(settings, resolve)]);
    const allowListFile = allowListPath(settings, folder);
    const allow = [...(config?.allow ?? [])];
    for (const item of deps.allowLists.get(allowListFile)) if (!allow.includes(item)) allow.push(item);
    const options: LintOptions = {
      language: languageOf(languageId),
      asOf: settings.asOf || config?.asOf || undefined,
      rules: { ...config?.rules, ...settings.rules },
      terms: { ...config?.terms, ...settings.terms },
      allow,
      segmenter: state.segmenter,
    };
    return { settings, state, options, allowListFile, folder };
  }

  return {
    context(doc) {
      return build(doc.uri, uriToPath(doc.uri), doc.languageId);
    },
    contextForFile(file, languageId) {
      // 以工作区文件夹为设置作用域：逐个文件请求设置会让缓存随文件数增长。
      const folder = deps.folders.folderOf(file);
      return build(folder ? pathToUri(folder) : undefined, file, languageId);
    },
    findings(doc, ctx) {
      const hit = cache.get(doc.uri);
      if (hit && hit.version === doc.version && sameContext(hit.ctx, ctx)) return hit.findings;
      if (!hit) return firstFindings(doc, ctx);
      const blocks = hit.blocks;
      const findings = lint(doc.getText(), ctx.state.glossary, { ...ctx.options, cache: blocks });
      cache.set(doc.uri, { version: doc.version, ctx, findings, blocks });
      return findings;
    },
    async glossaryFor(scopeUri) {
      const settings = await deps.settings.get(scopeUri ?? firstFolderUri());
      const file = scopeUri ? uriToPath(scopeUri) : undefined;
      const config = configFor(file);
      return deps.glossaries.get([...(config?.dictionaries ?? []), ...dictionaryPaths(settings, resolverFor(file).resolve)]);
    },
    async allowListFileFor(uri) {
      const settings = await deps.settings.get(uri);
      const file = uriToPath(uri);
      return allowListPath(settings, deps.folders.folderOf(file) ?? (file ? undefined : deps.folders.list()[0]));
    },
    forget(uri) {
      cache.delete(uri);
    },
  };

  /**
   * 刚打开的文档：整篇一次检查（结果与按块检查相同，新进程里却快三成：按块的固定开销在代码还没热起来时最显眼），
   * 按块的缓存等诊断发出去之后再建，供之后的编辑用；在那之前来了编辑，就照常按块检查。
   */
  function firstFindings(doc: TextDocument, ctx: DocumentContext): Finding[] {
    const text = doc.getText();
    const findings = lint(text, ctx.state.glossary, ctx.options);
    const blocks = createLintCache();
    cache.set(doc.uri, { version: doc.version, ctx, findings, blocks });
    setTimeout(() => {
      if (cache.get(doc.uri)?.blocks !== blocks || blocks.chunks.size > 0) return;
      try {
        lint(text, ctx.state.glossary, { ...ctx.options, cache: blocks });
      } catch {
        blocks.chunks.clear();
      }
    }, FILL_CACHE_AFTER_MS).unref();
    return findings;
  }

  /** 白名单属于工作区：只接受工作区文件夹内的相对路径；不在任何文件夹里的文档没有白名单。 */
  function allowListPath(settings: TifaSettings, folder: string | undefined): string | undefined {
    const { file, error } = resolveWorkspaceFile(settings.allowListFile, folder);
    if (error && !warned.has(error)) {
      if (warned.size < 100) warned.add(error);
      deps.warn?.(error);
    }
    return file;
  }

  function firstFolderUri(): string | undefined {
    const first = deps.folders.list()[0];
    return first ? pathToUri(first) : undefined;
  }
}

function dictionaryPaths(settings: TifaSettings, resolve: (p: string) => string | undefined): string[] {
  return settings.dictionaries.map(resolve).filter((p): p is string => p !== undefined);
}

function sameContext(a: DocumentContext, b: DocumentContext): boolean {
  return (
    a.settings === b.settings &&
    a.state.generation === b.state.generation &&
    a.allowListFile === b.allowListFile &&
    a.options.asOf === b.options.asOf &&
    JSON.stringify([a.options.rules, a.options.terms]) === JSON.stringify([b.options.rules, b.options.terms]) &&
    sameList(a.options.allow ?? [], b.options.allow ?? [])
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
