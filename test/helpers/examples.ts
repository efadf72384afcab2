/**
 * The committed examples under examples/ as test fixtures: valid passports, their signed forms,
 * the invalid passports (one error code each), and the example issuers' keys and DID documents.
 * Found by listing the folders, never by hand, so a new example is covered everywhere; every call
 * parses afresh, so a test may change what it gets.
 */
import { readdirSync } from 'node:fs'
import type { DidDocument } from '../../src/context/loader.js'
import { importKey } from '../../src/keys/import.js'
import type { KeyPair } from '../../src/keys/types.js'
import { readJsonFile, readTextFile, repoUrl } from './files.js'

type Json = Record<string, unknown>

/** An example passport file. */
export interface Example {
  /** The file name without `.json`, e.g. `lfp-cell-280ah`; its signed forms share it. */
  name: string
  /** The file name, e.g. `lfp-cell-280ah.json`. */
  file: string
  /** The path from the repository root, e.g. `examples/valid/lfp-cell-280ah.json`. */
  path: string
  /** The parsed document. */
  doc: Json
}

/** A valid example signed both ways (scripts/sign-examples.ts). */
export interface SignedExample {
  /** The name of the valid example it signs, e.g. `lfp-cell-280ah`. */
  name: string
  /** `examples/signed/<name>.json`: the credential with its Data Integrity proof. */
  di: Json
  /** `examples/signed/<name>.jwt`: the vc+jwt compact JWS. */
  jwt: string
}

/** An invalid example: a valid one broken in one place (scripts/generate-invalid-examples.ts). */
export interface InvalidExample extends Example {
  /** The one error code it yields: the name of its folder under examples/invalid/. */
  code: string
}

/** The names of the files of an examples/ folder that end in `extension`, sorted. */
const filesIn = (folder: string, extension = ''): string[] =>
  readdirSync(repoUrl(`examples/${folder}/`))
    .filter((f) => f.endsWith(extension))
    .sort()

const exampleAt = (folder: string, file: string): Example => {
  const path = `examples/${folder}/${file}`
  return { name: file.replace(/\.json$/, ''), file, path, doc: readJsonFile(path) }
}

/** Every `examples/valid/*.json`, in name order. */
export const validExamples = (): Example[] =>
  filesIn('valid', '.json').map((file) => exampleAt('valid', file))

/** The valid example of this name (`lfp-cell-280ah`); throws, failing the test, when missing. */
export function validExample(name: string): Example {
  const found = validExamples().find((e) => e.name === name)
  if (!found) throw new Error(`examples/valid/${name}.json does not exist`)
  return found
}

/** Every file name in examples/signed/ (`.json` and `.jwt`), sorted, strays included. */
export const signedExampleFiles = (): string[] => filesIn('signed')

/** Every signed example with a Data Integrity form, with its vc+jwt form, in name order. */
export const signedExamples = (): SignedExample[] =>
  filesIn('signed', '.json').map((file) => {
    const name = file.replace(/\.json$/, '')
    return {
      name,
      di: readJsonFile(`examples/signed/${file}`),
      jwt: readTextFile(`examples/signed/${name}.jwt`),
    }
  })

/** The signed forms of the valid example of this name; throws, failing the test, when missing. */
export function signedExample(name: string): SignedExample {
  const found = signedExamples().find((e) => e.name === name)
  if (!found) throw new Error(`examples/signed/${name}.json does not exist`)
  return found
}

/** Every `examples/invalid/<CODE>/*.json`, by code, then name. */
export const invalidExamples = (): InvalidExample[] =>
  readdirSync(repoUrl('examples/invalid/'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .flatMap((code) =>
      filesIn(`invalid/${code}`, '.json').map((file) => ({
        code,
        ...exampleAt(`invalid/${code}`, file),
      })),
    )

const hostOf = (did: string) => did.replace(/^did:web:/, '')

/** The committed private key of an example issuer (a did:web of examples/keys/). */
export function exampleKey(did: string): KeyPair {
  return importKey(readJsonFile(`examples/keys/${hostOf(did)}.private.jwk.json`))
}

/** The committed DID documents of the example issuers. */
export const exampleDidDocuments = (): DidDocument[] =>
  filesIn('keys', '.did.json').map((file) => readJsonFile(`examples/keys/${file}`) as DidDocument)

/** A deep copy, so a test can change an example without affecting others. */
export const clone = <T>(value: T): T => structuredClone(value)

/**
 * The EV pack example as its maker would declare it under EU Art. 7 once the act applies: the
 * example itself makes no Art. 7 claim (examples/README.md), so the EU profile's EV rules are
 * tested, and their invalid examples generated, on this. Its end-of-life modelling is left
 * unstated, since the example's cut-off is not the act's method.
 */
// biome-ignore lint/suspicious/noExplicitAny: edits the example's JSON
export function evPackUnderEuAct(doc: Record<string, any>): Record<string, any> {
  const subject = doc.credentialSubject
  delete subject.footprint.endOfLifeModelling
  const [declaration] = subject.battery.declarations
  declaration.framework = 'eu-2023-1542'
  declaration.methodology = {
    name: 'Regulation (EU) 2023/1542 Art. 7 and Annex II',
    reference: 'Delegated act on the carbon footprint of EV batteries (draft Ares(2024)3131389)',
  }
  declaration.declarationOfConformityId = 'EU-DoC-AVP-75N-2026-001'
  return doc
}
