import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { contributedSettingKeys, documentSelectorFor, expandVariables, serverSettingKeys, toServerSettings } from '../src/settings';
import { normalizeSettings } from '../../server/src/settings';

const folder = path.resolve('/ws/school');
const home = path.resolve('/home/teacher');

describe('toServerSettings', () => {
  // 与 VS Code 的 workspace.getConfiguration('tifa') 一样：嵌套的 trace.server 也在里面。
  const raw = {
    enable: true,
    dictionaries: ['${workspaceFolder}/词典/本校.yaml', 'dicts/extra.yaml', '${userHome}/tifa/my.yaml', '~/x.yaml'],
    asOf: '',
    rules: { misquote: 'warning' },
    terms: {},
    languages: ['markdown', 'plaintext'],
    allowListFile: '${workspaceFolder}/.tifa/allow.txt',
    debounceMs: 150,
    trace: { server: 'verbose' },
  };

  it('drops the client-only trace setting and expands ${workspaceFolder} / ${userHome}', () => {
    const mapped = toServerSettings(raw, { folder, home }) as Record<string, unknown>;
    expect(mapped).not.toHaveProperty('trace');
    expect(mapped.dictionaries).toEqual([`${folder}/词典/本校.yaml`, 'dicts/extra.yaml', `${home}/tifa/my.yaml`, '~/x.yaml']);
    expect(mapped.allowListFile).toBe(`${folder}/.tifa/allow.txt`);
    expect(mapped.rules).toEqual({ misquote: 'warning' });
    expect(raw).toHaveProperty('trace'); // 不改原对象
  });

  it('produces settings the real server accepts without complaints', () => {
    const { problems: rawProblems } = normalizeSettings(raw);
    expect(rawProblems.join('\n')).toContain('tifa.trace'); // 不经映射，服务器会抱怨客户端专用项
    const { settings, problems } = normalizeSettings(toServerSettings(raw, { folder, home }));
    expect(problems).toEqual([]);
    expect(settings.rules).toEqual({ misquote: 'warning' });
    expect(settings.dictionaries[0]).toBe(`${folder}/词典/本校.yaml`);
  });

  it('leaves ${workspaceFolder} alone when there is no folder, and non-objects untouched', () => {
    expect(expandVariables('${workspaceFolder}/a.yaml', { home })).toBe('${workspaceFolder}/a.yaml');
    expect(expandVariables('${env:HOME}/a.yaml', { folder, home })).toBe('${env:HOME}/a.yaml');
    expect(toServerSettings(null, { folder, home })).toBeNull();
  });
});

describe('documentSelectorFor', () => {
  it('syncs files and untitled documents of each configured language', () => {
    expect(documentSelectorFor(['markdown', 'latex', 'markdown'])).toEqual([
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
      { scheme: 'file', language: 'latex' },
      { scheme: 'untitled', language: 'latex' },
    ]);
  });

  it('falls back to Markdown and plain text for empty or invalid settings', () => {
    const fallback = documentSelectorFor(['markdown', 'plaintext']);
    expect(documentSelectorFor([])).toEqual(fallback);
    expect(documentSelectorFor('markdown')).toEqual(fallback);
    expect(documentSelectorFor([1, ' '])).toEqual(fallback);
  });
});

describe('setting keys from a manifest', () => {
  const manifest = {
    contributes: {
      configuration: [
        { properties: { 'tifa.enable': {}, 'tifa.trace.server': {} } },
        { properties: { 'tifa.rules': {}, 'other.thing': {} } },
      ],
    },
  };

  it('reads every block and keeps only tifa.* keys; the server gets all but trace.server', () => {
    expect(contributedSettingKeys(manifest)).toEqual(['tifa.enable', 'tifa.trace.server', 'tifa.rules']);
    expect(serverSettingKeys(manifest)).toEqual(['tifa.enable', 'tifa.rules']);
    expect(serverSettingKeys({})).toEqual([]);
  });
});
