// 来自文档与文件名的文字在写到终端之前去掉控制字符：ESC 序列能改标题、清屏、伪造输出，
// 双向控制符能让显示顺序与实际不同。换成可见的 \xNN / \uNNNN，字符数变了也不影响定位（位置另算）。
const UNSAFE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function forTerminal(s: string): string {
  return s.replace(UNSAFE, (ch) => {
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
