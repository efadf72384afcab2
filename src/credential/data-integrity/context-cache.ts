/**
 * A private jsonld.js context cache whose processed contexts clone cheaply.
 *
 * jsonld.js deep-copies the whole active context (every term definition, scoped contexts included)
 * each time it applies a type-scoped context and each time a nested node reverts one. With the VC
 * 2.0 and carbon-passport contexts that is 224 definitions per copy, dozens of times per passport.
 * Term definitions are never changed once created (jsonld.js replaces them, see
 * `createTermDefinition`), so a clone can share them: here a clone gets a copy-on-write view of its
 * parent's definitions that behaves exactly like a snapshot — the first write to either side copies
 * first, so neither ever sees the other's later changes. The cached root contexts are frozen: any
 * attempt to change one throws, so a change in jsonld.js's behaviour fails closed instead of
 * silently diverging. Only contexts processed through this cache (private to one document loader)
 * are affected; jsonld.js's own global state is untouched.
 */

type Definitions = Map<string, unknown>

/** A Map that reads through to a base until the first write on either side (snapshot semantics). */
class SnapshotMap extends Map<string, unknown> {
  #base: SnapshotMap | undefined
  #children: Set<SnapshotMap> | undefined
  #frozen = false

  /** A frozen map of the entries (a cached root context's definitions). */
  static root(entries: Definitions): SnapshotMap {
    const map = new SnapshotMap()
    for (const [k, v] of entries) map.#write(k, v)
    map.#frozen = true
    return map
  }

  /** A snapshot of `base` that copies nothing until written. */
  static of(base: Definitions): Definitions {
    if (!(base instanceof SnapshotMap)) return new Map(base)
    const child = new SnapshotMap()
    child.#base = base
    if (!base.#frozen) {
      base.#children ??= new Set()
      base.#children.add(child)
    }
    return child
  }

  #write(k: string, v: unknown): void {
    super.set(k, v)
  }

  /** Copies the base's entries into this map and detaches from it. */
  #materialize(): void {
    const base = this.#base
    if (!base) return
    this.#base = undefined
    base.#children?.delete(this)
    for (const [k, v] of base.entries()) super.set(k, v)
  }

  #beforeWrite(): void {
    if (this.#frozen) throw new TypeError('a cached JSON-LD context must not change')
    this.#materialize()
    if (this.#children) {
      for (const child of [...this.#children]) child.#materialize()
      this.#children.clear()
    }
  }

  /** The map whose own entries this one shows: the end of the chain of unwritten snapshots. */
  #view(): SnapshotMap {
    let map: SnapshotMap = this
    while (map.#base) map = map.#base
    return map
  }
  // Walks read definitions of deeply snapshotted contexts: one loop, not a call per snapshot.
  override get(k: string): unknown {
    return this.#base ? Map.prototype.get.call(this.#view(), k) : super.get(k)
  }
  override has(k: string): boolean {
    return this.#base ? Map.prototype.has.call(this.#view(), k) : super.has(k)
  }
  override get size(): number {
    return this.#base ? this.#base.size : super.size
  }
  override set(k: string, v: unknown): this {
    this.#beforeWrite()
    super.set(k, v)
    return this
  }
  override delete(k: string): boolean {
    this.#beforeWrite()
    return super.delete(k)
  }
  override clear(): void {
    this.#beforeWrite()
    super.clear()
  }
  override entries(): MapIterator<[string, unknown]> {
    return this.#base ? this.#base.entries() : super.entries()
  }
  override keys(): MapIterator<string> {
    return this.#base ? this.#base.keys() : super.keys()
  }
  override values(): MapIterator<unknown> {
    return this.#base ? this.#base.values() : super.values()
  }
  override [Symbol.iterator](): MapIterator<[string, unknown]> {
    return this.entries()
  }
  override forEach(
    fn: (value: unknown, key: string, map: Map<string, unknown>) => void,
    thisArg?: unknown,
  ): void {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this)
  }
}

function deepFreeze(value: unknown): void {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const v of Object.values(value)) deepFreeze(v)
  }
}

interface ActiveContext {
  mappings: Definitions
  protected: Record<string, unknown>
  inverse: unknown
  previousContext?: ActiveContext
  clone: (this: ActiveContext) => ActiveContext
  getInverse: unknown
  revertToPreviousContext: unknown
  [key: string]: unknown
}

/** jsonld.js's `_cloneActiveContext`, with a snapshot of the definitions instead of a deep copy. */
function cloneActiveContext(this: ActiveContext): ActiveContext {
  const child = {} as ActiveContext
  child.mappings = SnapshotMap.of(this.mappings)
  child.clone = this.clone
  child.inverse = null
  child.getInverse = this.getInverse
  child.protected = { ...this.protected }
  if (this.previousContext) child.previousContext = this.previousContext.clone()
  child.revertToPreviousContext = this.revertToPreviousContext
  if ('@base' in this) child['@base'] = this['@base']
  if ('@language' in this) child['@language'] = this['@language']
  if ('@vocab' in this) child['@vocab'] = this['@vocab']
  return child
}

interface ResolvedContext {
  setProcessed(activeCtx: unknown, processed: { context: ActiveContext; events: unknown }): void
}

const prepared = new WeakSet<object>()

/** Makes the processed contexts jsonld.js stores in a resolved context clone cheaply. */
function prepare(resolved: ResolvedContext): void {
  if (prepared.has(resolved)) return
  prepared.add(resolved)
  const setProcessed = resolved.setProcessed.bind(resolved)
  resolved.setProcessed = (activeCtx, processed) => {
    const context = processed.context
    for (const definition of context.mappings.values()) deepFreeze(definition)
    context.mappings = SnapshotMap.root(context.mappings)
    Object.freeze(context.protected)
    context.clone = cloneActiveContext
    setProcessed(activeCtx, processed)
  }
}

/**
 * The `sharedCache` handed to jsonld.js's ContextResolver: URL → (tag → resolved context). Every
 * resolved context stored here is prepared as described above.
 */
export function createContextCache(): Map<string, unknown> {
  const cache = new Map<string, unknown>()
  const set = cache.set.bind(cache)
  cache.set = (key: string, tagMap: unknown) => {
    // jsonld.js keys an inline context by its JSON text and caches it as `static`: an untrusted
    // document's contexts must not stay in a cache shared across documents, so only URLs are kept.
    if (key.startsWith('{') || key.startsWith('[')) return cache
    if (tagMap instanceof Map) {
      const setTag = tagMap.set.bind(tagMap)
      tagMap.set = (tag: unknown, resolved: unknown) => {
        for (const r of Array.isArray(resolved) ? resolved : [resolved])
          prepare(r as ResolvedContext)
        return setTag(tag, resolved)
      }
    }
    return set(key, tagMap)
  }
  return cache
}
