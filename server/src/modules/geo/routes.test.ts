import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'

describe('geo routes', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let township: { cookie: string }
  let village: { cookie: string }
  const get = (url: string, session: { cookie: string } | null) =>
    app.inject({ method: 'GET', url, headers: session ? { cookie: session.cookie } : {} })

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = await loginAs(app, platform, { role: 'duty_officer' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' }) // 镇桥镇
    village = await loginAs(app, platform, { role: 'village', jurisdiction: '360281100200' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  describe('GET /api/divisions/{code}', () => {
    it('gives Leping with its census population and its 20 township-level units', async () => {
      const res = await get('/api/divisions/360281', county)
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({
        code: '360281000000', name: '乐平市', level: 'county', type: '县级市', synthetic: false,
        population: 753_787, parentCode: '360200000000',
      })
      expect(body.location).toEqual({ lon: expect.closeTo(117.15, 1), lat: expect.closeTo(28.98, 1) })
      expect(body.children).toHaveLength(20)
      expect(body.children.reduce((n: number, c: { childCount: number }) => n + c.childCount, 0)).toBe(362)
      expect(body.children[0]).toEqual({ code: '360281001000', name: '洎阳街道', level: 'township', type: '街道', synthetic: true, childCount: 26 })
    })

    it.each([
      { form: '6 digits', code: '360281', expected: '360281000000' },
      { form: '9 digits', code: '360281100', expected: '360281100000' },
      { form: '12 digits', code: '360281100000', expected: '360281100000' },
      { form: '12-digit village', code: '360281001001', expected: '360281001001' },
    ])('accepts a code of $form', async ({ code, expected }) => {
      const res = await get(`/api/divisions/${code}`, county)
      expect(res.statusCode).toBe(200)
      expect(res.json().code).toBe(expected)
    })

    it('gives a township with its villages, whose populations add up to the township', async () => {
      const body = (await get('/api/divisions/360281100', county)).json()
      expect(body).toMatchObject({ name: '镇桥镇', level: 'township', type: '镇', synthetic: true, parentCode: '360281000000' })
      expect(body.children).toHaveLength(22)
      let sum = 0
      for (const child of body.children) sum += (await get(`/api/divisions/${child.code}`, county)).json().population
      expect(sum).toBe(body.population)
    })

    it('gives a village with a synthetic point and no children', async () => {
      const body = (await get('/api/divisions/360281001001', county)).json()
      expect(body).toMatchObject({ name: '友谊居委会', level: 'village', type: '居委会', synthetic: true, parentCode: '360281001000', children: [] })
      expect(body.location.lon).toBeGreaterThan(117)
      expect(body.population).toBeGreaterThan(0)
    })

    it.each(['36028', '3602811', '36028a', '360200100', '000281'])('answers 400 naming params.code for %s', async (code) => {
      const res = await get(`/api/divisions/${code}`, county)
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'invalid_division_code', field: 'params.code' })
      expect(res.json().error.message).toContain('params.code')
      expect(res.json().error.messageEn).toContain('params.code')
    })

    it('answers 404 for a well-formed code that does not exist', async () => {
      const res = await get('/api/divisions/360281100999', county)
      expect(res.statusCode).toBe(404)
      expect(res.json().error).toMatchObject({ code: 'not_found', field: 'params.code' })
    })

    it('lets a township officer see only its township and villages', async () => {
      expect((await get('/api/divisions/360281100', township)).statusCode).toBe(200)
      expect((await get('/api/divisions/360281100200', township)).statusCode).toBe(200)
      const county403 = await get('/api/divisions/360281', township)
      expect(county403.statusCode).toBe(403)
      expect(county403.json().error.message).toContain('管辖范围')
      expect((await get('/api/divisions/360281101', township)).statusCode).toBe(403)
      expect((await get('/api/divisions/360281101001', township)).statusCode).toBe(403)
    })

    it('lets a village officer see only its village', async () => {
      expect((await get('/api/divisions/360281100200', village)).statusCode).toBe(200)
      expect((await get('/api/divisions/360281100', village)).statusCode).toBe(403)
    })

    it('needs a session', async () => {
      expect((await get('/api/divisions/360281', null)).statusCode).toBe(401)
    })
  })

  describe('GET /api/divisions?q=', () => {
    it('finds 镇桥镇 by part of its name, with the path from the county', async () => {
      const res = await get(`/api/divisions?q=${encodeURIComponent('镇桥')}`, county)
      expect(res.statusCode).toBe(200)
      expect(res.json().items[0]).toEqual({ code: '360281100000', name: '镇桥镇', level: 'township', parentCode: '360281000000', path: '乐平市 / 镇桥镇' })
    })

    it('finds villages by name with their full path', async () => {
      const items = (await get(`/api/divisions?q=${encodeURIComponent('友谊居委会')}`, county)).json().items
      expect(items[0]).toMatchObject({ code: '360281001001', level: 'village', path: '乐平市 / 洎阳街道 / 友谊居委会' })
    })

    it('finds by code prefix and honours the limit', async () => {
      const items = (await get('/api/divisions?q=360281100&limit=5', county)).json().items
      expect(items).toHaveLength(5)
      expect(items[0].code).toBe('360281100000')
      expect(items.every((i: { code: string }) => i.code.startsWith('360281100'))).toBe(true)
    })

    it('searches only the caller\'s jurisdiction', async () => {
      const mine = (await get(`/api/divisions?q=${encodeURIComponent('镇')}&limit=100`, township)).json().items
      expect(mine.length).toBeGreaterThan(0)
      expect(mine.every((i: { code: string }) => i.code.startsWith('360281100'))).toBe(true)
      expect((await get(`/api/divisions?q=${encodeURIComponent('乐港')}`, township)).json().items).toEqual([])
    })

    it('treats % and _ as plain characters', async () => {
      expect((await get('/api/divisions?q=%25', county)).json().items).toEqual([])
    })

    it('answers 400 without q or with a limit out of range', async () => {
      const missing = await get('/api/divisions', county)
      expect(missing.statusCode).toBe(400)
      expect(missing.json().error.field).toBe('querystring.q')
      expect((await get('/api/divisions?q=x&limit=1000', county)).json().error.field).toBe('querystring.limit')
    })
  })

  describe('map layers', () => {
    it('gives the county boundary to every signed-in user', async () => {
      for (const session of [county, township]) {
        const res = await get('/api/geo/boundary', session)
        expect(res.statusCode).toBe(200)
        const body = res.json()
        expect(body.type).toBe('FeatureCollection')
        expect(body.features).toHaveLength(1)
        expect(body.features[0].properties).toEqual({ code: '360281000000', name: '乐平市' })
        expect(body.features[0].geometry.type).toBe('MultiPolygon')
        const ring = body.features[0].geometry.coordinates[0][0]
        expect(ring.length).toBeGreaterThan(1000)
        expect(ring[0]).toEqual(ring[ring.length - 1])
      }
      expect((await get('/api/geo/boundary', null)).statusCode).toBe(401)
    })

    it('gives the rivers, with 乐安河 named in Chinese and English', async () => {
      const body = (await get('/api/geo/rivers', township)).json()
      expect(body.features).toHaveLength(7)
      expect(body.features.every((f: { geometry: { type: string } }) => f.geometry.type === 'LineString')).toBe(true)
      expect(body.features.map((f: { properties: unknown }) => f.properties)).toContainEqual({ name: '乐安河', nameEn: "Le'an River" })
    })

    it('gives the 20 township points with populations summing to the census', async () => {
      const body = (await get('/api/geo/divisions?level=township', county)).json()
      expect(body.features).toHaveLength(20)
      const total = body.features.reduce((n: number, f: { properties: { population: number } }) => n + f.properties.population, 0)
      expect(total).toBe(753_787)
      expect(body.features[0]).toMatchObject({
        type: 'Feature',
        properties: { code: '360281001000', name: '洎阳街道', level: 'township', type: '街道', synthetic: true, parentCode: '360281000000' },
        geometry: { type: 'Point', coordinates: [117.126, 28.972] },
      })
    })

    it('gives the 362 village points to the county, and only its own to a township officer', async () => {
      expect((await get('/api/geo/divisions?level=village', county)).json().features).toHaveLength(362)
      const mine = (await get('/api/geo/divisions?level=village', township)).json().features
      expect(mine).toHaveLength(22)
      expect(mine.every((f: { properties: { parentCode: string } }) => f.properties.parentCode === '360281100000')).toBe(true)
      const townships = (await get('/api/geo/divisions?level=township', township)).json().features
      expect(townships.map((f: { properties: { name: string } }) => f.properties.name)).toEqual(['镇桥镇'])
    })

    it('answers 400 for a missing or unknown level', async () => {
      expect((await get('/api/geo/divisions', county)).statusCode).toBe(400)
      const bad = await get('/api/geo/divisions?level=county', county)
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.field).toBe('querystring.level')
    })
  })

  it('documents every geo route in OpenAPI', async () => {
    const paths = Object.keys((await get('/api/openapi.json', null)).json().paths)
    expect(paths).toEqual(expect.arrayContaining(['/api/divisions/{code}', '/api/divisions', '/api/geo/boundary', '/api/geo/rivers', '/api/geo/divisions']))
  })
})
