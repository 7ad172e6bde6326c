/**
 * Where an embedded cold start spends its time, phase by phase, in this process: loading the
 * server's modules, opening PGlite (PostGIS + pg_trgm) in a fresh folder, migrations, the
 * Leping seed, the first admin, building the HTTP app. Baseline, measured in the same run: the
 * bare `PGlite.create` + `CREATE EXTENSION postgis` in another fresh folder.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { formatFigures, type Figure } from './lib/report.ts'

export const description = 'embedded cold start split into phases (in-process), against the PGlite + PostGIS floor'

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now()
  const result = await work()
  return [result, performance.now() - t0]
}

function tempDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `yingji-bench-${label}-`))
}

async function floor(): Promise<number> {
  const dataDir = tempDir('floor')
  try {
    const [db, ms] = await timed(async () => {
      const db = await PGlite.create({ dataDir, extensions: { postgis } })
      await db.exec('CREATE EXTENSION postgis')
      return db
    })
    await db.close()
    return ms
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function run(): Promise<void> {
  const baseline: Figure = { name: 'floor: PGlite + PostGIS', runs: [await floor()], note: 'PGlite.create in a fresh folder, CREATE EXTENSION postgis' }

  const [modules, loadMs] = await timed(async () => ({
    config: await import('../server/src/config.ts'),
    database: await import('../server/src/db/database.ts'),
    migrate: await import('../server/src/db/migrate.ts'),
    seed: await import('../server/src/modules/geo/seed.ts'),
    platform: await import('../server/src/platform.ts'),
    app: await import('../server/src/http/app.ts'),
    bootstrap: await import('../server/src/modules/auth/bootstrap.ts'),
  }))
  const dataDir = tempDir('phases')
  const figures: Figure[] = [{ name: 'load server modules', runs: [loadMs], note: 'tsx transform + import' }]
  let snapshot: Blob | undefined
  try {
    const config = { ...modules.config.loadConfig({}), dataDir, logLevel: 'silent', simulate: false }
    const [database, openMs] = await timed(() => modules.database.openDatabase({ dataDir }))
    figures.push({ name: 'open PGlite', runs: [openMs], note: 'fresh folder, PostGIS + pg_trgm loaded' })
    try {
      const [, migrateMs] = await timed(() => modules.migrate.migrate(database))
      figures.push({ name: 'migrations', runs: [migrateMs], note: 'includes CREATE EXTENSION postgis, pg_trgm' })
      const [, seedMs] = await timed(() => modules.seed.seedLeping(database.db))
      figures.push({ name: 'Leping seed', runs: [seedMs], note: 'synthesis + inserts' })
      snapshot = await database.dump!()
    } finally {
      await database.close()
    }
    // What a prepared data folder shipped with the release would cost instead of the three above.
    const snapshotDir = tempDir('snapshot')
    try {
      const [restored, restoreMs] = await timed(() => modules.database.openDatabase({ dataDir: snapshotDir, snapshot }))
      await restored.close()
      figures.push({ name: '(alternative) open from snapshot', runs: [restoreMs], note: `fresh folder from a prepared ${(snapshot!.size / 1e6).toFixed(1)} MB snapshot` })
    } finally {
      fs.rmSync(snapshotDir, { recursive: true, force: true })
    }
    // The rest as `npm start` does it, on the now-prepared folder.
    const [platform, reopenMs] = await timed(() => modules.platform.createPlatform(config))
    figures.push({ name: 'reopen prepared folder', runs: [reopenMs], note: 'createPlatform: open + migrate/seed no-ops' })
    try {
      const [, adminMs] = await timed(() => modules.bootstrap.ensureAdmin(platform))
      figures.push({ name: 'first admin', runs: [adminMs], note: 'argon2id hash + insert + audit' })
      const [app, appMs] = await timed(() => modules.app.buildApp(platform, { logger: false }))
      figures.push({ name: 'build HTTP app', runs: [appMs], note: 'plugins, routes, schemas' })
      const [, readyMs] = await timed(async () => { await app.ready() })
      figures.push({ name: 'app.ready()', runs: [readyMs], note: 'compile schemas, OpenAPI' })
      await app.close()
    } finally {
      await modules.platform.closePlatform(platform)
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  console.log(formatFigures(baseline, figures))
  console.log(`load average at the end: ${os.loadavg()[0]!.toFixed(1)} (2 cores: above 2 means other work competed)`)
}
