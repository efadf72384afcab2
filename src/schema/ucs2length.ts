/**
 * Ajv's `ucs2length` (how `minLength`/`maxLength` count a string: a surrogate pair is one
 * character), sooner. Its loop reads every character of every string with a length bound, ~3,600
 * characters of a 17 KiB passport, ~4 µs a validation. Only a high surrogate followed by a low one
 * counts as less than its two code units, so a string without a high surrogate is as long as its
 * `length`; the regular expression answers that natively (a one-byte string cannot hold one, and
 * V8 knows so without reading it). Any other string is counted by Ajv's own function.
 * test/schema/ucs2length.test.ts holds the two to the same counts.
 */
const HIGH_SURROGATE = /[\uD800-\uDBFF]/

/** Ajv's `ucs2length` with the shortcut in front of it. */
export const withSurrogateFreeShortcut =
  (full: (value: string) => number) =>
  (value: string): number =>
    HIGH_SURROGATE.test(value) ? full(value) : value.length
