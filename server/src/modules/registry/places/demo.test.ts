import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { seedPlacesDemo } from './demo.ts'

describe('Leping demo data of the place registries (prepared test database)', () => {
  let platform: TestPlatform
  const rows = <T>(query: ReturnType<typeof sql>) => queryRows<T>(platform.db, query)
  beforeAll(async () => { platform = await createTestPlatform() })
  afterAll(async () => { await platform?.close() })

  it('holds about 40 risk points, 52 hazard points (12 in 镇桥镇), 70 shelters and 20 experts, all synthetic', async () => {
    const [counts] = await rows<Record<string, number>>(sql`SELECT
      (SELECT count(*) FROM registry.risk_points WHERE synthetic)::int AS risk,
      (SELECT count(*) FROM registry.hazard_points WHERE synthetic)::int AS hazard,
      (SELECT count(*) FROM registry.shelters WHERE synthetic)::int AS shelters,
      (SELECT count(*) FROM registry.experts WHERE synthetic)::int AS experts,
      (SELECT count(*) FROM registry.risk_points WHERE NOT synthetic)::int
        + (SELECT count(*) FROM registry.hazard_points WHERE NOT synthetic)::int
        + (SELECT count(*) FROM registry.shelters WHERE NOT synthetic)::int
        + (SELECT count(*) FROM registry.experts WHERE NOT synthetic)::int AS real`)
    expect(counts).toEqual({ risk: 40, hazard: 52, shelters: expect.any(Number), experts: 20, real: 0 })
    expect(counts!.shelters).toBeGreaterThanOrEqual(60)
    expect(counts!.shelters).toBeLessThanOrEqual(75)
  })

  it('has all four colours, and risk points of demo enterprises in the industrial park', async () => {
    const colours = await rows<{ colour: string }>(sql`SELECT DISTINCT colour FROM registry.risk_points ORDER BY colour`)
    expect(colours.map((c) => c.colour)).toEqual(['blue', 'orange', 'red', 'yellow'])
    const [tied] = await rows<{ n: number; park: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE division_code LIKE '360281401%')::int AS park
      FROM registry.risk_points r WHERE enterprise_id IN (SELECT id FROM registry.enterprises)`)
    expect(tied!.n).toBeGreaterThan(10)
    expect(tied!.park).toBeGreaterThan(0)
  })

  it('puts hazard points in villages of the hilly townships and of 镇桥镇, within about 2 km of the village point', async () => {
    const far = await rows<{ name: string }>(sql`
      SELECT h.name FROM registry.hazard_points h JOIN geo.divisions d ON d.code = h.division_code
      WHERE d.level <> 'village' OR ST_DistanceSphere(h.location, d.location) > 2000
        OR left(h.division_code, 9) NOT IN ('360281100', '360281102', '360281105', '360281108', '360281109', '360281113', '360281114', '360281103', '360281112')`)
    expect(far).toEqual([])
  })

  it('gives each township seat three shelters (schools, a hall) of 1,700–3,600 places', async () => {
    const seats = await rows<{ code: string; n: number; places: number }>(sql`
      SELECT division_code AS code, count(*)::int AS n, sum(capacity)::int AS places FROM registry.shelters WHERE level = 'township' GROUP BY 1`)
    expect(seats.length).toBeGreaterThanOrEqual(18)
    for (const seat of seats) {
      expect(seat.n).toBe(3)
      expect(seat.places).toBeGreaterThanOrEqual(1700)
      expect(seat.places).toBeLessThanOrEqual(3600)
    }
  })

  it('gives shelter capacities between 100 and 2,000', async () => {
    const [range] = await rows<{ min: number; max: number }>(sql`SELECT min(capacity) AS min, max(capacity) AS max FROM registry.shelters`)
    expect(range).toEqual({ min: expect.any(Number), max: 2000 })
    expect(range!.min).toBeGreaterThanOrEqual(100)
  })

  it('is deterministic, and a second run adds nothing', async () => {
    const before = await rows<{ id: string; name: string }>(sql`SELECT id, name FROM registry.hazard_points ORDER BY id`)
    await seedPlacesDemo(platform.db)
    expect(await rows(sql`SELECT id, name FROM registry.hazard_points ORDER BY id`)).toEqual(before)
    await platform.db.execute(sql`DELETE FROM registry.hazard_points`)
    await seedPlacesDemo(platform.db)
    expect(await rows(sql`SELECT id, name FROM registry.hazard_points ORDER BY id`)).toEqual(before)
  })
})
