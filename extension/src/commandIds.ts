// 扩展自己注册、并在 package.json contributes.commands 里声明的命令。
// 注册处用 Record<CommandId, …>，漏写一个处理函数会是编译错误；清单测试再核对 package.json。
export const COMMAND_IDS = [
  'tifa.lintWorkspace',
  'tifa.browseGlossary',
  'tifa.fixAll',
  'tifa.explainAtCursor',
  'tifa.restartServer',
  'tifa.showLog',
] as const;

export type CommandId = (typeof COMMAND_IDS)[number];
