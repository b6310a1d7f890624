// 已结束的时期作时间状语：分句（或句首的时间状语分句）里另有一个词条，它本身已经结束（“十四五”、脱贫攻坚、
// 新冠肺炎疫情……，以词条自己的 until 或起止期为准），后面跟着“期间、时期、阶段、战中”等，说的就是那段时间里的事：
// “‘十四五’期间，学生在全国职业院校技能大赛中累计获奖46项”“脱贫攻坚期间，学院对建档立卡贫困户子女免学费”。
// 其中的旧称是当时的名称，不算过时用法。分句里另有“至今、目前、今年”等把话拉回现在的词时不适用。
import { firstFormEndingAfter, type FormMatch } from '../scan';
import type { Clause } from './clause';
import { outdatedFrom, PRESENT_MARKERS } from './context';
import type { RuleEnv } from './term-rules';

const DURING = /^[”"’']?(?:规划|计划|行动)?(?:期间|时期|阶段|战中|中)/;

export function duringEndedPeriod(env: RuleEnv, m: FormMatch, clause: Clause): boolean {
  const { scan, asOf } = env;
  const norm = scan.p.norm;
  const forms = scan.forms;
  const ranges = clause.lead ? [clause.lead, clause] : [clause];
  for (const r of ranges) {
    for (let k = firstFormEndingAfter(forms, r.start); k < forms.length && forms[k].s < r.end; k++) {
      const o = forms[k];
      if (o === m || o.s < r.start) continue;
      const from = outdatedFrom(o.ref.entry);
      if (!from || from > asOf) continue;
      if (!DURING.test(norm.slice(o.e, Math.min(r.end, o.e + 8)))) continue;
      const text = (clause.lead ? norm.slice(clause.lead.start, clause.lead.end) : '') + norm.slice(clause.start, clause.end);
      return !PRESENT_MARKERS.test(text);
    }
  }
  return false;
}
