import { configDefaults, defineConfig } from 'vitest/config'

/**
 * The tests that sign or verify with Data Integrity. The `stock-path` project runs them a second
 * time with the fast-path plug-in switched off, so the stock path (what any install with other
 * jsonld / rdf-canonize copies runs) is tested as thoroughly as the fast one.
 */
const DATA_INTEGRITY_TESTS = [
  'test/credential/**/*.test.ts',
  'test/passport/**/*.test.ts',
  'test/examples/**/*.test.ts',
  'test/api/**/*.test.ts',
  'test/fuzz/signed-mutations.test.ts',
  'test/fuzz/issue-roundtrip.test.ts',
]

/**
 * What a second run would not change: unit tests of the plug-in's own modules (the direct RDF walk
 * against jsonld.toRDF, the context cache), which call it directly whatever the switch says, and
 * tests that involve no Data Integrity (vc+jwt, the codes documentation).
 */
const SAME_EITHER_WAY = [
  'test/credential/data-integrity/passport-rdf.test.ts',
  'test/credential/data-integrity/rdfc.test.ts',
  'test/credential/data-integrity/context-cache.test.ts',
  'test/credential/jose/**',
  'test/credential/codes-doc.test.ts',
]

export default defineConfig({
  test: {
    testTimeout: 30_000,
    pool: 'forks',
    // The JSON report lets .ci/run print one plain "N passed, N failed" closing line.
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      { extends: true, test: { name: 'default', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'stock-path',
          include: DATA_INTEGRITY_TESTS,
          exclude: [...configDefaults.exclude, ...SAME_EITHER_WAY],
          env: { CARBON_PASSPORT_FAST_PATHS: 'off' },
        },
      },
    ],
  },
})
