// 词典 JSON Schema 的编译版（schema 文件在 dictionaries/schema.json，由构建时内联进来）。
import Ajv, { type ValidateFunction } from 'ajv';
import schema from '../../../../dictionaries/schema.json';

let validator: ValidateFunction | undefined;

export function dictionaryValidator(): ValidateFunction {
  if (!validator) {
    const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
    validator = ajv.compile(schema);
  }
  return validator;
}

export const ENTRY_FIELDS: readonly string[] = Object.keys(
  (schema as { definitions: { entry: { properties: Record<string, unknown> } } }).definitions.entry.properties,
);
