/**
 * jsonld.js without its Node.js document loader, in carbon-passport's own threads: the CLI's
 * process and the verifier pool's worker threads (start-up, issue 13). On load, jsonld.js always
 * requires `lib/platform.js`, which installs a loader that fetches over HTTP through
 * @digitalbazaar/http-client and undici: ~100 modules, a good part of a Data Integrity
 * verification's start-up, for a loader that is never used (every call passes the library's strict
 * offline loader). Put in the module cache before jsonld.js loads, this stand-in sets up nothing,
 * so jsonld's own default stays what it is without a platform: it refuses every URL.
 *
 * Never on `import 'carbon-passport'`: an application using the same jsonld.js may rely on its
 * loader. A worker thread has its own modules, which only the pool's tasks use. Nothing is done
 * when jsonld.js is already loaded or laid out otherwise (test/credential/data-integrity/
 * jsonld-offline.test.ts checks the stand-in has what jsonld.js asks of its platform).
 */
import { createRequire, Module } from 'node:module'
import { dirname, join } from 'node:path'

/** What jsonld.js calls on its platform module; here, nothing to set up. */
export const offlinePlatform = {
  setupDocumentLoaders(): void {},
  setupGlobals(): void {},
}

/** Installs the stand-in, unless jsonld.js is loaded already; true when it is in place. */
export function useOfflineJsonld(): boolean {
  try {
    const require = createRequire(import.meta.url)
    const platform = require.resolve('jsonld/lib/platform.js')
    if (require.cache[join(dirname(platform), 'jsonld.js')]) return false
    const standIn = new Module(platform)
    standIn.filename = platform
    standIn.exports = offlinePlatform
    standIn.loaded = true
    require.cache[platform] = standIn
    return true
  } catch {
    return false // another layout of jsonld: it loads as it is
  }
}
