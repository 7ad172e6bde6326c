import type { Config } from './config.ts'
import { openDatabase, type Database, type Db } from './db/database.ts'
import { migrate } from './db/migrate.ts'
import { createInProcessBus, type EventBus } from './modules/events/bus.ts'
import { createOutbox, type Outbox } from './modules/events/outbox.ts'
import { seedLeping } from './modules/geo/seed.ts'
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
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    dataDir: options.inMemory || options.snapshot ? undefined : config.dataDir,
    snapshot: options.snapshot,
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
  // Demo registries for Leping (every row marked synthetic); each seed skips when data exists.
  await seedRegistryDemo(database.db)
  await seedResourcesDemo(database.db)
}

export async function closePlatform(platform: Platform): Promise<void> {
  await platform.outbox.stop()
  await platform.database.close()
}
