/**
 * The verification service (`carbon-passport serve`), driven over real HTTP with `fetch`: started
 * in-process on an ephemeral port, its routes in VC-API shapes and its limits (body size,
 * concurrency, time, malformed JSON); and once through the CLI, as a separate process.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { issuePresentation } from '../../src/credential/presentation/issue.js'
import { generateKeyPair } from '../../src/keys/generate.js'
import { createServer, type Runner, type ServeOptions } from '../../src/serve/index.js'
import {
  clone,
  exampleDidDocuments,
  exampleKey,
  signedExample,
  signedExamples,
  validExample,
} from '../helpers/examples.js'

type Json = Record<string, unknown>

const started: FastifyInstance[] = []

/** A server on a free loopback port, closed after the test file; its base URL. */
async function serve(options: ServeOptions = {}): Promise<string> {
  const app = await createServer({ didDocuments: exampleDidDocuments(), logs: false, ...options })
  started.push(app)
  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  if (!address || typeof address === 'string') throw new Error('no port')
  return `http://127.0.0.1:${address.port}`
}

afterAll(async () => {
  await Promise.all(started.map((app) => app.close()))
})

async function post(base: string, path: string, body: unknown, type = 'application/json') {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Json,
  }
}

/** A runner that holds every request until `release()`: slow work, deterministically. */
function gatedRunner() {
  let release!: () => void
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let entered!: () => void
  const first = new Promise<void>((resolve) => {
    entered = resolve
  })
  const runner: Runner = async (work) => {
    entered()
    await gate
    return work()
  }
  return { runner, release, entered: first }
}

