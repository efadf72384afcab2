/**
 * Whether a regular expression can make a backtracking matcher (V8's irregexp, which Ajv's
 * `pattern` uses) take more than linear time: the degree of ambiguity of its Glushkov automaton with
 * every state accepting, i.e. how many ways the pattern can read a prefix of the input. A failing
 * match explores every one of them, so the time is linear exactly when that number is bounded.
 *
 * Weber & Seidl (1991): the degree is infinite iff the automaton has
 *  - EDA: a state p and a word w with two different paths p →w p (then the count doubles with
 *    every repetition of w: exponential, like `(a+)+`), or
 *  - IDA: two states p ≠ q and a word w with p →w p, p →w q and q →w q (the count grows like a
 *    polynomial, like `0\.[0-9]*[1-9][0-9]*`: quadratic).
 *
 * Supports the syntax our patterns use: `^`/`$` at the ends, groups, `|`, `* + ? {n} {n,} {n,m}`,
 * character classes and escapes (`\d \S \.` …). Anything else (look-arounds, back-references,
 * lazy quantifiers) throws, so a new construct fails the test instead of passing unchecked.
 */

type Node =
  | { kind: 'atom'; source: string }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'star'; body: Node } // zero or more
  | { kind: 'opt'; body: Node } // zero or one
  | { kind: 'empty' }

class Parser {
  private i = 0
  private readonly src: string
  constructor(src: string) {
    this.src = src
  }

  parse(): Node {
    let src = this.src
    if (src.startsWith('^')) this.i = 1
    else throw new Error(`not anchored at the start: ${src}`)
    if (src.endsWith('$') && !src.endsWith('\\$')) src = src.slice(0, -1)
    const node = this.alt(src)
    if (this.i !== src.length) throw new Error(`unexpected ${src[this.i]} at ${this.i} in ${src}`)
    return node
  }

  private alt(src: string): Node {
    const options = [this.seq(src)]
    while (src[this.i] === '|') {
      this.i++
      options.push(this.seq(src))
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options }
  }

  private seq(src: string): Node {
    const items: Node[] = []
    while (this.i < src.length && src[this.i] !== '|' && src[this.i] !== ')') {
      items.push(this.quantified(src))
    }
    return items.length === 0 ? { kind: 'empty' } : { kind: 'seq', items }
  }

  private quantified(src: string): Node {
    let node = this.primary(src)
    for (;;) {
      const c = src[this.i]
      if (c === '*') node = { kind: 'star', body: node }
      else if (c === '+') node = { kind: 'seq', items: [node, { kind: 'star', body: node }] }
      else if (c === '?') node = { kind: 'opt', body: node }
      else if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.i))
        if (!m) throw new Error(`bad quantifier at ${this.i} in ${src}`)
        const min = Number(m[1])
        const max = m[2] === undefined ? min : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3])
        this.i += m[0].length - 1
        node = repeat(node, min, max)
      } else return node
      this.i++
      if (src[this.i] === '?' || src[this.i] === '+') {
        throw new Error(`lazy or possessive quantifier in ${src}`)
      }
    }
  }

  private primary(src: string): Node {
    const c = src[this.i]
    if (c === '(') {
      this.i++
      if (src[this.i] === '?') {
        if (src[this.i + 1] !== ':') throw new Error(`look-around or named group in ${src}`)
        this.i += 2
      }
      const inner = this.alt(src)
      if (src[this.i] !== ')') throw new Error(`unclosed group in ${src}`)
      this.i++
      return inner
    }
    if (c === '[') {
      const start = this.i
      this.i++
      if (src[this.i] === '^') this.i++
      if (src[this.i] === ']') this.i++
      while (this.i < src.length && src[this.i] !== ']') this.i += src[this.i] === '\\' ? 2 : 1
      if (src[this.i] !== ']') throw new Error(`unclosed class in ${src}`)
      this.i++
      return { kind: 'atom', source: src.slice(start, this.i) }
    }
    if (c === '\\') {
      const e = src[this.i + 1] ?? ''
      if (/[1-9bBkpPux]/.test(e)) throw new Error(`unsupported escape \\${e} in ${src}`)
      this.i += 2
      return { kind: 'atom', source: `\\${e}` }
    }
    if (c === '^' || c === '$') throw new Error(`anchor inside the pattern ${src}`)
    if (c === undefined || '*+?{'.includes(c)) throw new Error(`nothing to repeat in ${src}`)
    this.i++
    return { kind: 'atom', source: c }
  }
}

