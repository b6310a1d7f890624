// 设置只在这里声明一次：类型 + 缺省值 + 每项的说明。扩展的 contributes.configuration 用测试对照这里。
import type { RuleId, RuleSetting } from '@tifa/core';

export interface TifaSettings {
  /** 总开关。 */
  enable: boolean;
  /** 额外的用户词典（YAML），相对路径按工作区文件夹解析。 */
  dictionaries: string[];
  /** 文档日期 YYYY-MM-DD；空串表示用 Markdown 前言的 date: 或当天。 */
  asOf: string;
  /** 规则级别覆盖：ruleId → off/error/warning/info/hint。 */
  rules: Partial<Record<RuleId, RuleSetting>>;
  /** 词条级别覆盖：词条 id → off/error/warning/info/hint。 */
  terms: Record<string, RuleSetting>;
  /** 检查哪些语言的文档（languageId）。 */
  languages: string[];
  /** 工作区白名单文件（每行一个写法或词条 id），相对工作区文件夹。 */
  allowListFile: string;
  /** 输入停顿多少毫秒后再检查。 */
  debounceMs: number;
}

export const SETTINGS_SECTION = 'tifa';

export const SETTINGS_DEFAULTS: Readonly<TifaSettings> = Object.freeze({
  enable: true,
  dictionaries: [],
  asOf: '',
  rules: {},
  terms: {},
  languages: ['markdown', 'plaintext'],
  allowListFile: '.tifa/allow.txt',
  debounceMs: 150,
});

export const SETTINGS_KEYS = Object.keys(SETTINGS_DEFAULTS) as readonly (keyof TifaSettings)[];

export type SettingType = 'boolean' | 'string' | 'number' | 'array' | 'object';

/** 每项设置的 JSON 类型与中文说明，供扩展生成或核对 contributes.configuration。 */
export const SETTINGS_SCHEMA: Readonly<Record<keyof TifaSettings, { type: SettingType; description: string }>> = {
  enable: { type: 'boolean', description: '启用 tifa 规范提法检查。' },
  dictionaries: { type: 'array', description: '额外的用户词典文件（YAML），相对路径按工作区文件夹解析；同 id 的词条覆盖默认词表。' },
  asOf: { type: 'string', description: '按哪一天的规范检查（YYYY-MM-DD）；留空时取 Markdown 前言的 date:，否则为当天。' },
  rules: { type: 'object', description: '规则级别：规则 id（outdated-term、variant、misquote、first-mention、wrong-years、document-date、document-number、ended-plan）→ off / error / warning / info / hint。' },
  terms: { type: 'object', description: '词条级别：词条 id → off / error / warning / info / hint。' },
  languages: { type: 'array', description: '检查哪些语言的文档（languageId）。' },
  allowListFile: { type: 'string', description: '工作区白名单文件，每行一个写法或词条 id（# 开头为注释），相对工作区文件夹。' },
  debounceMs: { type: 'number', description: '停止输入多少毫秒后重新检查。' },
};
