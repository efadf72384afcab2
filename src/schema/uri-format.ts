/**
 * The `uri` format: ajv-formats' own verdicts, sooner. Its RFC 3986 regular expression is ~2 KB;
 * V8 compiles it on first use, then again to machine code, a few milliseconds of every process's
 * first validation (start-up, issue 13). Most IRIs of a passport are plain ones, `https://host/path`,
 * `did:web:host`, `urn:uuid:…`, which the short expression below recognises; every string it
 * matches the full one matches too (each part is a subset of that part of the full expression:
 * scheme, `//` and a registered name, path segments of unreserved characters, `:` and `@`), so
 * only the others (a query, a fragment, a port, %-escapes, an IP literal, …) reach it.
 * test/schema/uri-format.test.ts holds the two to the same verdicts.
 */
const PLAIN_URI =
  /^[a-z][a-z0-9+\-.]*:(?:\/\/[a-z0-9\-._~]*(?:\/[a-z0-9\-._~:@]*)*|[a-z0-9\-._~:@]+(?:\/[a-z0-9\-._~:@]*)*)$/i

/** Whether a string is a plain URI (a valid one, whose full check can be skipped). */
export const isPlainUri = (value: string): boolean => PLAIN_URI.test(value)

/** ajv-formats' `uri` format with the shortcut in front of it. */
export const withPlainUriShortcut =
  (full: (value: string) => boolean) =>
  (value: string): boolean =>
    isPlainUri(value) || full(value)
