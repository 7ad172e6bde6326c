import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { postgis } from '@electric-sql/pglite-postgis'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import pg from 'pg'
import { AppError } from '../http/errors.ts'

/** The one query layer: Drizzle over either PGlite or node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT>
/** A transaction handle has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
/** Either the database or an open transaction: what query functions accept. */
export type Queryable = Db | Tx

export type DatabaseKind = 'embedded' | 'postgres'

export interface Database {
  kind: DatabaseKind
  db: Db
  /** Runs SQL text that may hold several statements (migrations, seeds). */
  exec(sqlText: string): Promise<void>
  /** Embedded only: a gzipped tarball of the data directory (test snapshots). */
  dump?(): Promise<Blob>
  close(): Promise<void>
}

export interface OpenOptions {
  /** PostgreSQL server URL; when absent an embedded database is opened. */
  databaseUrl?: string | undefined
  /** Embedded: the data folder; `undefined` keeps the database in memory. */
  dataDir?: string | undefined
  /** Embedded: start from a snapshot made by `dump()`. */
  snapshot?: Blob | undefined
  /** Embedded: shared_buffers ("512MB"); PGlite's 128MB when absent. */
  sharedBuffers?: string | undefined
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.databaseUrl ? openServer(options.databaseUrl) : openEmbedded(options)
}

async function openServer(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection the server ends (restart, DROP DATABASE … FORCE) emits 'error' on the
  // pool; unhandled, that would crash the process. The pool replaces it on the next query.
  pool.on('error', (error) => { console.warn(`PostgreSQL idle connection lost: ${error.message}`) })
  // Fail fast with a clear message rather than on the first request.
  try {
    const client = await pool.connect()
    client.release()
  } catch (error) {
    await pool.end()
    throw new AppError('unavailable', 'database_unreachable', `无法连接数据库：${(error as Error).message}`,
      `Cannot connect to the database: ${(error as Error).message}`)
  }
  const db = drizzlePg(pool) as unknown as Db
  return {
    kind: 'postgres',
    db,
    exec: async (sqlText) => { await pool.query(sqlText) },
    close: () => pool.end(),
  }
}

async function openEmbedded({ dataDir, snapshot, sharedBuffers }: OpenOptions): Promise<Database> {
  if (sharedBuffers !== undefined && !/^[1-9][0-9]*(kB|MB|GB)$/.test(sharedBuffers)) {
    throw new Error(`YINGJI_DB_SHARED_BUFFERS 应为如 512MB 的大小 · must be a size such as 512MB: ${sharedBuffers}`)
  }
  const lock = dataDir ? acquireDataDirLock(dataDir) : undefined
  try {
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(snapshot ? { loadDataDir: snapshot } : {}),
      extensions: { postgis, pg_trgm },
      ...(sharedBuffers ? { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`] } : {}),
    })
    // A new WAL segment gets its size from one write at its end instead of 16 MB of zeros page
    // by page (PostgreSQL docs, wal_init_zero): PGlite's files grow by copying, so zero-filling
    // cost about a tenth of the embedded ingest's database time. Recovery relies on the WAL
    // records' checksums either way.
    await client.exec('SET wal_init_zero = off')
    const db = drizzlePglite(client) as unknown as Db
    return {
      kind: 'embedded',
      db,
      exec: async (sqlText) => { await client.exec(sqlText) },
      dump: async () => (await client.dumpDataDir('gzip')) as Blob,
      close: async () => {
        await client.close()
        lock?.release()
      },
    }
  } catch (error) {
    lock?.release()
    throw error
  }
}

/**
 * PGlite is single-process: two processes on one data folder corrupt it. A pid file in the
 * folder makes a second opener (a CLI while the server runs) stop with a clear message.
 */
function acquireDataDirLock(dataDir: string): { release(): void } {
  fs.mkdirSync(dataDir, { recursive: true })
  const lockFile = path.join(dataDir, 'yingji.pid')
  if (fs.existsSync(lockFile)) {
    const pid = Number(fs.readFileSync(lockFile, 'utf8'))
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new AppError('conflict', 'data_dir_in_use',
        `数据目录 ${dataDir} 正被进程 ${pid} 使用（内嵌数据库只允许一个进程）。请先停止该进程，或通过 API 操作。`,
        `The data folder ${dataDir} is in use by process ${pid} (the embedded database allows one process only). Stop that process first, or use the API.`)
    }
  }
  fs.writeFileSync(lockFile, String(process.pid))
  return {
    release() {
      try {
        if (Number(fs.readFileSync(lockFile, 'utf8')) === process.pid) fs.unlinkSync(lockFile)
      } catch { /* already gone */ }
    },
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
