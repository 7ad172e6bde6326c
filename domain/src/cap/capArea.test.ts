import { describe, expect, it } from 'vitest'
import { formatCapCircle, formatCapPolygon, parseCapCircle, parseCapPolygon, type LonLat } from './capArea.ts'

describe('CAP polygon: "lat,lon" pairs, GeoJSON [lon, lat] positions', () => {
  const ring: LonLat[] = [[117.2101, 29.0402], [117.2205, 29.0402], [117.2205, 29.0483], [117.2101, 29.0483], [117.2101, 29.0402]]

  it('writes latitude first and reads it back into GeoJSON order', () => {
    const text = formatCapPolygon(ring)
    expect(text).toBe('29.0402,117.2101 29.0402,117.2205 29.0483,117.2205 29.0483,117.2101 29.0402,117.2101')
    expect(parseCapPolygon(text)).toEqual({ ok: true, value: ring })
  })

  it('rounds to six decimals (about 0.1 m) and never writes exponents', () => {
    expect(formatCapPolygon([[117.123456789, 0.0000001], [117.2, 29], [117.2, 29.1], [117.123456789, 0.0000001]])).toBe('0,117.123457 29,117.2 29.1,117.2 0,117.123457')
  })

  it.each([
    { why: 'three points', text: '29,117 29.1,117 29,117', code: 'polygon_too_few_points' },
    { why: 'first ≠ last', text: '29,117 29.1,117 29.1,117.1 29,117.1', code: 'polygon_not_closed' },
    { why: 'a bow tie', text: '29,117 29.1,117.1 29.1,117 29,117.1 29,117', code: 'polygon_self_intersecting' },
    { why: 'longitude first by mistake', text: '117,29 117.1,29 117.1,29.1 117,29', code: 'latitude_out_of_range' },
    { why: 'a space after the comma', text: '29, 117 29.1,117 29.1,117.1 29,117', code: 'polygon_malformed' },
  ])('refuses $why', ({ text, code }) => {
    expect(parseCapPolygon(text)).toMatchObject({ ok: false, problem: { code } })
  })
})

describe('CAP circle: "lat,lon radius" in kilometres', () => {
  it.each([
    { text: '28.9621,117.1291 5', circle: { lat: 28.9621, lon: 117.1291, radiusKm: 5 } },
    { text: '32.9525,-115.5527 0', circle: { lat: 32.9525, lon: -115.5527, radiusKm: 0 }, why: 'the spec’s example form, a point' },
  ])('$text', ({ text, circle }) => {
    expect(parseCapCircle(text)).toEqual({ ok: true, value: circle })
    expect(formatCapCircle(circle)).toBe(text)
  })

  it.each([
    { text: '28.96,117.13', code: 'circle_malformed' },
    { text: '28.96,117.13 -1', code: 'circle_negative_radius' },
    { text: '98.96,117.13 1', code: 'latitude_out_of_range' },
  ])('refuses $text', ({ text, code }) => {
    expect(parseCapCircle(text)).toMatchObject({ ok: false, problem: { code } })
  })
})
