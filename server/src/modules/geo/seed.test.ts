import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { findAuditEntries } from '../auth/audit.ts'
import { seedLeping } from './seed.ts'

const rowsOf = async (platform: TestPlatform, query: ReturnType<typeof sql>) =>
  ((await platform.db.execute(query)) as unknown as { rows: Record<string, unknown>[] }).rows

interface LevelRow { level: string; n: number; population: number; synthetic: boolean; located: number }

async function levels(platform: TestPlatform): Promise<Record<string, LevelRow>> {
  const rows = await rowsOf(platform, sql`
    SELECT level, count(*)::int AS n, sum(population)::int AS population, bool_and(synthetic) AS synthetic,
           count(location)::int AS located
    FROM geo.divisions WHERE code LIKE '360281%' GROUP BY level`)
  return Object.fromEntries((rows as unknown as LevelRow[]).map((r) => [r.level, r]))
}

describe('seedLeping', () => {
  let platform: TestPlatform
  beforeAll(async () => { platform = await createTestPlatform() })
  afterAll(async () => { await platform?.close() })

  it('has loaded Leping: 1 county, 20 townships, 362 villages, each level adding up to 753,787', async () => {
    expect(await levels(platform)).toEqual({
      county: { level: 'county', n: 1, population: 753_787, synthetic: false, located: 1 },
      township: { level: 'township', n: 20, population: 753_787, synthetic: true, located: 20 },
      village: { level: 'village', n: 362, population: 753_787, synthetic: true, located: 362 },
    })
  })

  it('stores a valid boundary of about 1,980 km² that contains every point', async () => {
    const rows = await rowsOf(platform, sql`
      SELECT ST_IsValid(a.geometry) AS valid, round(ST_Area(a.geometry::geography) / 1e6)::int AS km2,
             (SELECT count(*)::int FROM geo.divisions d WHERE d.location IS NOT NULL AND NOT ST_Covers(a.geometry, d.location)) AS outside
      FROM geo.division_areas a WHERE a.division_code = '360281000000'`)
    expect(rows).toEqual([{ valid: true, km2: 1982, outside: 0 }])
  })

  it('does nothing when Leping is already there', async () => {
    expect(await seedLeping(platform.db)).toEqual({ loaded: false, divisions: 0 })
    expect((await levels(platform)).village!.n).toBe(362)
  })

  it('loads again, identically, after Leping was removed, and audits it as a system write', async () => {
    const before = await rowsOf(platform, sql`SELECT code, population, ST_AsText(location) AS location FROM geo.divisions ORDER BY code`)
    await platform.db.execute(sql`DELETE FROM geo.divisions WHERE code LIKE '360281%'`)
    expect(await seedLeping(platform.db)).toEqual({ loaded: true, divisions: 383 })
    const after = await rowsOf(platform, sql`SELECT code, population, ST_AsText(location) AS location FROM geo.divisions ORDER BY code`)
    expect(after).toEqual(before)
    expect(await rowsOf(platform, sql`SELECT count(*)::int AS n FROM geo.rivers`)).toEqual([{ n: 7 }])
    const [entry] = await findAuditEntries(platform.db, { entity: 'division', entityId: '360281000000', limit: 1 })
    expect(entry).toMatchObject({ action: 'division.seed', actor: { kind: 'system' }, after: { townships: 20, villages: 362 } })
  })
})
