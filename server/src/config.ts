import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** Absolute path of the repository root (server/src/config.ts → ../..). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export interface Config {
  port: number
  host: string
  /** Folder for runtime data: the embedded database and its lock. */
  dataDir: string
  /** A PostgreSQL server URL; when absent the embedded database (PGlite) is used. */
  databaseUrl: string | undefined
  /**
   * Embedded only: PostgreSQL's page cache (shared_buffers, e.g. "512MB"); unset keeps PGlite's
   * 128MB. PGlite has no operating-system cache behind it worth the name — every page it misses
   * is a read through the WebAssembly file layer — so a deployment whose hot tables outgrow the
   * cache (a county's million warning subscribers are ~330 MB with indexes) should raise it.
   */
  embeddedSharedBuffers: string | undefined
  /** Embedded only: minutes between vacuum/analyze rounds (db/maintenance.ts); 0 turns them off. */
  embeddedMaintenanceMinutes: number
  /** Initial admin password; when absent a random one is generated on first start. */
  adminPassword: string | undefined
  /** Run the simulated sensor network (later issue); `YINGJI_SIMULATE=0` turns it off. */
  simulate: boolean
  /** Optional raster tile URL template for online deployments (天地图/OSM). */
  tileUrl: string | undefined
  /** Secure cookies (HTTPS deployments). */
  secureCookies: boolean
  /** Start a new embedded data folder from the prepared template when one is built (`YINGJI_TEMPLATE=0` turns it off). */
  useTemplate: boolean
  logLevel: string
  version: string
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.YINGJI_DATA_DIR ?? path.join(repoRoot, 'data')),
    databaseUrl: env.DATABASE_URL || undefined,
    embeddedSharedBuffers: env.YINGJI_DB_SHARED_BUFFERS || undefined,
    embeddedMaintenanceMinutes: nonNegativeSetting(env.YINGJI_DB_MAINTENANCE_MINUTES, 10),
    adminPassword: env.YINGJI_ADMIN_PASSWORD || undefined,
    simulate: env.YINGJI_SIMULATE !== '0',
    tileUrl: env.YINGJI_TILE_URL || undefined,
    secureCookies: env.YINGJI_SECURE_COOKIES === '1',
    useTemplate: env.YINGJI_TEMPLATE !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    version: '0.1.0',
  }
}

/** A setting that is a non-negative number, or `fallback` when unset or not such a number. */
export function nonNegativeSetting(raw: string | undefined, fallback: number): number {
  const value = raw === undefined || raw === '' ? NaN : Number(raw)
  return Number.isFinite(value) && value >= 0 ? value : fallback
}
