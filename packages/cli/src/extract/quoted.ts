// 引号里的短语：政策文件常用“…”引出新提法（如“双高计划”）。

export interface QuotedPhrase {
  text: string;
  count: number;
  firstOffset: number;
}

const QUOTED = /“([^“”\n]{2,30})”/g;

export function quotedPhrases(text: string): QuotedPhrase[] {
  const byText = new Map<string, QuotedPhrase>();
  for (const m of text.matchAll(QUOTED)) {
    const phrase = m[1].trim();
    // 整句引语（带句读）不是术语
    if (phrase.length < 2 || /[，。；！？,.;!?]/.test(phrase)) continue;
    const offset = m.index! + 1;
    const found = byText.get(phrase);
    if (found) found.count++;
    else byText.set(phrase, { text: phrase, count: 1, firstOffset: offset });
  }
  return [...byText.values()];
}
