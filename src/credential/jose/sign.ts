/** Signing a credential as a VC-JOSE compact JWS (`typ: vc+jwt`, `cty: vc`, RFC 7515 §7.1). */
import { CarbonPassportError } from '../../errors.js'
import { KEY_ALGORITHMS } from '../../keys/algorithms.js'
import { privateKeyObject } from '../../keys/key-objects.js'
import { signBytes } from '../../keys/signature.js'
import type { KeyPair } from '../../keys/types.js'

const base64url = (text: string): string => Buffer.from(text, 'utf8').toString('base64url')

/**
 * Signs the credential itself as the JWS payload (no `vc` claim, no other claims), with the key id
 * as `kid` so verifiers can find the key in the issuer's DID document. The compact form is
 * `BASE64URL(header).BASE64URL(payload).BASE64URL(signature)`, signed by keys/signature.ts (the
 * same node:crypto signing as Data Integrity; P-256 signatures are the 64-byte `r‖s` of ES256).
 */
export async function signVcJwt(
  credential: Record<string, unknown>,
  key: KeyPair,
): Promise<string> {
  return signJws(credential, key, { typ: 'vc+jwt', cty: 'vc' })
}

/** The same for any payload and `typ`/`cty` (a presentation is signed as `vp+jwt`, `cty: vp`). */
export async function signJws(
  payload: Record<string, unknown>,
  key: KeyPair,
  media: { typ: string; cty: string },
): Promise<string> {
  const privateKey = privateKeyObject(key)
  try {
    const header = {
      alg: KEY_ALGORITHMS[key.algorithm].jwsAlg,
      typ: media.typ,
      cty: media.cty,
      kid: key.id,
    }
    const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`
    const signature = signBytes(key.algorithm, privateKey, Buffer.from(input, 'ascii'))
    return `${input}.${Buffer.from(signature).toString('base64url')}`
  } catch (err) {
    throw new CarbonPassportError('ERR_SIGNING_FAILED', 'the JWS could not be created', {
      cause: err,
    })
  }
}
