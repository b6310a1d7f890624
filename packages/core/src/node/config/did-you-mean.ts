// 拼写建议：按编辑距离找最接近的候选（“是否想写 dictionaries？”）。
import { editDistance } from '../../text/edit-distance';

/** 距离不超过名字长度的 40%（至少 2）时给出建议；大小写差异视为最接近，候选以输入开头（outdated → outdated-term）次之。 */
export function didYouMean(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d =
      c.toLowerCase() === input.toLowerCase() ? 0.5 : input.length >= 3 && c.startsWith(input) ? 1 : editDistance(input, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(input.length * 0.4));
  return bestDistance <= limit ? best : undefined;
}
