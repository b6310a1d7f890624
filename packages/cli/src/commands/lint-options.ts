// lint 的选项取值校验：--rule 规则=级别、--max-warnings。
import { RULE_IDS, type RuleId, type RuleSetting } from '@tifa/core';
import { CliError } from '../cli-error';
import { didYouMean } from '../config/did-you-mean';
import { RULE_SETTINGS } from '@tifa/core/node';

export function parseRuleOptions(specs: readonly string[]): Partial<Record<RuleId, RuleSetting>> {
  const rules: Partial<Record<RuleId, RuleSetting>> = {};
  for (const spec of specs) {
    const m = /^([\w-]+)=([\w-]+)$/.exec(spec.trim());
    if (!m) throw new CliError(`--rule 应写成 规则=级别，如 --rule misquote=off，却是 ${JSON.stringify(spec)}`);
    const [, id, setting] = m;
    if (!(RULE_IDS as readonly string[]).includes(id)) {
      const hint = didYouMean(id, RULE_IDS);
      throw new CliError(`--rule：未知规则 ${id}${hint ? `，是否想写 ${hint}？` : `（可用：${RULE_IDS.join('、')}）`}`);
    }
    if (!RULE_SETTINGS.includes(setting as RuleSetting)) {
      throw new CliError(`--rule ${id}：级别应为 off、info、warn、error 之一，却是 ${setting}`);
    }
    rules[id as RuleId] = setting as RuleSetting;
  }
  return rules;
}

export function parseMaxWarnings(value: string | undefined): number {
  if (value === undefined) return -1;
  if (!/^-?\d+$/.test(value)) throw new CliError(`--max-warnings 应为整数，却是 ${JSON.stringify(value)}`);
  return Number(value);
}
