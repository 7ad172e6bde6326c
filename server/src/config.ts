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
    adminPassword: env.YINGJI_ADMIN_PASSWORD || undefined,
    simulate: env.YINGJI_SIMULATE !== '0',
    tileUrl: env.YINGJI_TILE_URL || undefined,
    secureCookies: env.YINGJI_SECURE_COOKIES === '1',
    useTemplate: env.YINGJI_TEMPLATE !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    version: '0.1.0',
  }
}
