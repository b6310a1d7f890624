// 浏览词表快速选择框的条目：由 tifa.searchGlossary 的结果生成，不依赖 'vscode'。
import type { Translate } from './translate';
import type { GlossarySearchResult } from './serverProtocol';

export interface GlossaryPickItem {
  label: string;
  description: string;
  detail: string;
  /** 选中后插入的文字。 */
  term: string;
  id: string;
  /** 结果已由服务器按词、拼音、类别筛过；让 VS Code 不再按标签二次过滤（否则拼音查询会全被滤掉）。 */
  alwaysShow: true;
}

const MAX_DETAIL = 160;

export function statusLabel(status: string, t: Translate): string {
  switch (status) {
    case 'current':
      return t('current');
    case 'outdated':
      return t('outdated');
    case 'historical':
      return t('historical');
    default:
      return status;
  }
}

function statusIcon(status: string): string {
  if (status === 'outdated') return '$(warning) ';
  if (status === 'historical') return '$(history) ';
  return '';
}

/** 释义压成一行并截断，快速选择框的 detail 只显示一行。 */
export function oneLine(text: string, max = MAX_DETAIL): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function toGlossaryPickItems(results: readonly GlossarySearchResult[], t: Translate): GlossaryPickItem[] {
  return results.map((result) => {
    const parts = [result.pinyin, result.category];
    if (result.status !== 'current') parts.push(statusLabel(result.status, t));
    return {
      label: `${statusIcon(result.status)}${result.term}`,
      description: parts.filter((part) => part !== '').join(' · '),
      detail: oneLine(result.definition),
      term: result.term,
      id: result.id,
      alwaysShow: true,
    };
  });
}
