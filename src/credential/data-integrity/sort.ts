/**
 * Sorting the short lists the JSON-LD walks and RDFC-1.0 sort by the thousand per document (a
 * node's keys, a blank node's N-Quads lines): `Array#sort` costs a generic comparison per step,
 * which dominates on a handful of strings; an insertion sort with `>` costs a few. Both order
 * strings by UTF-16 code units and both are stable, so the result is the same list. Past
 * SHORT_LIST items (or on a hostile document's long lists) `Array#sort` runs, so the quadratic
 * worst case of the insertion sort stays bounded.
 */

/** The longest list sorted by insertion (measured: it wins up to about 16 random strings). */
export const SHORT_LIST = 16

/** Sorts strings in place by UTF-16 code units, as `list.sort()` does; returns the list. */
export function sortStrings(list: string[]): string[] {
  const n = list.length
  if (n > SHORT_LIST) return list.sort()
  for (let i = 1; i < n; i++) {
    const item = list[i] as string
    let j = i - 1
    while (j >= 0 && (list[j] as string) > item) {
      list[j + 1] = list[j] as string
      j--
    }
    list[j + 1] = item
  }
  return list
}

/**
 * Sorts in place by a string key, stably (items with equal keys keep their order), as
 * `list.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0))` does; returns the list.
 */
export function sortByKey<T>(list: T[], key: (item: T) => string): T[] {
  const n = list.length
  if (n > SHORT_LIST) {
    return list.sort((a, b) => {
      const x = key(a)
      const y = key(b)
      return x < y ? -1 : x > y ? 1 : 0
    })
  }
  for (let i = 1; i < n; i++) {
    const item = list[i] as T
    const k = key(item)
    let j = i - 1
    while (j >= 0 && key(list[j] as T) > k) {
      list[j + 1] = list[j] as T
      j--
    }
    list[j + 1] = item
  }
  return list
}
