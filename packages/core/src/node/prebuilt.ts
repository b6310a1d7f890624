// 随包的预编译产物（默认词表目录下的 .compiled/）：构建时（scripts/build.mjs）编译好的词表快照与分词字典树。
// 每用户缓存里还没有时（装好后第一次运行、CI 的新机器、扩展更新后）先看这里：内容对得上就拷进缓存，
// 省去一秒多的 YAML 解析、核对、自动机编译与建字典树。
// 键按内容而不按修改时间（解包、拷贝都会改修改时间）：构建号（同一次构建的程序才读得懂这些字节）、生成规则，
// 与各输入文件的相对路径和字节。算键要读全部输入，所以只在缓存未命中、且预编译文件在场时才算。
import fs from 'node:fs';
import path from 'node:path';
import type { Glossary } from '../glossary/glossary';
import { sha256OfParts } from './digest';

declare const __TIFA_BUILD_ID__: string | undefined;

/** 预编译产物所在的子目录（在默认词表目录里，随词表一起分发）。 */
export const PREBUILT_DIR = '.compiled';

const MAGIC = 'tifa-prebuilt:';

/** 构建号：scripts/build.mjs 由核心源码与依赖锁文件算出，打包时写进 bundle；直接跑源码（测试）时没有，也就不用预编译产物。 */
export function buildId(): string | undefined {
  return typeof __TIFA_BUILD_ID__ === 'string' ? __TIFA_BUILD_ID__ : undefined;
}

/** 生成规则加上各输入文件（相对 base 的路径与字节）的内容键；没有构建号或读不了某个文件时为 undefined。 */
export function contentKey(recipe: readonly string[], base: string, files: readonly string[]): string | undefined {
  const id = buildId();
  if (!id) return undefined;
  function* parts(): Generator<Buffer | string> {
    yield id!;
    yield* recipe;
    for (const file of files) {
      yield path.relative(base, file).split(path.sep).join('/');
      yield fs.readFileSync(file);
    }
  }
  try {
    return sha256OfParts(parts());
  } catch {
    return undefined;
  }
}

/** 读一份预编译产物的正文：文件不在或键不符（key() 只在文件在场时才算）时为 undefined。 */
export function readPrebuilt(dir: string, name: string, key: () => string | undefined): Buffer | undefined {
  let data: Buffer;
  try {
    data = fs.readFileSync(path.join(dir, PREBUILT_DIR, name));
  } catch {
    return undefined;
  }
  const nl = data.indexOf(0x0a);
  if (nl < 0) return undefined;
  const expected = key();
  return expected !== undefined && data.subarray(0, nl).toString('latin1') === MAGIC + expected ? data.subarray(nl + 1) : undefined;
}

/** 写一份预编译产物（构建时用）。 */
export function writePrebuilt(dir: string, name: string, key: string, body: Buffer): void {
  const file = path.join(dir, PREBUILT_DIR, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.concat([Buffer.from(`${MAGIC}${key}\n`, 'latin1'), body]));
}

const builtinDirs = new WeakMap<Glossary, string>();

/** 记下只由默认词表构成的词表来自哪个目录：分词器据此找随包的字典树（segmenter.ts）。 */
export function rememberBuiltinDir(glossary: Glossary, dir: string): void {
  builtinDirs.set(glossary, dir);
}

export function builtinDirOf(glossary: Glossary | undefined): string | undefined {
  return glossary ? builtinDirs.get(glossary) : undefined;
}
