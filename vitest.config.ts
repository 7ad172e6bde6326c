import { defineConfig } from 'vitest/config'

// `npm test`: domain units, API tests over HTTP on the embedded database, browser tests.
export default defineConfig({
  test: {
    include: ['domain/src/**/*.test.ts', 'server/src/**/*.test.ts', 'web/e2e/**/*.test.ts', 'bench/**/*.test.ts'],
    globalSetup: ['server/src/testing/globalSetup.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
