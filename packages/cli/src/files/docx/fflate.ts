// fflate 用到 .docx 时才载入：它在模块顶层载入 worker_threads、建解压用的表，检查纯文本时白花 5 ms 以上。
import type * as Fflate from 'fflate';

let lib: typeof Fflate | undefined;

export function fflate(): typeof Fflate {
  return (lib ??= require('fflate') as typeof Fflate);
}
