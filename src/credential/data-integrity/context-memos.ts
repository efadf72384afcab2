/**
 * The processed-context memo of each document loader, for walks that must read a document with the
 * very terms canonicalization uses (the compact-form check). With the fast paths enabled it is the
 * plug-in's memo (sharing its context cache with canonicalization); otherwise one memo per loader
 * with jsonld.js's context processing and nothing else.
 */
import type { DocumentLoader } from '../../context/loader.js'
import { loadFastPaths } from './fast-paths.js'
import { loadJsonldInternals } from './jsonld-internals.js'
import { ContextMemo } from './jsonld-terms.js'

const stockMemos = new WeakMap<DocumentLoader, ContextMemo>()

/**
 * The loader's memo. Rejects with JsonldInternalsUnavailable when the installed jsonld.js lacks the
 * context processing it needs (callers fail closed).
 */
export async function contextMemoFor(documentLoader: DocumentLoader): Promise<ContextMemo> {
  const fastPaths = await loadFastPaths()
  if (fastPaths) return fastPaths.contextMemoFor(documentLoader)
  const jsonld = await loadJsonldInternals()
  let memo = stockMemos.get(documentLoader)
  if (!memo) {
    memo = new ContextMemo(jsonld, documentLoader, new Map())
    stockMemos.set(documentLoader, memo)
  }
  return memo
}

/**
 * A memo of its own, with a context cache of its own, for one document with inline contexts: what
 * it processes is dropped with it, so untrusted contexts never fill a cache shared across
 * documents. Rejects like contextMemoFor.
 */
export async function freshContextMemo(documentLoader: DocumentLoader): Promise<ContextMemo> {
  return new ContextMemo(await loadJsonldInternals(), documentLoader, new Map())
}
