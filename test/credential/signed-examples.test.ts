/** Every committed signed example verifies with the committed DID documents and matches examples/valid. */
import { describe, expect, test } from 'vitest'
import { verifyPassport } from '../../src/passport/verify.js'
import { exampleDidDocuments, signedExampleFiles, validExamples } from '../helpers/examples.js'
import { readJsonFile, readTextFile } from '../helpers/files.js'
import { NOW } from './fixtures.js'

const signedFiles = signedExampleFiles()
const valid = new Map(validExamples().map((e) => [e.name, e.doc]))
const didDocuments = exampleDidDocuments()

describe('examples/signed', () => {
  test('there is a .json and a .jwt for every valid example', () => {
    const expected = [...valid.keys()].flatMap((n) => [`${n}.json`, `${n}.jwt`]).sort()
    expect(signedFiles).toEqual(expected)
  })

  test.each(signedFiles)('%s verifies and carries the valid example unchanged', async (file) => {
    const input = file.endsWith('.jwt')
      ? readTextFile(`examples/signed/${file}`)
      : readJsonFile(`examples/signed/${file}`)
    const result = await verifyPassport(input, { didDocuments, now: NOW })
    expect(result.errors).toEqual([])
    expect(result.verified).toBe(true)
    const { proof: _proof, ...credential } = result.credential ?? {}
    expect(credential).toEqual(valid.get(file.replace(/\.(json|jwt)$/, '')))
  })
})
