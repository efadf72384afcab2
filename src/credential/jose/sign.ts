/** Signing a credential as a VC-JOSE compact JWS (`typ: vc+jwt`, `cty: vc`), through `jose`. */
import { CompactSign } from 'jose'
import { CarbonPassportError } from '../../errors.js'
import { type KeyPair, privateKeyObject } from '../../keys/keys.js'

/** The JWS `alg` for each key algorithm. */
export const JWS_ALG = { Ed25519: 'EdDSA', 'P-256': 'ES256' } as const

/**
 * Signs the credential itself as the JWS payload (no `vc` claim, no other claims), with the key id
 * as `kid` so verifiers can find the key in the issuer's DID document.
 */
export async function signVcJwt(
  credential: Record<string, unknown>,
  key: KeyPair,
): Promise<string> {
  const privateKey = privateKeyObject(key)
  try {
    return await new CompactSign(new TextEncoder().encode(JSON.stringify(credential)))
      .setProtectedHeader({ alg: JWS_ALG[key.algorithm], typ: 'vc+jwt', cty: 'vc', kid: key.id })
      .sign(privateKey)
  } catch (err) {
    throw new CarbonPassportError('ERR_SIGNING_FAILED', 'the JWS could not be created', {
      cause: err,
    })
  }
}
