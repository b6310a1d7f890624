// 配置：CLI 与语言服务器共用的唯一解析器。
export { ConfigResolver, type ConfigResolverOptions } from './resolver';
export { CONFIG_FILE_NAMES, loadConfigFile } from './load-file';
export { ALLOW_LIST_FILE, parseAllowList, readAllowList } from './allow-list';
export { CONFIG_KEYS, OVERRIDE_KEYS, LANGUAGES, RULE_SETTINGS, isValidDate, validateConfig } from './validate';
export { parseJsonc, MAX_JSON_DEPTH, type JsonPath } from './jsonc';
export { didYouMean } from './did-you-mean';
export { findPackageDir, isPackageSpec } from './packages';
export { formatLocatedError } from './types';
export type { ConfigLayer, ConfigOverride, ConfigSettings, DocumentLanguage, LocatedError, ResolvedConfig, Result } from './types';
export { CONFIG_SCHEMA, schemaIssue } from './schema';
