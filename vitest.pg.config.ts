import { defineConfig } from 'vitest/config'

// `npm run test:db`: the database-facing server tests again, on a PostgreSQL server
// (YINGJI_TEST_DATABASE_URL, default the local server). Skipped loudly when none is reachable.
export default defineConfig({
  test: {
    include: ['server/src/**/*.test.ts'],
    globalSetup: ['server/src/testing/globalSetup.ts'],
    reporters: ['default', './test/summaryReporter.ts'],
    provide: { dbMode: 'postgres' },
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
})
