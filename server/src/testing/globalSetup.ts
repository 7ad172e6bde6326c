import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '../db/database.ts'
import { buildTemplate, prepareDatabase } from '../platform.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    dbMode: 'embedded' | 'postgres'
    /** Embedded: path of a migrated, seeded data-dir snapshot. */
    snapshotPath: string
    /** Postgres: admin URL and the template database every test file copies. */
    adminUrl: string
    templateDb: string
    /** Set when the postgres pass found no server: tests skip, loudly. */
    skipReason: string
  }
}

export const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres'

/** Built once per run: a prepared database that each test file starts from in ~2 s. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mode = project.config.provide?.dbMode ?? 'embedded'
  project.provide('dbMode', mode)
  project.provide('skipReason', '')
  if (mode === 'embedded') {
    project.provide('snapshotPath', await buildTemplate())
    return async () => {}
  }
  const adminUrl = process.env.YINGJI_TEST_DATABASE_URL ?? defaultAdminUrl
  project.provide('adminUrl', adminUrl)
  const admin = new pg.Client({ connectionString: adminUrl })
  try {
    await admin.connect()
  } catch (error) {
    const reason = `NO POSTGRESQL SERVER at ${adminUrl} (${(error as Error).message}): the server-database tests are SKIPPED`
    console.warn(`\n${'!'.repeat(80)}\n!! ${reason}\n${'!'.repeat(80)}\n`)
    project.provide('skipReason', reason)
    project.provide('templateDb', '')
    return async () => {}
  }
  const templateDb = `yingji_test_tpl_${process.pid}`
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb}`)
  await admin.query(`CREATE DATABASE ${templateDb}`)
  const database = await openDatabase({ databaseUrl: withDatabase(adminUrl, templateDb) })
  try {
    await prepareDatabase(database)
  } finally {
    await database.close()
  }
  project.provide('templateDb', templateDb)
  return async () => {
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb} WITH (FORCE)`).catch(() => {})
    await admin.end()
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
