// 运行时文案的翻译函数签名（与 vscode.l10n.t 的 {0} 占位写法相同）。
// 不依赖 'vscode' 的模块通过参数拿到它，这样可以在 VS Code 之外做单元测试。
export type Translate = (message: string, ...args: Array<string | number | boolean>) => string;
