import fs from 'node:fs'
import pg from 'pg'
import { inject } from 'vitest'
import { loadConfig, type Config } from '../config.ts'
import { closePlatform, createPlatform, type Platform } from '../platform.ts'
import { withDatabase } from './globalSetup.ts'

/** Whether this run has a database to test against (the postgres pass may have none). */
export const databaseSkipReason = (): string => inject('skipReason')

export interface TestPlatform extends Platform {
  close(): Promise<void>
}

/**
 * A platform on a private copy of the prepared database: the embedded snapshot, or a new
 * PostgreSQL database cloned from the run's template. Close it in `afterAll`.
 */
export async function createTestPlatform(overrides: Partial<Config> = {}): Promise<TestPlatform> {
  const base: Config = { ...loadConfig({}), logLevel: 'silent', adminPassword: undefined, simulate: false, ...overrides }
  if (inject('dbMode') === 'embedded') {
    const snapshot = new Blob([fs.readFileSync(inject('snapshotPath'))])
    const platform = await createPlatform({ ...base, databaseUrl: undefined }, { snapshot, prepare: false })
    return { ...platform, close: () => closePlatform(platform) }
  }
  const adminUrl = inject('adminUrl')
  const name = `yingji_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDb')}`)
  } finally {
    await admin.end()
  }
  const platform = await createPlatform({ ...base, databaseUrl: withDatabase(adminUrl, name) }, { prepare: false })
  return {
    ...platform,
    close: async () => {
      await closePlatform(platform)
      const drop = new pg.Client({ connectionString: adminUrl })
      await drop.connect()
      await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await drop.end()
    },
  }
}
