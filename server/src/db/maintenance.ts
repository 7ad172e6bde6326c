/**
 * Vacuum and analyze for the embedded database. PGlite runs PostgreSQL in single-user mode,
 * which has no autovacuum launcher: without this, dead rows (every delivery status change,
 * every alarm update) would never be reclaimed and tables filled after the template was made
 * (readings, deliveries) would never get planner statistics. This loop does what autovacuum
 * would, by its own rules and PostgreSQL's default settings (documentation, "The Autovacuum
 * Daemon"): a table is vacuumed when its dead rows exceed 50 + 20 % of its rows, or its rows
 * inserted since the last vacuum exceed 1000 + 20 %; analyzed when its rows changed since the
 * last analyze exceed 50 + 10 %, or it was never analyzed. A PostgreSQL server runs its own
 * autovacuum; this is not started there.
 *
 * PGlite keeps the activity counters in memory only, so after a restart a table waits for new
 * changes; never-analyzed tables are caught by `pg_class.reltuples` (−1) instead.
 */
import { sql } from 'drizzle-orm'
import type { Database, Queryable } from './database.ts'
import { queryRows } from './rows.ts'

export interface MaintenanceNeed {
  /** schema.table, quoted for SQL */
  table: string
  vacuum: boolean
  analyze: boolean
}

/** PostgreSQL's defaults (autovacuum_*_threshold and *_scale_factor). */
const thresholds = { vacuum: 50, vacuumScale: 0.2, insert: 1000, insertScale: 0.2, analyze: 50, analyzeScale: 0.1 }

/** Ordinary tables (and partitions) that autovacuum would vacuum or analyze now. */
export async function maintenanceNeeds(q: Queryable): Promise<MaintenanceNeed[]> {
  // This session's own counts reach the shared statistics at most once a second: now, instead.
  await q.execute(sql`SELECT pg_stat_force_next_flush()`)
  const rows = await queryRows<{ name: string; vacuum: boolean; analyze: boolean }>(q, sql`
    SELECT format('%I.%I', s.schemaname, s.relname) AS name,
      (s.n_dead_tup > ${thresholds.vacuum} + ${thresholds.vacuumScale} * greatest(c.reltuples, 0)
        OR s.n_ins_since_vacuum > ${thresholds.insert} + ${thresholds.insertScale} * greatest(c.reltuples, 0)) AS vacuum,
      (c.reltuples < 0 OR s.n_mod_since_analyze > ${thresholds.analyze} + ${thresholds.analyzeScale} * greatest(c.reltuples, 0)) AS analyze
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE c.relkind = 'r'
    ORDER BY s.schemaname, s.relname`)
  return rows.filter((r) => r.vacuum || r.analyze).map((r) => ({ table: r.name, vacuum: r.vacuum, analyze: r.analyze }))
}

/** One round: VACUUM (ANALYZE) or ANALYZE each table that needs it; returns what was done. */
export async function runMaintenance(q: Queryable): Promise<MaintenanceNeed[]> {
  const needs = await maintenanceNeeds(q)
  for (const need of needs) {
    // VACUUM cannot run inside a transaction block: each statement on its own.
    await q.execute(sql.raw(need.vacuum ? `VACUUM (ANALYZE) ${need.table}` : `ANALYZE ${need.table}`))
  }
  return needs
}

/**
 * Runs `runMaintenance` now and every `intervalMs` on an embedded database (a no-op handle on a
 * server, or when `intervalMs` is 0). Rounds never overlap; a failure is logged and retried at
 * the next round.
 */
export function startEmbeddedMaintenance(database: Database, intervalMs: number, log: (message: string, error?: unknown) => void = console.warn): { stop(): Promise<void> } {
  if (database.kind !== 'embedded' || intervalMs <= 0) return { stop: async () => {} }
  let running: Promise<void> | null = null
  let stopped = false
  const round = () => {
    if (running || stopped) return
    running = runMaintenance(database.db)
      .then(() => undefined, (error: unknown) => { log('数据库维护失败 Database maintenance failed', error) })
      .finally(() => { running = null })
  }
  const timer = setInterval(round, intervalMs).unref()
  round()
  return {
    stop: async () => {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