/** `body{min,max}` as min copies, then nested optionals (or a star when unbounded). */
function repeat(body: Node, min: number, max: number): Node {
  const items: Node[] = []
  for (let k = 0; k < min; k++) items.push(body)
  if (max === Number.POSITIVE_INFINITY) items.push({ kind: 'star', body })
  else {
    let tail: Node | undefined
    for (let k = min; k < max; k++) {
      tail = { kind: 'opt', body: tail ? { kind: 'seq', items: [body, tail] } : body }
    }
    if (tail) items.push(tail)
  }
  return { kind: 'seq', items }
}

/** Characters standing for every class our patterns can tell apart. */
const ALPHABET: string[] = [
  ...Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)),
  'é',
  '\u00a0',
  '\u2028',
  '😀',
]

export interface Automaton {
  /** States 0 (initial) … n; transitions[state][class] = next states. */
  transitions: number[][][]
  /** One character for each class of characters the pattern cannot tell apart. */
  classes: string[]
}

/** The Glushkov automaton of a pattern (Ajv compiles patterns with the `u` flag). */
export function glushkov(pattern: string, flags = 'u'): Automaton {
  const root = new Parser(pattern).parse()
  const atoms: string[] = []
  interface Info {
    nullable: boolean
    first: number[]
    last: number[]
  }
  const follow: Set<number>[] = [new Set()]
  const walk = (node: Node): Info => {
    switch (node.kind) {
      case 'empty':
        return { nullable: true, first: [], last: [] }
      case 'atom': {
        atoms.push(node.source)
        const p = atoms.length
        follow[p] = new Set()
        return { nullable: false, first: [p], last: [p] }
      }
      case 'alt': {
        const infos = node.options.map(walk)
        return {
          nullable: infos.some((x) => x.nullable),
          first: infos.flatMap((x) => x.first),
          last: infos.flatMap((x) => x.last),
        }
      }
      case 'seq': {
        let acc: Info = { nullable: true, first: [], last: [] }
        for (const item of node.items) {
          const x = walk(item)
          for (const p of acc.last) for (const q of x.first) follow[p]?.add(q)
          acc = {
            nullable: acc.nullable && x.nullable,
            first: acc.nullable ? [...acc.first, ...x.first] : acc.first,
            last: x.nullable ? [...acc.last, ...x.last] : x.last,
          }
        }
        return acc
      }
      case 'star':
      case 'opt': {
        const x = walk(node.body)
        if (node.kind === 'star') for (const p of x.last) for (const q of x.first) follow[p]?.add(q)
        return { nullable: true, first: x.first, last: x.last }
      }
    }
  }
  const top = walk(root)
  follow[0] = new Set(top.first)
  const matchers = atoms.map((a) => new RegExp(`^(?:${a})$`, flags))
  // Characters with the same membership in every atom are one class.
  const byKey = new Map<string, string>()
  for (const ch of ALPHABET) {
    const key = matchers.map((m) => (m.test(ch) ? '1' : '0')).join('')
    if (!byKey.has(key)) byKey.set(key, ch)
  }
  const classes = [...byKey.values()]
  const member = matchers.map((m) => classes.map((ch) => m.test(ch)))
  const transitions = follow.map((targets) =>
    classes.map((_, c) => [...targets].filter((q) => member[q - 1]?.[c])),
  )
  return { transitions, classes }
}

/** Strongly connected components (Tarjan), as a component number per node. */
function components(
  nodes: string[],
  edges: (node: string) => Iterable<string>,
): Map<string, number> {
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const comp = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  let counter = 0
  let count = 0
  const visit = (v: string): void => {
    index.set(v, counter)
    low.set(v, counter)
    counter++
    stack.push(v)
    onStack.add(v)
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, index.get(w) as number))
      }
    }
    if (low.get(v) === index.get(v)) {
      for (;;) {
        const w = stack.pop() as string
        onStack.delete(w)
        comp.set(w, count)
        if (w === v) break
      }
      count++
    }
  }
  for (const v of nodes) if (!index.has(v)) visit(v)
  return comp
}

