// 测试用的翻译函数：与 vscode.l10n.t 一样按 {0} 替换；中文版读扩展真实的 l10n/bundle.l10n.zh-cn.json。
import fs from 'node:fs';
import path from 'node:path';
import type { Translate } from '../../src/translate';

export const EXTENSION_DIR = path.resolve(__dirname, '..', '..');

export function readZhBundle(): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'l10n', 'bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
}

function format(message: string, args: Array<string | number | boolean>): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** 英文（VS Code 非中文界面）：消息原样。 */
export const tEnglish: Translate = (message, ...args) => format(message, args);

/** 中文界面：从真实的翻译包取；缺翻译时抛错，好让测试暴露漏译。 */
export function chineseTranslator(): Translate {
  const bundle = readZhBundle();
  return (message, ...args) => {
    const translated = bundle[message];
    if (translated === undefined) throw new Error(`l10n/bundle.l10n.zh-cn.json 缺少翻译：${message}`);
    return format(translated, args);
  };
}
