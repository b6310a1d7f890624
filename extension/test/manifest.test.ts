// 扩展清单（package.json）与代码、服务器、本地化文件一致。
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMAND_IDS } from '../src/commandIds';
import { SERVER_COMMANDS } from '../src/serverProtocol';
import { CLIENT_ONLY_SETTINGS, serverSettingKeys } from '../src/settings';
import { SETTINGS_DEFAULTS, SETTINGS_KEYS, SETTINGS_SCHEMA } from '../../server/src/settingsSchema';
import { EXTENSION_DIR } from './helpers/l10n';

interface Manifest {
  main: string;
  l10n: string;
  engines: { vscode: string };
  activationEvents: string[];
  devDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    menus: Record<string, { command: string }[]>;
    configuration: { properties: Record<string, { type: string; default?: unknown }> };
  };
}

const read = (file: string) => fs.readFileSync(path.join(EXTENSION_DIR, file), 'utf8');
const readJson = <T>(file: string) => JSON.parse(read(file)) as T;
const manifestText = read('package.json');
const manifest = JSON.parse(manifestText) as Manifest;

function sourceFiles(dir = path.join(EXTENSION_DIR, 'src')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(file) : entry.name.endsWith('.ts') ? [file] : [];
  });
}
const sources = sourceFiles().map((file) => ({ file: path.relative(EXTENSION_DIR, file), text: fs.readFileSync(file, 'utf8') }));

function version(spec: string): [number, number, number] {
  const match = /(\d+)\.(\d+)\.(\d+)/.exec(spec);
  if (!match) throw new Error(`不是版本号：${spec}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}
const compare = (a: number[], b: number[]) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

describe('activation', () => {
  it('activates on Markdown, plain text and every contributed command', () => {
    expect(manifest.activationEvents).toEqual(
      expect.arrayContaining(['onLanguage:markdown', 'onLanguage:plaintext', ...COMMAND_IDS.map((id) => `onCommand:${id}`)]),
    );
    expect(manifest.activationEvents).not.toContain('*');
    expect(manifest.main).toBe('./dist/extension.js');
  });
});

describe('commands', () => {
  it('contributes exactly the commands the code registers, each with a title and the tifa category', () => {
    expect(manifest.contributes.commands.map((c) => c.command).sort()).toEqual([...COMMAND_IDS].sort());
    for (const command of manifest.contributes.commands) {
      expect(command.title).toMatch(/^%tifa\.command\.[A-Za-z]+%$/);
      expect(command.category).toBe('tifa');
    }
  });

  it('registers commands only through the COMMAND_IDS table', () => {
    const registering = sources.filter((s) => /registerCommand\(/.test(s.text));
    expect(registering.map((s) => s.file)).toEqual([path.join('src', 'commands', 'registerCommands.ts')]);
    expect(registering[0].text).toMatch(/COMMAND_IDS\.map\(\(id\) =>\s*vscode\.commands\.registerCommand\(id,/);
  });

  it('refers only to tifa commands that exist (its own or the server’s)', () => {
    const known = new Set<string>([...COMMAND_IDS, ...Object.values(SERVER_COMMANDS)]);
    const referenced = new Set(sources.flatMap((s) => [...s.text.matchAll(/'(tifa\.[A-Za-z]+)'/g)].map((m) => m[1])));
    // tifa.languages / tifa.status 之类是设置与界面项 id，不是命令。
    const settingsOrIds = new Set(['tifa.status', ...Object.keys(manifest.contributes.configuration.properties)]);
    for (const id of referenced) if (!settingsOrIds.has(id)) expect(known, id).toContain(id);
    for (const [menu, items] of Object.entries(manifest.contributes.menus)) {
      for (const item of items) expect(COMMAND_IDS as readonly string[], `${menu}: ${item.command}`).toContain(item.command);
    }
  });
});

describe('settings', () => {
  const properties = manifest.contributes.configuration.properties;

  it('contributes the server’s settings plus the client-only trace setting', () => {
    expect(serverSettingKeys(manifest).sort()).toEqual(SETTINGS_KEYS.map((key) => `tifa.${key}`).sort());
    for (const key of CLIENT_ONLY_SETTINGS) expect(properties).toHaveProperty([`tifa.${key}`]);
    expect(properties['tifa.trace.server']).toMatchObject({ enum: ['off', 'messages', 'verbose'], default: 'off' });
  });

  it('uses the server’s defaults and JSON types', () => {
    for (const key of SETTINGS_KEYS) {
      const property = properties[`tifa.${key}`];
      expect(property.default, key).toEqual(SETTINGS_DEFAULTS[key]);
      expect(property.type, key).toBe(SETTINGS_SCHEMA[key].type);
    }
  });

  it('describes every setting through an nls key', () => {
    for (const [key, property] of Object.entries(properties) as [string, Record<string, unknown>][]) {
      const text = property.markdownDescription ?? property.description;
      expect(text, key).toMatch(/^%tifa\.config\.[\w.-]+%$/);
    }
  });
});

describe('localization', () => {
  const english = readJson<Record<string, string>>('package.nls.json');
  const chinese = readJson<Record<string, string>>('package.nls.zh-cn.json');
  const bundle = readJson<Record<string, string>>('l10n/bundle.l10n.zh-cn.json');
  const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();
  const han = /[\u4e00-\u9fff]/;

  it('has every %key% of the manifest in both nls files, and no stale keys', () => {
    const used = [...new Set([...manifestText.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]))].sort();
    expect(Object.keys(english).sort()).toEqual(used);
    expect(Object.keys(chinese).sort()).toEqual(used);
    for (const key of used) {
      expect(chinese[key], key).toMatch(han);
      expect(english[key], key).not.toMatch(han);
    }
  });

  it('translates every runtime string passed to t() / vscode.l10n.t(), and nothing else', () => {
    const messages = new Set<string>();
    for (const { text } of sources) {
      for (const match of text.matchAll(/\bt\(\s*'((?:[^'\\]|\\.)*)'/g)) messages.add(match[1]);
    }
    expect(messages.size).toBeGreaterThan(10);
    expect(Object.keys(bundle).sort()).toEqual([...messages].sort());
    for (const [message, translation] of Object.entries(bundle)) {
      expect(placeholders(translation), message).toEqual(placeholders(message));
      expect(translation, message).not.toBe(message); // 真译了（至少换成全角标点）
    }
  });

  it('points the manifest at the l10n folder', () => {
    expect(manifest.l10n).toBe('./l10n');
    expect(fs.existsSync(path.join(EXTENSION_DIR, manifest.l10n, 'bundle.l10n.zh-cn.json'))).toBe(true);
  });
});

describe('versions', () => {
  const installed = (name: string) => JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string; engines?: { vscode?: string } };

  it('engines.vscode accepts 1.100 and matches @types/vscode (which must not be newer than the engine)', () => {
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
    const engine = version(manifest.engines.vscode);
    expect(compare(engine, [1, 100, 0])).toBeLessThanOrEqual(0);
    const types = version(installed('@types/vscode').version);
    expect(types.slice(0, 2)).toEqual(engine.slice(0, 2));
    expect(version(manifest.devDependencies['@types/vscode']).slice(0, 2)).toEqual(engine.slice(0, 2));
  });

  it('vscode-languageclient supports that engine', () => {
    const client = installed('vscode-languageclient');
    expect(version(client.version)[0]).toBe(9);
    expect(compare(version(client.engines?.vscode ?? '0.0.0'), version(manifest.engines.vscode))).toBeLessThanOrEqual(0);
  });
});