/** Successors of a tuple of states, each reading the same character class. */
function productSteps(a: Automaton, tuple: readonly number[]): number[][] {
  const out: number[][] = []
  for (let c = 0; c < a.classes.length; c++) {
    let partial: number[][] = [[]]
    for (const p of tuple) {
      const next = a.transitions[p]?.[c] ?? []
      partial = partial.flatMap((t) => next.map((q) => [...t, q]))
      if (partial.length === 0) break
    }
    out.push(...partial)
  }
  return out
}

const key = (t: readonly number[]) => t.join(',')
const tuple = (k: string) => k.split(',').map(Number)

/** Every tuple reachable from `from` in the product automaton (`from` itself included). */
function closure(a: Automaton, from: readonly number[]): Set<string> {
  const seen = new Set([key(from)])
  const stack = [from]
  while (stack.length > 0) {
    for (const u of productSteps(a, stack.pop() as number[])) {
      const k = key(u)
      if (!seen.has(k)) {
        seen.add(k)
        stack.push(u)
      }
    }
  }
  return seen
}

export interface Ambiguity {
  /** The kind of unbounded ambiguity, or undefined when the pattern is matched in linear time. */
  kind: 'exponential' | 'polynomial' | undefined
  /** The states involved (for the message). */
  states?: number[]
}

/** EDA, then IDA; `kind` undefined means finitely ambiguous (linear backtracking). */
export function ambiguity(pattern: string, flags = 'u'): Ambiguity {
  const a = glushkov(pattern, flags)
  const states = [...closure(a, [0])].map(Number)
  // EDA: a component of the pair automaton holds a pair (p,p) and a pair (q,r) with q ≠ r.
  const pairs = closure(a, [0, 0])
  const pairComp = components([...pairs], (k) => productSteps(a, tuple(k)).map(key))
  const diagonal = new Set<number>()
  for (const [k, c] of pairComp) {
    const [p, q] = tuple(k)
    if (p === q) diagonal.add(c)
  }
  for (const [k, c] of pairComp) {
    const [p, q] = tuple(k)
    if (p !== q && diagonal.has(c))
      return { kind: 'exponential', states: [p as number, q as number] }
  }
  // IDA: (p,p,q) reaches (p,q,q) for states p ≠ q that each lie on a loop.
  const stateComp = components(states.map(String), (k) => productSteps(a, [Number(k)]).map(key))
  const size = new Map<number, number>()
  for (const c of stateComp.values()) size.set(c, (size.get(c) ?? 0) + 1)
  const onLoop = states.filter((p) => {
    const c = stateComp.get(String(p)) as number
    return (size.get(c) ?? 0) > 1 || productSteps(a, [p]).some(([q]) => q === p)
  })
  for (const p of onLoop) {
    for (const q of onLoop) {
      if (p !== q && closure(a, [p, p, q]).has(key([p, q, q]))) {
        return { kind: 'polynomial', states: [p, q] }
      }
    }
  }
  return { kind: undefined }
}

/**
 * Hostile inputs for a pattern: for every state with a loop, a shortest word into it, the loop's
 * character `length` times, then each character class once (so the match fails late, and every
 * way of reading the repeated part is tried).
 */
export function pumpedInputs(pattern: string, length: number, flags = 'u'): string[] {
  const a = glushkov(pattern, flags)
  // Shortest access word of each state (breadth first).
  const access = new Map<number, string>([[0, '']])
  const queue = [0]
  while (queue.length > 0) {
    const p = queue.shift() as number
    a.transitions[p]?.forEach((next, c) => {
      for (const q of next) {
        if (!access.has(q)) {
          access.set(q, `${access.get(p)}${a.classes[c]}`)
          queue.push(q)
        }
      }
    })
  }
  // Every class repeated from the start too (also for patterns without loops).
  const out = new Set<string>(a.classes.map((c) => c.repeat(length)))
  for (const [p, word] of access) {
    a.transitions[p]?.forEach((next, c) => {
      if (!next.includes(p)) return
      const body = (a.classes[c] as string).repeat(length)
      for (const end of a.classes) out.add(`${word}${body}${end}`)
    })
  }
  return [...out]
}
