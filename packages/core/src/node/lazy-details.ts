// 编译快照（compiled-glossary.ts）里按需解析的部分：词条详情字段的原型 getter，与第一次用到才建的 Map。
import type { Entry } from '../glossary/entry';

/**
 * 词条的原型：详情字段的 getter 从详情段里取值；赋值时变成词条自己的数据属性。
 * toJSON 按原来的字段顺序交出完整的词条（JSON.stringify 只看自有属性，否则会漏掉详情）。
 */
export function detailPrototype<F extends string>(fields: readonly F[], read: (entry: Entry, field: F) => unknown, keyOrderOf: (entry: Entry) => readonly string[]): object {
  const proto: Record<string, unknown> = {};
  for (const field of fields) {
    Object.defineProperty(proto, field, {
      get(this: Entry) {
        return read(this, field);
      },
      set(this: Entry, value: unknown) {
        Object.defineProperty(this, field, { value, writable: true, enumerable: true, configurable: true });
      },
      enumerable: false,
      configurable: true,
    });
  }
  Object.defineProperty(proto, 'toJSON', {
    value(this: Entry) {
      const out: Record<string, unknown> = {};
      const self = this as unknown as Record<string, unknown>;
      for (const key of keyOrderOf(this)) {
        const value = self[key];
        if (value !== undefined) out[key] = value;
      }
      for (const key of Object.keys(self)) if (!(key in out)) out[key] = self[key];
      return out;
    },
    enumerable: false,
  });
  return proto;
}

/** 第一次用到时才建的只读 Map。 */
export class LazyMap<K, V> implements ReadonlyMap<K, V> {
  private map: Map<K, V> | undefined;
  constructor(private readonly make: () => Map<K, V>) {}
  private get m(): Map<K, V> {
    return (this.map ??= this.make());
  }
  get size(): number {
    return this.m.size;
  }
  get(key: K): V | undefined {
    return this.m.get(key);
  }
  has(key: K): boolean {
    return this.m.has(key);
  }
  forEach(fn: (value: V, key: K, map: ReadonlyMap<K, V>) => void, thisArg?: unknown): void {
    this.m.forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[K, V]> {
    return this.m.entries();
  }
  keys(): MapIterator<K> {
    return this.m.keys();
  }
  values(): MapIterator<V> {
    return this.m.values();
  }
  [Symbol.iterator](): MapIterator<[K, V]> {
    return this.m[Symbol.iterator]();
  }
}
