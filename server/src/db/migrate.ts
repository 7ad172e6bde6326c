import fs from 'node:fs'
import path from 'node:path'
import { repoRoot } from '../config.ts'
import { sql } from 'drizzle-orm'
import type { Database } from './database.ts'

/**
 * Migrations are plain SQL files per module in `server/migrations/<module>/NNNN_name.sql`,
 * committed and read in review. Modules are migrated in this order (a later module may
 * reference an earlier one's tables, never the reverse).
 */
export const migrationOrder = ['core', 'geo', 'auth', 'events', 'registry', 'resources', 'monitoring', 'warnings', 'plans', 'incidents', 'dispatch'] as const

export const migrationsRoot = path.join(repoRoot, 'server', 'migrations')

export interface MigrationFile {
  module: string
  name: string
  sql: string
}

export function listMigrations(root = migrationsRoot): MigrationFile[] {
  const files: MigrationFile[] = []
  const known = new Set<string>(migrationOrder)
  for (const dir of fs.readdirSync(root)) {
    if (!known.has(dir)) throw new Error(`migrations/${dir} is not in migrationOrder`)
  }
  for (const module of migrationOrder) {
    const dir = path.join(root, module)
    if (!fs.existsSync(dir)) continue
    for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort()) {
      files.push({ module, name, sql: fs.readFileSync(path.join(dir, name), 'utf8') })
    }
  }
  return files
}

/** Applies every migration not yet applied, each in its own transaction. Returns the keys applied. */
export async function migrate(database: Database, root = migrationsRoot): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS public.schema_migrations (
    module text NOT NULL, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (module, name))`)
  // `Db` spans two drivers, so Drizzle cannot type `execute`; both answer `{rows}`.
  const rows = (await database.db.execute(sql`SELECT module || '/' || name AS key FROM public.schema_migrations`)) as unknown as { rows: { key: string }[] }
  const done = new Set(rows.rows.map((r) => r.key))
  const applied: string[] = []
  for (const m of listMigrations(root)) {
    const key = `${m.module}/${m.name}`
    if (done.has(key)) continue
    // Names come from our own folder; the pattern keeps the literal below safe to inline.
    if (!/^[a-z0-9_]+\/[A-Za-z0-9_.-]+$/.test(key)) throw new Error(`bad migration name ${key}`)
    // One exec = one round trip on one connection, so BEGIN/COMMIT wrap exactly this file.
    try {
      await database.exec(`BEGIN;\n${m.sql}\n;INSERT INTO public.schema_migrations (module, name) VALUES ('${m.module}', '${m.name}');\nCOMMIT;`)
    } catch (error) {
      await database.exec('ROLLBACK').catch(() => {})
      throw new Error(`migration ${key} failed: ${(error as Error).message}`, { cause: error })
    }
    applied.push(key)
  }
  return applied
}
