/** Small helpers over Map and WeakMap. */

/** What `getOrInsert` needs of a Map or WeakMap. */
interface Keyed<K, V> {
  get(key: K): V | undefined
  set(key: K, value: V): unknown
}

/** The value of `key`, first set to `make()` when absent (Map#getOrInsertComputed, not in Node 20). */
export function getOrInsert<K, V>(map: Keyed<K, V>, key: K, make: () => V): V {
  let value = map.get(key)
  if (value === undefined) {
    value = make()
    map.set(key, value)
  }
  return value
}
