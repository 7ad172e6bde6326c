import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { divisionAreasUnder, divisionsCoveredBy, seedSyntheticDivisionAreas, syntheticAreaSource } from './syntheticAreas.ts'

describe('synthetic township and village areas (Voronoi cells clipped to the county)', () => {
  let platform: TestPlatform
  beforeAll(async () => {
    platform = await createTestPlatform()
    // prepareDatabase seeds them; seeding from scratch must give the same
    await platform.db.execute(sql`DELETE FROM geo.division_areas WHERE source = ${syntheticAreaSource}`)
    const first = await seedSyntheticDivisionAreas(platform.db)
    expect(first.townships).toBe(20)
  })
  afterAll(async () => { await platform?.close() })

  it('gives every Leping township and village with a point an area, marked synthetic', async () => {
    const [counts] = await queryRows<{ townships: number; villages: number; villagesWithPoint: number; townshipsWithPoint: number }>(platform.db, sql`
      SELECT (SELECT count(*) FROM geo.divisions WHERE level = 'township' AND location IS NOT NULL)::int AS "townshipsWithPoint",
             (SELECT count(*) FROM geo.divisions WHERE level = 'village' AND location IS NOT NULL)::int AS "villagesWithPoint",
             (SELECT count(*) FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code WHERE d.level = 'township' AND a.source = ${syntheticAreaSource})::int AS townships,
             (SELECT count(*) FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code WHERE d.level = 'village' AND a.source = ${syntheticAreaSource})::int AS villages`)
    expect(counts!.townships).toBe(counts!.townshipsWithPoint)
    expect(counts!.townships).toBe(20)
    expect(counts!.villages).toBe(counts!.villagesWithPoint)
    const features = await divisionAreasUnder(platform.db, '360281', 'township')
    expect(features.every((f) => f.synthetic && f.source === syntheticAreaSource)).toBe(true)
  })

  it('township cells tile the county: no overlap, union = the county boundary', async () => {
    const [row] = await queryRows<{ overlap: number; county: number; union: number; valid: boolean }>(platform.db, sql`
      WITH t AS (SELECT a.geometry g, a.division_code c FROM geo.division_areas a JOIN geo.divisions d ON d.code = a.division_code WHERE d.level = 'township')
      SELECT (SELECT coalesce(sum(ST_Area(ST_Intersection(x.g, y.g))), 0) FROM t x JOIN t y ON x.c < y.c AND ST_Intersects(x.g, y.g)) AS overlap,
             (SELECT ST_Area(geometry) FROM geo.division_areas WHERE division_code = '360281000000') AS county,
             (SELECT ST_Area(ST_Union(g)) FROM t) AS "union",
             (SELECT bool_and(ST_IsValid(g)) FROM t) AS valid`)
    expect(row!.valid).toBe(true)
    expect(row!.overlap / row!.county).toBeLessThan(1e-6)
    expect(Math.abs(row!.union - row!.county) / row!.county).toBeLessThan(1e-6)
  })

  it('each village cell lies within its township cell and contains the village point or its nearest part', async () => {
    const [row] = await queryRows<{ outside: number; notContaining: number }>(platform.db, sql`
      SELECT count(*) FILTER (WHERE NOT ST_Covers(ST_Buffer(ta.geometry, 1e-9), va.geometry))::int AS outside,
             count(*) FILTER (WHERE ST_Covers(ta.geometry, v.location) AND NOT ST_Covers(va.geometry, v.location))::int AS "notContaining"
      FROM geo.divisions v JOIN geo.division_areas va ON va.division_code = v.code
      JOIN geo.division_areas ta ON ta.division_code = v.parent_code WHERE v.level = 'village'`)
    expect(row).toEqual({ outside: 0, notContaining: 0 })
  })

  it('is idempotent and never replaces an area from a real source', async () => {
    await platform.db.execute(sql`UPDATE geo.division_areas SET source = 'survey' WHERE division_code = '360281100000'`)
    expect(await seedSyntheticDivisionAreas(platform.db)).toEqual({ townships: 0, villages: 0 })
    const [row] = await queryRows<{ source: string }>(platform.db, sql`SELECT source FROM geo.division_areas WHERE division_code = '360281100000'`)
    expect(row!.source).toBe('survey')
  })

  it('finds the divisions an area covers: a township area covers the township and its villages, not its neighbours', async () => {
    const covered = await divisionsCoveredBy(platform.db, sql`(SELECT geometry FROM geo.division_areas WHERE division_code = '360281100000')`)
    const townships = covered.filter((d) => d.level === 'township').map((d) => d.code)
    expect(townships).toEqual(['360281100000'])
    const villages = covered.filter((d) => d.level === 'village')
    const [own] = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM geo.divisions WHERE parent_code = '360281100000' AND location IS NOT NULL`)
    expect(villages.length).toBe(own!.n)
    expect(villages.every((v) => v.parentCode === '360281100000')).toBe(true)
  })
})
