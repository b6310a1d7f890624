// 把 ajv 的校验错误翻译成中文提示。
import type { ErrorObject } from 'ajv';
import { editDistance } from '../text/edit-distance';

/** 在候选里找一个拼写最接近的，用于“是否想写 …？”。 */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

function fieldName(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length ? parts[parts.length - 1] : '（文件顶层）';
}

export function schemaMessage(e: ErrorObject): string {
  const field = fieldName(e.instancePath);
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return `缺少必填字段“${p.missingProperty}”`;
    case 'additionalProperties': {
      const parentSchema = e.parentSchema as { properties?: Record<string, unknown> } | undefined;
      const known = Object.keys(parentSchema?.properties ?? {});
      const hint = suggest(String(p.additionalProperty), known);
      // 不像字段名的键（被当作词典的任意文件的一整行，如 /etc/shadow）不回显：位置已足够定位
      const key = String(p.additionalProperty);
      const shown = /^[A-Za-z_$][\w$-]{0,39}$/.test(key) ? `“${key}”` : '（不像字段名，内容不显示）';
      return `未知字段${shown}${hint ? `，是否想写“${hint}”？` : `（可用字段：${known.join('、')}）`}`;
    }
    case 'enum':
      return `字段“${field}”的取值无效，应为：${(p.allowedValues as unknown[]).join('、')}`;
    case 'type':
      return `字段“${field}”的类型应为 ${p.type === 'string' ? '字符串' : p.type === 'array' ? '列表' : p.type === 'object' ? '映射（键: 值）' : String(p.type)}`;
    case 'pattern':
      if (field === 'id' || /\/(related|disable)\/\d+$/.test(e.instancePath) || e.instancePath.endsWith('/replacement/id'))
        return `id“${String(e.data)}”格式不对：应为小写拼音或英文，用连字符分隔（如 shuanggao-jihua）`;
      return `日期“${String(e.data)}”格式不对：应为 YYYY、YYYY-MM 或 YYYY-MM-DD`;
    case 'minItems':
      return `字段“${field}”至少要有 ${p.limit} 项`;
    case 'minLength':
      return `字段“${field}”不能为空`;
    case 'maxLength':
      return `字段“${field}”过长（上限 ${p.limit} 字符）`;
    case 'oneOf':
      return `例句应为字符串，或写成 {text: 例句, asOf: 日期}`;
    default:
      return `字段“${field}”不符合词典格式：${e.message ?? e.keyword}`;
  }
}
