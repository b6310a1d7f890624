// 各格式共用的计数：错误、警告、提示，以及可自动修复的数量。无法读取的文件算一个错误。
import type { FileReport } from '../lint/types';

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
  fixableErrors: number;
  fixableWarnings: number;
  fixableInfos: number;
}

export function countReport(r: FileReport): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  if (r.status === 'failed') c.errors++;
  for (const m of r.messages) {
    if (m.severity === 'error') {
      c.errors++;
      if (m.fixable) c.fixableErrors++;
    } else if (m.severity === 'warning') {
      c.warnings++;
      if (m.fixable) c.fixableWarnings++;
    } else {
      c.infos++;
      if (m.fixable) c.fixableInfos++;
    }
  }
  return c;
}

export function countAll(reports: readonly FileReport[]): Counts {
  const total: Counts = { errors: 0, warnings: 0, infos: 0, fixableErrors: 0, fixableWarnings: 0, fixableInfos: 0 };
  for (const r of reports) {
    const c = countReport(r);
    for (const k of Object.keys(total) as (keyof Counts)[]) total[k] += c[k];
  }
  return total;
}
