import { describe, expect, it } from 'vitest'
import { checkWarningArea, type Position, type WarningAreaInput } from './warningArea.ts'

const square: Position[] = [[117.1, 28.9], [117.2, 28.9], [117.2, 29.0], [117.1, 29.0], [117.1, 28.9]]
const cap = 'CAP 1.2 §3.2.4 <polygon>'

describe(`${cap}: a polygon is a closed ring of ≥ 4 WGS 84 positions that does not cross itself`, () => {
  it.each([
    { why: 'a closed square is accepted', polygon: square, ok: true },
    { why: 'unclosed (first ≠ last)', polygon: square.slice(0, 4), code: 'polygon_not_closed', field: 'area.polygon' },
    { why: '3 positions', polygon: [[117.1, 28.9], [117.2, 28.9], [117.1, 28.9]], code: 'polygon_too_few_points', field: 'area.polygon' },
    { why: 'a bow-tie crosses itself', polygon: [[117.1, 28.9], [117.2, 29.0], [117.2, 28.9], [117.1, 29.0], [117.1, 28.9]], code: 'polygon_self_intersecting', field: 'area.polygon' },
    { why: 'longitude 181', polygon: [[117.1, 28.9], [181, 28.9], [117.2, 29.0], [117.1, 28.9]], code: 'longitude_out_of_range', field: 'area.polygon[1]' },
    { why: 'latitude -91', polygon: [[117.1, 28.9], [117.2, 28.9], [117.2, -91], [117.1, 28.9]], code: 'latitude_out_of_range', field: 'area.polygon[2]' },
    { why: 'a position of three numbers', polygon: [[117.1, 28.9, 5], [117.2, 28.9], [117.2, 29], [117.1, 28.9]], code: 'position_malformed', field: 'area.polygon[0]' },
    { why: 'all positions on a line (no area)', polygon: [[117.1, 28.9], [117.2, 28.9], [117.3, 28.9], [117.1, 28.9]], code: 'polygon_degenerate', field: 'area.polygon' },
    { why: 'two distinct vertices', polygon: [[117.1, 28.9], [117.2, 28.9], [117.2, 28.9], [117.1, 28.9]], code: 'polygon_degenerate', field: 'area.polygon' },
  ])('$why', ({ polygon, ok, code, field }) => {
    const result = checkWarningArea({ polygon: polygon as Position[] })
    if (ok) expect(result).toEqual({ ok: true, area: { kind: 'polygon', ring: polygon } })
    else expect(result).toMatchObject({ ok: false, problems: [{ code, field }] })
  })
})

describe('CAP 1.2 §3.2.4 <circle>: a centre in range and a radius > 0 km', () => {
  it.each([
    { why: '2 km around a gauge', circle: { center: [117.12, 28.97], radiusKm: 2 }, ok: true },
    { why: 'radius 0', circle: { center: [117.12, 28.97], radiusKm: 0 }, code: 'circle_radius_not_positive', field: 'area.circle.radiusKm' },
    { why: 'negative radius', circle: { center: [117.12, 28.97], radiusKm: -1 }, code: 'circle_radius_not_positive', field: 'area.circle.radiusKm' },
    { why: 'a radius beyond 200 km', circle: { center: [117.12, 28.97], radiusKm: 500 }, code: 'circle_radius_too_large', field: 'area.circle.radiusKm' },
    { why: 'centre latitude 95', circle: { center: [117.12, 95], radiusKm: 1 }, code: 'latitude_out_of_range', field: 'area.circle.center' },
  ])('$why', ({ circle, ok, code, field }) => {
    const result = checkWarningArea({ circle: circle as { center: Position; radiusKm: number } })
    if (ok) expect(result).toMatchObject({ ok: true, area: { kind: 'circle', radiusKm: circle.radiusKm } })
    else expect(result).toMatchObject({ ok: false, problems: [{ code, field }] })
  })
})

describe('GB/T 2260 division codes: 6, 9 or 12 digits, normalised to 12 and deduplicated', () => {
  it('normalises and deduplicates in the order given', () => {
    expect(checkWarningArea({ divisionCodes: ['360281100', '360281100000', '360281101000'] })).toEqual({
      ok: true, area: { kind: 'divisions', divisionCodes: ['360281100000', '360281101000'] },
    })
  })
  it.each([
    { why: 'an empty list', codes: [], code: 'division_codes_empty', field: 'area.divisionCodes' },
    { why: 'a 7-digit code, named by index', codes: ['360281100', '3602811'], code: 'invalid_division_code', field: 'area.divisionCodes[1]' },
  ])('$why', ({ codes, code, field }) => {
    expect(checkWarningArea({ divisionCodes: codes })).toMatchObject({ ok: false, problems: [{ code, field }] })
  })
  it('exactly one kind of area', () => {
    expect(checkWarningArea({ divisionCodes: ['360281'], circle: { center: [117, 29], radiusKm: 1 } } as unknown as WarningAreaInput))
      .toMatchObject({ ok: false, problems: [{ code: 'area_kind', field: 'area' }] })
  })
})
