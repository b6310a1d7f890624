// 客户端这一侧对 tifa.* 设置的处理，不依赖 'vscode'：
// - 哪些设置交给服务器（package.json 里声明的 tifa.* 去掉只给客户端用的 tifa.trace.server）；
// - 服务器拉取设置时发过去的值：去掉客户端专用项，展开 ${workspaceFolder} / ${userHome}
//   （相对路径与 ~/ 由服务器按工作区文件夹解析）；
// - 由 tifa.languages 得出客户端的文档选择器。

export const SETTINGS_SECTION = 'tifa';

/** 只在客户端使用、服务器不认识的设置（相对 tifa. 的键路径）。 */
export const CLIENT_ONLY_SETTINGS = ['trace.server'] as const;

export const DEFAULT_LANGUAGES = ['markdown', 'plaintext'] as const;

/** 同步的 URI 方案：磁盘文件与未保存的新文件；虚拟文档（如释义页）不检查。 */
const SCHEMES = ['file', 'untitled'] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** package.json contributes.configuration 里声明的全部 tifa.* 键（可以是一个对象或对象数组）。 */
export function contributedSettingKeys(manifest: unknown): string[] {
  const contributes = isRecord(manifest) ? manifest.contributes : undefined;
  const configuration = isRecord(contributes) ? contributes.configuration : undefined;
  const blocks = Array.isArray(configuration) ? configuration : [configuration];
  const keys: string[] = [];
  for (const block of blocks) {
    if (isRecord(block) && isRecord(block.properties)) keys.push(...Object.keys(block.properties));
  }
  return keys.filter((key) => key.startsWith(`${SETTINGS_SECTION}.`));
}

/** 交给服务器同步的完整键名（tifa.enable …），用于 synchronize.configurationSection。 */
export function serverSettingKeys(manifest: unknown): string[] {
  const clientOnly = new Set<string>(CLIENT_ONLY_SETTINGS.map((key) => `${SETTINGS_SECTION}.${key}`));
  return contributedSettingKeys(manifest).filter((key) => !clientOnly.has(key));
}

export interface VariableContext {
  /** 设置所属工作区文件夹的绝对路径；没有文件夹（单文件）时为 undefined。 */
  folder?: string;
  home: string;
}

/** 展开 VS Code 风格的变量；不认识的或无法展开的原样保留，由服务器报告。 */
export function expandVariables(value: string, context: VariableContext): string {
  return value.replace(/\$\{(workspaceFolder|userHome)\}/g, (whole, name: string) => {
    if (name === 'userHome') return context.home;
    return context.folder ?? whole;
  });
}

/** 服务器按 workspace/configuration 拉取 tifa 设置时发过去的值。 */
export function toServerSettings(settings: unknown, context: VariableContext): unknown {
  if (!isRecord(settings)) return settings;
  const copy: Record<string, unknown> = { ...settings };
  for (const key of CLIENT_ONLY_SETTINGS) {
    const [head] = key.split('.');
    delete copy[head];
  }
  if (Array.isArray(copy.dictionaries)) {
    copy.dictionaries = copy.dictionaries.map((entry) => (typeof entry === 'string' ? expandVariables(entry, context) : entry));
  }
  if (typeof copy.allowListFile === 'string') copy.allowListFile = expandVariables(copy.allowListFile, context);
  return copy;
}

export interface DocumentFilterLike {
  scheme: string;
  language: string;
}

/** tifa.languages → 文档选择器；设置无效或为空时退回 Markdown 与纯文本。 */
export function documentSelectorFor(languages: unknown): DocumentFilterLike[] {
  const ids = Array.isArray(languages)
    ? [...new Set(languages.filter((id): id is string => typeof id === 'string' && id.trim() !== '').map((id) => id.trim()))]
    : [];
  const effective = ids.length > 0 ? ids : [...DEFAULT_LANGUAGES];
  return effective.flatMap((language) => SCHEMES.map((scheme) => ({ scheme, language })));
}
