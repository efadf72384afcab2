/** JSON Pointers (RFC 6901), the `path` of every finding. */
import { isObject } from '../json.js'

/** RFC 6901 escaping of one reference token: `~` as `~0`, `/` as `~1`. */
export function escapePointer(segment: string): string {
  return segment.includes('~') || segment.includes('/')
    ? segment.replaceAll('~', '~0').replaceAll('/', '~1')
    : segment
}

/** The reference token an escaped segment stands for (the inverse of `escapePointer`). */
export function unescapePointer(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~')
}

/** The JSON Pointer of a path given as segments (`pointer('a', 0)` is `/a/0`). */
export function pointer(...segments: (string | number)[]): string {
  let out = ''
  for (const s of segments) out += `/${escapePointer(String(s))}`
  return out
}

/** The value a JSON Pointer designates in `doc`, or undefined when there is none. */
export function getPointer(doc: unknown, path: string): unknown {
  if (path === '') return doc
  let value = doc
  for (const raw of path.slice(1).split('/')) {
    const key = unescapePointer(raw)
    if (Array.isArray(value)) value = value[Number(key)]
    else if (isObject(value)) value = value[key]
    else return undefined
  }
  return value
}
