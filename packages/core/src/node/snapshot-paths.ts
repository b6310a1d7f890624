// 快照里的文件路径相对词表目录存：随包的预编译快照在构建机上生成，装到别的目录、别的机器后，
// “定义于”、悬停里的词典位置要指向这台机器上的文件，而不是构建机上的路径。
import path from 'node:path';

interface HasFile {
  file?: string;
}

/** 词表目录下的绝对路径 → 以 / 分隔的相对路径；目录外的（不应出现）照旧。 */
export function toSnapshotPath(dir: string): <T extends HasFile>(item: T) => T {
  const root = path.resolve(dir) + path.sep;
  return (item) => (item.file?.startsWith(root) ? { ...item, file: item.file.slice(root.length).split(path.sep).join('/') } : item);
}

/** 快照里的相对路径按实际的词表目录还原（就地改，读出的对象只此一份）。 */
export function fromSnapshotPath(dir: string): <T extends HasFile>(item: T) => T {
  return (item) => {
    if (item.file && !path.isAbsolute(item.file)) item.file = path.join(dir, ...item.file.split('/'));
    return item;
  };
}
