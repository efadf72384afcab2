/**
 * The one default document loader: the strict offline loader with nothing added, created on first
 * use and shared by issuing and verifying, so both fill the same per-loader context caches.
 */
import { createDocumentLoader, type DocumentLoader } from './loader.js'

let shared: DocumentLoader | undefined

/** The strict offline loader of `createDocumentLoader()`, created once. */
export function defaultDocumentLoader(): DocumentLoader {
  shared ??= createDocumentLoader()
  return shared
}
