import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../testing/platform.ts'
import { maintenanceNeeds, runMaintenance, startEmbeddedMaintenance } from './maintenance.ts'
import { queryRows } from './rows.ts'

// PGlite has no autovacuum (single-user mode); a PostgreSQL server runs its own.
describe.skipIf(inject('dbMode') === 'postgres')('embedded vacuum and analyze (数据库维护)', () => {
  let platform: TestPlatform
  const stats = async (table: string) => (await queryRows<{ dead: number; vacuumed: boolean; analyzed: boolean; reltuples: number }>(platform.db, sql`
    SELECT s.n_dead_tup::int AS dead, s.last_vacuum IS NOT NULL AS vacuumed, s.last_analyze IS NOT NULL AS analyzed, c.reltuples::float8 AS reltuples
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.schemaname = 'public' AND s.relname = ${table}`))[0]!
  beforeAll(async () => { platform = await createTestPlatform() })
  afterAll(async () => { await platform?.close() })

  it('vacuums a table whose dead rows pass 50 + 20 % of its rows, and analyzes one never analyzed', async () => {
    await platform.db.execute(sql`CREATE TABLE public.churn (id int PRIMARY KEY, v int)`)
    await platform.db.execute(sql`INSERT INTO public.churn SELECT g, g FROM generate_series(1, 5000) g`)
    // 5,000 rows inserted, never vacuumed: vacuumed (insert threshold 1,000) and analyzed
    expect((await runMaintenance(platform.db)).find((n) => n.table === 'public.churn')).toEqual({ table: 'public.churn', vacuum: true, analyze: true })
    await platform.db.execute(sql`CREATE TABLE public.fresh (id int)`)
    await platform.db.execute(sql`INSERT INTO public.fresh SELECT generate_series(1, 10)`)
    // 1,000 dead rows: analyze needs > 50 + 0.1 × 5,000 = 550 changes, vacuum > 50 + 0.2 × 5,000 = 1,050 dead rows
    await platform.db.execute(sql`DELETE FROM public.churn WHERE id <= 1000`)
    expect((await maintenanceNeeds(platform.db)).find((n) => n.table === 'public.churn')).toEqual({ table: 'public.churn', vacuum: false, analyze: true })
    await platform.db.execute(sql`DELETE FROM public.churn WHERE id <= 1100`)
    const needs = await maintenanceNeeds(platform.db)
    expect(needs.find((n) => n.table === 'public.churn')).toEqual({ table: 'public.churn', vacuum: true, analyze: true })
    expect(needs.find((n) => n.table === 'public.fresh')).toMatchObject({ analyze: true })

    const done = await runMaintenance(platform.db)
    expect(done.map((n) => n.table)).toEqual(expect.arrayContaining(['public.churn', 'public.fresh']))
    expect(await stats('churn')).toMatchObject({ dead: 0, vacuumed: true, analyzed: true, reltuples: 3900 })
    expect(await stats('fresh')).toMatchObject({ analyzed: true, reltuples: 10 })
    const after = (await maintenanceNeeds(platform.db)).map((n) => n.table)
    expect(after).not.toContain('public.churn')
    expect(after).not.toContain('public.fresh')
  })

  it('runs a round at start and then on its interval, never two at once; 0 turns it off', async () => {
    await platform.db.execute(sql`CREATE TABLE public.later (id int)`)
    const loop = startEmbeddedMaintenance(platform.database, 60_000)
    await loop.stop() // waits for the round it started
    expect(await stats('later')).toMatchObject({ analyzed: true })
    await platform.db.execute(sql`CREATE TABLE public.off (id int)`)
    await startEmbeddedMaintenance(platform.database, 0).stop()
    expect(await stats('off')).toMatchObject({ analyzed: false })
  })
})
