import type { Config } from './config.ts'
import { openDatabase, type Database, type Db } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { isNewDataDir, readTemplate, templateKey, templatePath, writeTemplate } from './db/template.ts'
import { createInProcessBus, type EventBus } from './modules/events/bus.ts'
import { createOutbox, type Outbox } from './modules/events/outbox.ts'
import { seedLeping } from './modules/geo/seed.ts'
import { seedSyntheticDivisionAreas } from './modules/geo/syntheticAreas.ts'
import { seedSyntheticRoads } from './modules/dispatch/seed.ts'
import { seedIncidentsDemo } from './modules/incidents/demo.ts'
import { seedPlansDemo } from './modules/plans/demo.ts'
import { seedWarningsDemo } from './modules/warnings/demo.ts'
import { seedRegistryDemo } from './modules/registry/demo.ts'
import { seedResourcesDemo } from './modules/resources/demo.ts'

/** What every module is given: configuration, the database and the event bus. */
export interface Platform {
  config: Config
  database: Database
  db: Db
  bus: EventBus
  outbox: Outbox
}

export interface PlatformOptions {
  /** Embedded: start from a snapshot instead of the data folder (tests). */
  snapshot?: Blob
  /** Keep the embedded database in memory (tests, benchmarks). */
  inMemory?: boolean
  /** Apply migrations and load Leping's data when missing (default true). */
  prepare?: boolean
}

export async function createPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  const inFolder = !config.databaseUrl && !options.inMemory && !options.snapshot
  // A new data folder starts from the prepared template when `npm install` built one.
  const snapshot = options.snapshot ?? (inFolder && config.useTemplate && isNewDataDir(config.dataDir) ? readTemplate() : undefined)
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: inFolder ? config.dataDir : undefined,
    snapshot,
    sharedBuffers: config.embeddedSharedBuffers,
  })
  try {
    if (options.prepare !== false) await prepareDatabase(database)
    const bus = createInProcessBus()
    const outbox = createOutbox(database.db, bus)
    return { config, database, db: database.db, bus, outbox }
  } catch (error) {
    await database.close()
    throw error
  }
}

/** Migrations, then the base data every deployment needs (idempotent). */
export async function prepareDatabase(database: Database): Promise<void> {
  await migrate(database)
  await seedLeping(database.db)
  // Township and village areas (Voronoi cells, synthetic) until a real source replaces them.
  await seedSyntheticDivisionAreas(database.db)
  // Demo registries for Leping (every row marked synthetic); each seed skips when data exists.
  await seedRegistryDemo(database.db)
  await seedResourcesDemo(database.db)
  await seedPlansDemo(database.db)
  // Warning recipients: responsible persons per township and village, hazard-point monitors, enterprise safety officers, public opt-ins.
  await seedWarningsDemo(database.db)
  await seedSyntheticRoads(database.db)
  // This week's duty roster (a new week gets its own at the next start).
  await seedIncidentsDemo(database.db)
}

/** Builds the prepared-database template for the current sources unless it exists; returns its path. */
export async function buildTemplate(): Promise<string> {
  const key = templateKey()
  if (readTemplate(key)) return templatePath(key)
  const database = await openDatabase({})
  try {
    await prepareDatabase(database)
    return await writeTemplate(await database.dump!(), key)
  } finally {
    await database.close()
  }
}

export async function closePlatform(platform: Platform): Promise<void> {
  await platform.outbox.stop()
  await platform.database.close()
}
