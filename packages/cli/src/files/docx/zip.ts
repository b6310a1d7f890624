// 解压 .docx（fflate）并限制解压后的大小：按中央目录声明的大小分配输出，声明过大的直接拒绝，
// 谎报大小的条目按声明截断（fflate 往固定大小的缓冲区里解压），内存因此有上界。
import type { Unzipped } from 'fflate';
import { fflate } from './fflate';

/** 单个 XML 部件与全部要读的条目的上限。 */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
export const MAX_TOTAL_BYTES = 256 * 1024 * 1024;

export class DocxError extends Error {}

export function isZip(buf: Uint8Array): boolean {
  return buf.length >= 4 && buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
}

/** 解压名字满足 wanted 的条目（wanted 缺省为全部）。 */
export function unzipDocx(buf: Uint8Array, wanted: (name: string) => boolean = () => true): Unzipped {
  try {
    // 第一遍只看中央目录里声明的大小（不解压），超限就拒绝；第二遍才解压
    let total = 0;
    fflate().unzipSync(buf, {
      filter: (f) => {
        if (!wanted(f.name)) return false;
        const limit = /\.(xml|rels)$/.test(f.name) ? MAX_PART_BYTES : MAX_TOTAL_BYTES;
        total += f.originalSize;
        if (f.originalSize > limit || total > MAX_TOTAL_BYTES) {
          const which = f.originalSize > limit ? `单个部件上限 ${limit} 字节` : `合计上限 ${MAX_TOTAL_BYTES} 字节`;
          throw new DocxError(`.docx 解压后过大（${f.name} 声明 ${f.originalSize} 字节，已累计 ${total} 字节，${which}），可能是压缩炸弹，已拒绝`);
        }
        return false;
      },
    });
    return fflate().unzipSync(buf, { filter: (f) => wanted(f.name) });
  } catch (err) {
    if (err instanceof DocxError) throw err;
    throw new DocxError(`不是有效的 .docx 文件（无法解压：${(err as Error).message}）`);
  }
}
