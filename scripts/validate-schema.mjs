// 只做 JSON Schema 校验的快速检查（完整检查用 `tifa dict check`）。用法：node scripts/validate-schema.mjs 文件…
import fs from 'node:fs';
import Ajv from 'ajv';
import YAML from 'yaml';
const ajv = new Ajv({ allErrors: true });
const validate = ajv.compile(JSON.parse(fs.readFileSync(new URL('../dictionaries/schema.json', import.meta.url), 'utf8')));
let bad = 0;
for (const f of process.argv.slice(2)) {
  const doc = YAML.parse(fs.readFileSync(f, 'utf8'));
  if (!validate(doc)) { bad++; for (const e of validate.errors) console.log(`${f}: ${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`); }
}
console.log(bad ? `${bad} file(s) invalid` : 'schema ok');
process.exit(bad ? 1 : 0);
