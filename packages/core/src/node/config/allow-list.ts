// 工作区白名单 .tifa/allow.txt（编辑器“在此工作区忽略”写入的文件）：每行一个写法或词条 id，# 之后是注释。
import { decodeBuffer, isBinary } from '../encoding';
import { readSmallFile } from './read-small-file';

export const ALLOW_LIST_FILE = '.tifa/allow.txt';

export function parseAllowList(text: string): string[] {
  const items: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const hash = line.indexOf('#');
    const item = (hash >= 0 ? line.slice(0, hash) : line).trim();
    if (item !== '' && !items.includes(item)) items.push(item);
  }
  return items;
}

/** 读白名单文件（识别 UTF-8/UTF-16/GB18030）；不存在或读不了时为 undefined。 */
export function readAllowList(file: string): string[] | undefined {
  const read = readSmallFile(file);
  if (!read.ok || isBinary(read.bytes)) return undefined;
  return parseAllowList(decodeBuffer(read.bytes).text);
}
