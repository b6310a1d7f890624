// vscode-languageclient 9 的 LanguageClient，补上服务器在初始化期间退出时的两处未处理 Promise 拒绝：
// 1. 初始化失败后库里 `void this.stop()`：客户端并未运行，stop() 抛“Client is not running”。
//    停止一个没在运行的客户端本该什么也不做：只吞掉这种情况，运行中停止失败照常抛出。
// 2. 崩溃后的自动重启把 _onStart 换成了新的启动，旧的启动 Promise 随后被拒绝时已没人等它。
//    给每个启动 Promise 先挂一个空的 catch（标记为已处理）；等它的调用方仍然拿到拒绝。
import { LanguageClient, State } from 'vscode-languageclient/node';

type StartPromise = [Promise<void>, (value?: void) => void, (error: unknown) => void];

export class TifaLanguageClient extends LanguageClient {
  override async stop(timeout?: number): Promise<void> {
    try {
      await super.stop(timeout);
    } catch (error) {
      if (this.state === State.Running) throw error;
    }
  }
}

// createOnStartPromise 是库的私有方法（9.0.x 中存在）；不存在时什么也不改。
const prototype = LanguageClient.prototype as unknown as { createOnStartPromise?: () => StartPromise };
const createOnStartPromise = prototype.createOnStartPromise;
if (typeof createOnStartPromise === 'function') {
  (TifaLanguageClient.prototype as unknown as { createOnStartPromise: () => StartPromise }).createOnStartPromise = function (this: LanguageClient) {
    const result = createOnStartPromise.call(this);
    result[0].catch(() => undefined);
    return result;
  };
}
