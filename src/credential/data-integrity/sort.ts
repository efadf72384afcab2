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

/**
 * Sorts numbers (quad indices) in place by a strict order `greater(a, b)` (a after b): an insertion
 * sort up to SHORT_LIST items, `Array#sort` past them. Items neither greater than the other must be
 * interchangeable (RDFC-1.0's quads whose lines are the same string), so stability does not matter.
 */
export function sortNumbers(list: number[], greater: (a: number, b: number) => boolean): void {
  const n = list.length
  if (n > SHORT_LIST) {
    list.sort((a, b) => (greater(a, b) ? 1 : greater(b, a) ? -1 : 0))
    return
  }
  for (let i = 1; i < n; i++) {
    const item = list[i] as number
    let j = i - 1
    while (j >= 0 && greater(list[j] as number, item)) {
      list[j + 1] = list[j] as number
      j--
    }
    list[j + 1] = item
  }
}

/**
 * 0 … count − 1 in the order of their decimal strings (`'0' < '1' < '10' < '100' < '11' < … < '2'`),
 * without a comparison: a pre-order walk of the decimal digit tree. RDFC-1.0's canonical labels
 * are `c14n0` … `c14n<count − 1>`, so this is their sorted order.
 */
export function decimalStringOrder(count: number): number[] {
  const order: number[] = []
  if (count <= 0) return order
  order.push(0)
  // 1 … count − 1: descend to cur·10 while it is in range, else step to the next sibling
  // (climbing past 9s and past the end).
  let cur = 1
  for (let i = 1; i < count; i++) {
    order.push(cur)
    if (cur * 10 < count) cur *= 10
    else {
      while (cur % 10 === 9 || cur + 1 >= count) cur = Math.floor(cur / 10)
      cur++
    }
  }
  return order
}
