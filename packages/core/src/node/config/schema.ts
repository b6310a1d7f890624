// 发布的 tifa.config.schema.json 的编译版（构建时内联）：手写校验给出带建议的中文错误，
// 通过之后再按 schema 校验一遍，两者不一致时也不会放过不合 schema 的配置。
import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../../tifa.config.schema.json';
import type { JsonPath } from './jsonc';

let validator: ValidateFunction | undefined;

export const CONFIG_SCHEMA = schema;

/** 不合 schema 时返回第一个问题（JSON 路径 + 说明）。 */
export function schemaIssue(value: unknown): { path: JsonPath; message: string } | undefined {
  if (!validator) validator = new Ajv({ allErrors: false, strict: false }).compile(schema);
  if (validator(value)) return undefined;
  const e = validator.errors?.[0];
  const path = (e?.instancePath ?? '').split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  return { path, message: `配置不符合 tifa.config.schema.json：${e?.instancePath || '/'} ${e?.message ?? ''}`.trim() };
}
