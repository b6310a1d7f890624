'use strict';
// 测试用的最小 VS Code 扩展宿主 API（'vscode' 模块的替身），只为在真实 VS Code 之外跑通
// “激活 → vscode-languageclient 经 IPC 启动打包的服务器 → 注册命令 → 执行服务器命令 → 重启 / 崩溃”。
// 明确实现用到的部分；其余名字返回一个什么都接受的占位对象。
// 与真实宿主一致的地方：重复注册同一命令会抛错；通知消息被记录下来供断言。

const { URL, pathToFileURL, fileURLToPath } = require('node:url');

const state = {
  commands: new Map(),
  messages: [],
  outputLines: [],
  statusItems: [],
  workspaceFolders: undefined,
  settings: {},
};

class Disposable {
  constructor(callOnDispose) {
    this._callOnDispose = callOnDispose;
  }
  static from(...items) {
    return new Disposable(() => items.forEach((item) => item && item.dispose && item.dispose()));
  }
  dispose() {
    const fn = this._callOnDispose;
    this._callOnDispose = undefined;
    if (fn) fn();
  }
}

class EventEmitter {
  constructor() {
    this._listeners = new Set();
    this.event = (listener, thisArgs, disposables) => {
      const bound = listener.bind(thisArgs);
      this._listeners.add(bound);
      const disposable = new Disposable(() => this._listeners.delete(bound));
      if (Array.isArray(disposables)) disposables.push(disposable);
      return disposable;
    };
  }
  fire(value) {
    for (const listener of [...this._listeners]) listener(value);
  }
  dispose() {
    this._listeners.clear();
  }
}

const noEvent = () => new Disposable();

class Uri {
  constructor(scheme, authority, path, query, fragment) {
    this.scheme = scheme;
    this.authority = authority || '';
    this.path = path || '';
    this.query = query || '';
    this.fragment = fragment || '';
  }
  static parse(value) {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), url.host, decodeURIComponent(url.pathname), url.search.replace(/^\?/, ''), url.hash.replace(/^#/, ''));
  }
  static file(fsPath) {
    return Uri.parse(pathToFileURL(fsPath).href);
  }
  static from(components) {
    return new Uri(components.scheme, components.authority, components.path, components.query, components.fragment);
  }
  get fsPath() {
    return this.scheme === 'file' ? fileURLToPath(this.toString()) : this.path;
  }
  with(change) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path, change.query ?? this.query, change.fragment ?? this.fragment);
  }
  toString() {
    if (this.scheme === 'file') return pathToFileURL(this.path).href;
    return `${this.scheme}:${this.authority ? `//${this.authority}` : ''}${encodeURI(this.path)}${this.query ? `?${this.query}` : ''}`;
  }
  toJSON() {
    return { scheme: this.scheme, authority: this.authority, path: this.path, query: this.query, fragment: this.fragment };
  }
}

class CancellationTokenSource {
  constructor() {
    const emitter = new EventEmitter();
    this.token = { isCancellationRequested: false, onCancellationRequested: emitter.event };
    this._emitter = emitter;
  }
  cancel() {
    this.token.isCancellationRequested = true;
    this._emitter.fire();
  }
  dispose() {}
}

class CodeActionKind {
  constructor(value) {
    this.value = value;
  }
  append(part) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other) {
    return this.value === other.value || other.value.startsWith(`${this.value}.`);
  }
  intersects(other) {
    return this.contains(other) || other.contains(this);
  }
}
CodeActionKind.Empty = new CodeActionKind('');
CodeActionKind.QuickFix = new CodeActionKind('quickfix');
CodeActionKind.Source = new CodeActionKind('source');
CodeActionKind.SourceFixAll = new CodeActionKind('source.fixAll');

