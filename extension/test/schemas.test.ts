// 扩展为配置文件与用户词典登记 JSON Schema：指向打包进 dist/ 的文件，源文件存在且是合法的 JSON Schema。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './helpers/l10n';

const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'package.json'), 'utf8')) as {
  contributes: { jsonValidation: { fileMatch: string[]; url: string }[]; yamlValidation: { fileMatch: string[]; url: string }[] };
};
const ignore = fs.readFileSync(path.join(EXTENSION_DIR, '.vscodeignore'), 'utf8');

describe('schema contributions', () => {
  it('validates tifa.config.json and .tifarc.json with the published config schema', () => {
    const entry = manifest.contributes.jsonValidation.find((j) => j.url.endsWith('tifa.config.schema.json'));
    expect(entry?.fileMatch).toEqual(expect.arrayContaining(['tifa.config.json', '.tifarc.json']));
    expect(entry?.url).toBe('./dist/schemas/tifa.config.schema.json');
    expect(ignore).toMatch(/^!dist\/schemas\/\*\*$/m);
    const source = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, '../packages/core/tifa.config.schema.json'), 'utf8'));
    expect(source.$schema).toMatch(/json-schema\.org/);
    // 构建后就在 url 指的位置
    const built = path.join(EXTENSION_DIR, entry!.url);
    if (fs.existsSync(path.join(EXTENSION_DIR, 'dist/server.js'))) expect(JSON.parse(fs.readFileSync(built, 'utf8'))).toEqual(source);
  });

  it('validates dictionary YAML files with dictionaries/schema.json (YAML extension)', () => {
    const entry = manifest.contributes.yamlValidation.find((y) => y.url === './dist/dictionaries/schema.json');
    expect(entry?.fileMatch).toEqual(expect.arrayContaining(['**/.tifa/*.yaml']));
  });
});
