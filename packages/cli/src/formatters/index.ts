// 格式名 → 格式化器。每种格式一个文件。
import { formatCompact } from './compact';
import { formatGithub } from './github';
import { formatHtml } from './html';
import { formatJson } from './json';
import { formatSarif } from './sarif';
import { formatStylish } from './stylish';
import type { Formatter } from './types';

export const FORMATTERS: Record<string, Formatter> = {
  stylish: formatStylish,
  json: formatJson,
  sarif: formatSarif,
  github: formatGithub,
  html: formatHtml,
  compact: formatCompact,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