function format(message, args) {
  return message.replace(/\{(\d+)\}/g, (whole, index) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

function outputChannel(name) {
  const log = (level) => (message) => state.outputLines.push(`[${level}] ${name}: ${message}`);
  return {
    name,
    logLevel: 2,
    onDidChangeLogLevel: noEvent,
    append: (text) => state.outputLines.push(text),
    appendLine: (text) => state.outputLines.push(text),
    replace() {},
    clear() {},
    show() {},
    hide() {},
    dispose() {},
    trace: log('trace'),
    debug: log('debug'),
    info: log('info'),
    warn: log('warning'),
    error: (message) => state.outputLines.push(`[error] ${name}: ${message instanceof Error ? message.message : message}`),
  };
}

function configuration(section) {
  return {
    get(key, defaultValue) {
      const full = section ? `${section}.${key}` : key;
      return full in state.settings ? state.settings[full] : defaultValue;
    },
    has(key) {
      return `${section}.${key}` in state.settings;
    },
    inspect() {
      return undefined;
    },
    update: async () => undefined,
  };
}

function message(kind) {
  return async (text, ...items) => {
    state.messages.push({ kind, text });
    return undefined;
  };
}

const base = {
  version: '1.100.0',
  Disposable,
  EventEmitter,
  Uri,
  CancellationTokenSource,
  CancellationError: class CancellationError extends Error {},
  CodeActionKind,
  ProgressLocation: { SourceControl: 1, Window: 10, Notification: 15 },
  StatusBarAlignment: { Left: 1, Right: 2 },
  ViewColumn: { Active: -1, Beside: -2, One: 1, Two: 2 },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  l10n: { t: (text, ...args) => format(text, args), bundle: undefined, uri: undefined },
  env: { language: 'en', appName: 'Visual Studio Code (stub)', machineId: 'stub', sessionId: 'stub', openExternal: async () => true, clipboard: { writeText: async () => undefined } },
  commands: {
    registerCommand(id, handler) {
      if (state.commands.has(id)) throw new Error(`command '${id}' already exists`);
      state.commands.set(id, handler);
      return new Disposable(() => state.commands.delete(id));
    },
    async executeCommand(id, ...args) {
      const handler = state.commands.get(id);
      if (!handler) return undefined; // 内置命令（打开“问题”面板等）在替身里什么也不做
      return handler(...args);
    },
    getCommands: async () => [...state.commands.keys()],
  },
  window: {
    get activeTextEditor() {
      return undefined;
    },
    visibleTextEditors: [],
    tabGroups: { all: [], onDidChangeTabs: noEvent, onDidChangeTabGroups: noEvent },
    onDidChangeActiveTextEditor: noEvent,
    onDidChangeVisibleTextEditors: noEvent,
    createOutputChannel: (name) => outputChannel(name),
    createStatusBarItem(id) {
      const item = { id, text: '', tooltip: '', command: undefined, name: '', show() {}, hide() {}, dispose() {} };
      state.statusItems.push(item);
      return item;
    },
    showErrorMessage: message('error'),
    showWarningMessage: message('warning'),
    showInformationMessage: message('info'),
    setStatusBarMessage: () => new Disposable(),
    withProgress: (options, task) => task({ report() {} }, new CancellationTokenSource().token),
    createQuickPick() {
      throw new Error('stub: no quick pick');
    },
    showTextDocument: async () => undefined,
  },
  workspace: {
    get workspaceFolders() {
      return state.workspaceFolders;
    },
    textDocuments: [],
    getConfiguration: (section) => configuration(section),
    getWorkspaceFolder(uri) {
      return (state.workspaceFolders || []).find((folder) => uri.toString().startsWith(folder.uri.toString()));
    },
    onDidChangeConfiguration: noEvent,
    onDidOpenTextDocument: noEvent,
    onDidCloseTextDocument: noEvent,
    onDidChangeTextDocument: noEvent,
    onWillSaveTextDocument: noEvent,
    onDidSaveTextDocument: noEvent,
    onDidChangeWorkspaceFolders: noEvent,
    onDidCreateFiles: noEvent,
    onDidRenameFiles: noEvent,
    onDidDeleteFiles: noEvent,
    onWillCreateFiles: noEvent,
    onWillRenameFiles: noEvent,
    onWillDeleteFiles: noEvent,
    createFileSystemWatcher: () => ({ onDidCreate: noEvent, onDidChange: noEvent, onDidDelete: noEvent, dispose() {} }),
    registerTextDocumentContentProvider: () => new Disposable(),
    applyEdit: async () => true,
    openTextDocument: async () => undefined,
  },
  languages: {
    match: () => 0,
    getDiagnostics: () => [],
    onDidChangeDiagnostics: noEvent,
    createDiagnosticCollection: (name) => {
      const entries = new Map();
      return {
        name,
        set: (uri, diagnostics) => (uri ? entries.set(String(uri), diagnostics) : undefined),
        delete: (uri) => entries.delete(String(uri)),
        clear: () => entries.clear(),
        forEach: (fn) => entries.forEach((value, key) => fn(Uri.parse(key), value)),
        get: (uri) => entries.get(String(uri)),
        has: (uri) => entries.has(String(uri)),
        dispose: () => entries.clear(),
      };
    },
  },
  __test: state,
};

// 其余 API（各种 register*Provider、类、枚举）：什么都接受、什么都返回自己的占位对象。
function anything(name) {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === 'then') return undefined; // 不是 Promise
      if (prop === Symbol.iterator) return function* () {};
      if (prop === Symbol.toPrimitive) return () => `[stub ${name}]`;
      if (prop === 'prototype') return target.prototype;
      if (prop === 'dispose') return () => undefined;
      return anything(`${name}.${String(prop)}`);
    },
    apply: () => anything(`${name}()`),
    construct: () => anything(`new ${name}`),
  });
}

function withFallback(object, name) {
  return new Proxy(object, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop === 'symbol' || prop === 'then' || prop === '__esModule') return undefined;
      if (/^(register|on)[A-Z]/.test(prop)) return () => new Disposable();
      return anything(`${name}.${prop}`);
    },
  });
}

base.window = withFallback(base.window, 'window');
base.workspace = withFallback(base.workspace, 'workspace');
base.languages = withFallback(base.languages, 'languages');
base.env = withFallback(base.env, 'env');

module.exports = withFallback(base, 'vscode');