describe('POST /credentials/verify', () => {
  let base: string
  beforeAll(async () => {
    base = await serve()
  })

  it.each(signedExamples().map((e) => e.name))(
    'verifies %s, Data Integrity and vc+jwt: 200',
    async (name) => {
      const example = signedExample(name)
      for (const verifiableCredential of [example.di, example.jwt]) {
        const { status, body } = await post(base, '/credentials/verify', { verifiableCredential })
        expect(body.errors).toEqual([])
        expect(status).toBe(200)
        expect(body).toMatchObject({ verified: true, warnings: expect.any(Array) })
        expect(body.checks).toEqual(expect.arrayContaining(['syntax', 'proof', 'conformance']))
      }
    },
  )

  it('accepts the vc+jwt as an EnvelopedVerifiableCredential', async () => {
    const { jwt } = signedExample('lfp-cell-280ah')
    const { status, body } = await post(base, '/credentials/verify', {
      verifiableCredential: {
        '@context': 'https://www.w3.org/ns/credentials/v2',
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${jwt}`,
      },
    })
    expect(status).toBe(200)
    expect(body.verified).toBe(true)
  })

  it('a tampered passport: 400 with the verification result and its error codes', async () => {
    const tampered = clone(signedExample('lfp-cell-280ah').di) as Json & {
      credentialSubject: Json
    }
    tampered.credentialSubject.name = 'Something else'
    const { status, headers, body } = await post(base, '/credentials/verify', {
      verifiableCredential: tampered,
    })
    expect(status).toBe(400)
    expect(headers.get('content-type')).toMatch(/^application\/json/)
    expect(body.verified).toBe(false)
    const errors = body.errors as { code: string; path: string; message: string; rule: string }[]
    expect(errors.map((e) => e.code)).toContain('PROOF_INVALID')
    expect(errors[0]).toEqual(
      expect.objectContaining({
        code: expect.any(String),
        path: expect.any(String),
        message: expect.any(String),
        rule: expect.any(String),
      }),
    )
  })

  it('a request without verifiableCredential: 400 problem', async () => {
    const { status, headers, body } = await post(base, '/credentials/verify', { credential: {} })
    expect(status).toBe(400)
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(body).toMatchObject({ type: 'about:blank', title: 'Bad Request', status: 400 })
  })

  it('malformed JSON: 400 with an RFC 9457 problem body', async () => {
    const { status, headers, body } = await post(
      base,
      '/credentials/verify',
      '{"verifiableCredential": ',
    )
    expect(status).toBe(400)
    expect(headers.get('content-type')).toMatch(/^application\/problem\+json/)
    expect(body).toEqual(
      expect.objectContaining({
        type: 'about:blank',
        title: 'Bad Request',
        status: 400,
        detail: expect.any(String),
      }),
    )
  })

  it('application/ld+json is read as JSON', async () => {
    const { di } = signedExample('lfp-cell-280ah')
    const { status } = await post(
      base,
      '/credentials/verify',
      { verifiableCredential: di },
      'application/ld+json',
    )
    expect(status).toBe(200)
  })
})

/** A presentation of the cell passport (Data Integrity) signed by a fresh did:key holder. */
async function holderPresentation(options: { challenge: string; domain?: string }) {
  const holder = generateKeyPair({ algorithm: 'Ed25519' })
  return issuePresentation(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      holder: holder.controller,
      verifiableCredential: [signedExample('lfp-cell-280ah').di],
    },
    { key: holder, ...options },
  )
}

describe('POST /presentations/verify', () => {
  let base: string
  beforeAll(async () => {
    base = await serve()
  })

  it('a holder-signed presentation with challenge and domain: 200, one result per credential', async () => {
    const vp = await holderPresentation({ challenge: 'c0ffee', domain: 'https://customs.example' })
    const ok = await post(base, '/presentations/verify', {
      verifiablePresentation: vp,
      options: { challenge: 'c0ffee', domain: 'https://customs.example' },
    })
    expect(ok.body.errors).toEqual([])
    expect(ok.status).toBe(200)
    expect(ok.body.verified).toBe(true)
    expect(ok.body.credentialResults).toEqual([expect.objectContaining({ verified: true })])

    // Another challenge: verification ran, so 200 (the VC-API's wording), with verified false.
    const replay = await post(base, '/presentations/verify', {
      verifiablePresentation: vp,
      options: { challenge: 'another' },
    })
    expect(replay.status).toBe(200)
    expect(replay.body.verified).toBe(false)
    expect((replay.body.errors as unknown[]).length).toBeGreaterThan(0)
  })
})

describe('POST /credentials/issue', () => {
  it('with a key: 201 with the signed passport, which then verifies', async () => {
    const passport = validExample('lfp-cell-280ah').doc
    const issuer = passport.issuer as { id: string }
    const base = await serve({ key: exampleKey(issuer.id) })
    const issued = await post(base, '/credentials/issue', { credential: passport })
    expect(issued.status).toBe(201)
    const verifiableCredential = issued.body.verifiableCredential as Json
    expect(verifiableCredential.proof).toMatchObject({ type: 'DataIntegrityProof' })
    const verified = await post(base, '/credentials/verify', { verifiableCredential })
    expect(verified.status).toBe(200)
    expect(verified.body.verified).toBe(true)

    const jose = await post(base, '/credentials/issue', {
      credential: passport,
      options: { format: 'vc-jose' },
    })
    expect(jose.status).toBe(201)
    expect(jose.body.verifiableCredential).toMatchObject({ type: 'EnvelopedVerifiableCredential' })
    const again = await post(base, '/credentials/verify', jose.body)
    expect(again.status).toBe(200)
  })

  it('any VC 2.0 credential is issued with issueCredential', async () => {
    const key = generateKeyPair({ algorithm: 'Ed25519' })
    const base = await serve({ key })
    const credential = {
      '@context': [
        'https://www.w3.org/ns/credentials/v2',
        { '@vocab': 'https://example.org/vocab#' },
      ],
      type: ['VerifiableCredential'],
      issuer: key.controller,
      credentialSubject: { name: 'Cell 280 Ah' },
    }
    const issued = await post(base, '/credentials/issue', { credential })
    expect(issued.status).toBe(201)
    const verified = await post(base, '/credentials/verify', issued.body)
    expect(verified.body.errors).toEqual([])
    expect(verified.status).toBe(200)
  })

  it('a refusal (the key is not the issuer’s): 400 problem with the error code', async () => {
    const base = await serve({ key: generateKeyPair({ algorithm: 'Ed25519' }) })
    const { status, body } = await post(base, '/credentials/issue', {
      credential: validExample('lfp-cell-280ah').doc,
    })
    expect(status).toBe(400)
    expect(body).toMatchObject({ status: 400, code: expect.stringMatching(/^ERR_/) })
  })

  it('without a key: 404', async () => {
    const base = await serve()
    const { status, body } = await post(base, '/credentials/issue', {
      credential: validExample('lfp-cell-280ah').doc,
    })
    expect(status).toBe(404)
    expect(body).toMatchObject({ status: 404, title: 'Not Found' })
  })
})

describe('limits', () => {
  it('a body over --max-body: 413 problem', async () => {
    const base = await serve({ maxBodyBytes: 1024 })
    const { status, body } = await post(base, '/credentials/verify', {
      verifiableCredential: { padding: 'x'.repeat(2048) },
    })
    expect(status).toBe(413)
    expect(body).toMatchObject({ status: 413, title: 'Payload Too Large' })
  })

  it('more requests than --concurrency: 503 with Retry-After, and the first one completes', async () => {
    const gate = gatedRunner()
    const base = await serve({ concurrency: 1, runner: gate.runner })
    const verifiableCredential = signedExample('lfp-cell-280ah').jwt
    const first = post(base, '/credentials/verify', { verifiableCredential })
    await gate.entered
    const second = await post(base, '/credentials/verify', { verifiableCredential })
    expect(second.status).toBe(503)
    expect(second.headers.get('retry-after')).toBe('1')
    expect(second.body).toMatchObject({ status: 503, code: 'BUSY' })
    // /health is never limited.
    expect((await fetch(`${base}/health`)).status).toBe(200)
    gate.release()
    expect((await first).status).toBe(200)
    // The slot is free again.
    expect((await post(base, '/credentials/verify', { verifiableCredential })).status).toBe(200)
  })

  it('a request past --timeout: 503 problem', async () => {
    const gate = gatedRunner()
    const base = await serve({ timeoutMs: 50, runner: gate.runner })
    const { status, body } = await post(base, '/credentials/verify', {
      verifiableCredential: signedExample('lfp-cell-280ah').jwt,
    })
    gate.release()
    expect(status).toBe(503)
    expect(body).toMatchObject({
      status: 503,
      code: 'TIMEOUT',
      detail: expect.stringMatching(/50 ms/),
    })
  })
})

describe('on the worker pool (jobs > 0)', () => {
  let pooled: string
  let inProcess: string
  beforeAll(async () => {
    pooled = await serve({ jobs: 1 })
    inProcess = await serve({ jobs: 0 })
  }, 60_000)

  const tampered = () => {
    const di = clone(signedExample('lfp-cell-280ah').di) as Json & { credentialSubject: Json }
    di.credentialSubject.name = 'Something else'
    return di
  }

  it('the same answers as in-process: valid (Data Integrity, vc+jwt), tampered, junk', async () => {
    const { di, jwt } = signedExample('ev-nmc-pack')
    const other = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiableCredential'],
      issuer: 'did:example:nobody',
      credentialSubject: { id: 'urn:x' },
    }
    for (const verifiableCredential of [di, jwt, tampered(), 'not a jws', other]) {
      const [a, b] = await Promise.all([
        post(pooled, '/credentials/verify', { verifiableCredential }),
        post(inProcess, '/credentials/verify', { verifiableCredential }),
      ])
      expect(a.status).toBe(b.status)
      expect(a.body).toEqual(b.body)
    }
    const valid = await post(pooled, '/credentials/verify', { verifiableCredential: jwt })
    expect(valid.status).toBe(200)
    expect(valid.body.verified).toBe(true)
    const bad = await post(pooled, '/credentials/verify', { verifiableCredential: tampered() })
    expect(bad.status).toBe(400)
    expect((bad.body.errors as { code: string }[]).map((e) => e.code)).toContain('PROOF_INVALID')
  })

  it('a body too deep to send to a worker: the same answer as in-process (verified here)', async () => {
    const depth = 100_000
    const body = `{"verifiableCredential":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`
    const [a, b] = await Promise.all([
      post(pooled, '/credentials/verify', body),
      post(inProcess, '/credentials/verify', body),
    ])
    expect(a.status).toBe(b.status)
    expect(a.body).toEqual(b.body)
    expect(a.status).toBe(400)
  })

  it('a presentation: the same answer as in-process', async () => {
    const vp = await holderPresentation({ challenge: 'c0ffee' })
    for (const challenge of ['c0ffee', 'another']) {
      const body = { verifiablePresentation: vp, options: { challenge } }
      const [a, b] = await Promise.all([
        post(pooled, '/presentations/verify', body),
        post(inProcess, '/presentations/verify', body),
      ])
      expect(a.status).toBe(200)
      expect(a.body).toEqual(b.body)
      expect(a.body.verified).toBe(challenge === 'c0ffee')
    }
  })

  it('limits still hold: 413, 503 BUSY with Retry-After, 503 TIMEOUT', async () => {
    const small = await serve({ jobs: 1, maxBodyBytes: 1024 })
    const big = await post(small, '/credentials/verify', {
      verifiableCredential: { padding: 'x'.repeat(2048) },
    })
    expect(big.status).toBe(413)

    const verifiableCredential = signedExample('lfp-cell-280ah').jwt
    const gate = gatedRunner()
    const busy = await serve({ jobs: 1, concurrency: 1, runner: gate.runner })
    const first = post(busy, '/credentials/verify', { verifiableCredential })
    await gate.entered
    const second = await post(busy, '/credentials/verify', { verifiableCredential })
    expect(second.status).toBe(503)
    expect(second.headers.get('retry-after')).toBe('1')
    expect(second.body).toMatchObject({ code: 'BUSY' })
    gate.release()
    expect((await first).status).toBe(200)

    const slow = gatedRunner()
    const timed = await serve({ jobs: 1, timeoutMs: 50, runner: slow.runner })
    const late = await post(timed, '/credentials/verify', { verifiableCredential })
    slow.release()
    expect(late.status).toBe(503)
    expect(late.body).toMatchObject({ code: 'TIMEOUT' })
  }, 60_000)
})

describe('reload (SIGHUP): new DID documents swapped in', () => {
  for (const jobs of [0, 1]) {
    it(`jobs ${jobs}: an issuer unknown before the reload verifies after it`, async () => {
      const app = await createServer({ didDocuments: [], logs: false, jobs })
      started.push(app)
      await app.listen({ port: 0, host: '127.0.0.1' })
      const address = app.server.address()
      if (!address || typeof address === 'string') throw new Error('no port')
      const base = `http://127.0.0.1:${address.port}`
      const verifiableCredential = signedExample('lfp-cell-280ah').jwt
      const before = await post(base, '/credentials/verify', { verifiableCredential })
      expect(before.status).toBe(400)
      await app.reload({ didDocuments: exampleDidDocuments(), statusLists: [] })
      const after = await post(base, '/credentials/verify', { verifiableCredential })
      expect(after.body.errors).toEqual([])
      expect(after.status).toBe(200)
    }, 60_000)
  }

  it('the CLI: SIGHUP re-reads the files; a bad file keeps the previous state and says so', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    const dir = mkdtempSync(join(tmpdir(), 'serve-sighup-'))
    const didFile = join(dir, 'did.json')
    const { jwt, di } = signedExample('lfp-cell-280ah')
    const issuer = (di as { issuer: { id: string } }).issuer.id
    const docs = exampleDidDocuments()
    const own = docs.find((d) => d.id === issuer)
    const other = docs.find((d) => d.id !== issuer)
    writeFileSync(didFile, JSON.stringify(other))
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        'src/cli/main.ts',
        'serve',
        '--port',
        '0',
        '--quiet',
        '--jobs',
        '1',
        '--did-document',
        didFile,
      ],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      let err = ''
      child.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8')
      })
      const base = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString('utf8')
          const found = /^listening on (http:\/\/\S+)\n/m.exec(out)
          if (found?.[1]) resolve(found[1])
        })
        child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)))
      })
      const stderrSays = async (pattern: RegExp) => {
        for (let i = 0; i < 200 && !pattern.test(err); i++)
          await new Promise((resolve) => setTimeout(resolve, 50))
        expect(err).toMatch(pattern)
      }
      const verify = () => post(base, '/credentials/verify', { verifiableCredential: jwt })
      expect((await verify()).status).toBe(400)

      writeFileSync(didFile, '{ not json')
      child.kill('SIGHUP')
      await stderrSays(/SIGHUP: .*not valid JSON.*kept/)
      expect((await verify()).status).toBe(400)

      writeFileSync(didFile, JSON.stringify(own))
      child.kill('SIGHUP')
      await stderrSays(/SIGHUP: reloaded 1 DID documents/)
      const after = await verify()
      expect(after.body.errors).toEqual([])
      expect(after.status).toBe(200)
    } finally {
      child.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('access logs', () => {
  it('one JSON line per request: method, url, status, ms', async () => {
    const lines: string[] = []
    const base = await serve({ logs: true, logStream: { write: (line) => lines.push(line) } })
    await fetch(`${base}/health`)
    await post(base, '/credentials/verify', '{')
    const entries = lines.map((line) => JSON.parse(line) as Json).filter((e) => e.msg === 'request')
    expect(entries).toEqual([
      expect.objectContaining({
        method: 'GET',
        url: '/health',
        status: 200,
        ms: expect.any(Number),
      }),
      expect.objectContaining({ method: 'POST', url: '/credentials/verify', status: 400 }),
    ])
  })
})

describe('GET /health and unknown routes', () => {
  it('health: 200 { status: ok }; an unknown route: 404 problem', async () => {
    const base = await serve()
    const health = await fetch(`${base}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const missing = await fetch(`${base}/nothing`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/)
  })
})

describe('carbon-passport serve (the CLI, a separate process)', () => {
  let child: ChildProcess | undefined
  afterEach(() => {
    child?.kill('SIGTERM')
  })

  it('prints "listening on http://HOST:PORT" for --port 0 and answers /health', async () => {
    const root = fileURLToPath(new URL('../../', import.meta.url))
    child = spawn(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--quiet'],
      { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const line = await new Promise<string>((resolve, reject) => {
      let out = ''
      let err = ''
      child?.stdout?.on('data', (chunk: Buffer) => {
        out += chunk.toString('utf8')
        const found = /^listening on (http:\/\/\S+)\n/m.exec(out)
        if (found?.[1]) resolve(found[1])
      })
      child?.stderr?.on('data', (chunk: Buffer) => {
        err += chunk.toString('utf8')
      })
      child?.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)))
    })
    expect(line).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const health = await fetch(`${line}/health`)
    expect(health.status).toBe(200)
    expect(await health.json()).toEqual({ status: 'ok' })
    const exited = new Promise<number | null>((resolve) => child?.on('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    child = undefined
  }, 60_000)
})
