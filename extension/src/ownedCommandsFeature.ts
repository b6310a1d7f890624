// vscode-languageclient 会把服务器 executeCommandProvider 里的每个命令注册成 VS Code 命令；
// tifa.lintWorkspace 既是服务器命令又是扩展自己注册的命令（要显示进度、打开“问题”面板），重名注册会让客户端启动失败。
// 这个特性在其他特性初始化之前把扩展自己负责的命令从服务器能力里拿掉；其余服务器命令（如代码操作用的 tifa.ignoreTerm）照常注册。
import type { FeatureState, ServerCapabilities, StaticFeature } from 'vscode-languageclient/node';

export class ClientOwnedCommandsFeature implements StaticFeature {
  constructor(private readonly owned: readonly string[]) {}

  fillClientCapabilities(): void {}

  preInitialize(capabilities: ServerCapabilities): void {
    const provider = capabilities.executeCommandProvider;
    if (!provider?.commands) return;
    // capabilities 是客户端的浅拷贝：换成新对象，不改服务器原始的 initializeResult。
    capabilities.executeCommandProvider = { ...provider, commands: provider.commands.filter((command) => !this.owned.includes(command)) };
  }

  initialize(): void {}

  getState(): FeatureState {
    return { kind: 'static' };
  }

  clear(): void {}
}
