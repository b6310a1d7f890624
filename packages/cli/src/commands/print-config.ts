// tifa lint --print-config <文件>：对这个文件生效的配置（合并上级、extends、overrides 与命令行选项之后）。
import type { RuleId, RuleSetting } from '@tifa/core';
import { formatLocatedError, type ConfigResolver } from '@tifa/core/node';
import { CliError } from '../cli-error';

export function printConfig(
  configs: ConfigResolver,
  file: string,
  cli: { cliRules: Partial<Record<RuleId, RuleSetting>>; cliDicts: string[]; asOf?: string },
): string {
  const result = configs.forFile(file);
  if (!result.ok) throw new CliError(formatLocatedError(result.error));
  const c = result.config;
  const shown = {
    configFiles: c.files,
    dictionaries: [...c.dictionaries, ...cli.cliDicts],
    rules: { ...c.rules, ...cli.cliRules },
    terms: c.terms,
    asOf: cli.asOf ?? c.asOf ?? null,
    allow: c.allow,
    allowFiles: c.allowFiles,
    ignore: c.ignore,
    language: c.language,
  };
  return `${JSON.stringify(shown, null, 2)}\n`;
}
