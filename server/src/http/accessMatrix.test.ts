/**
 * Who may call what, checked over HTTP for the whole app: (a) every /api route not declared
 * public refuses a caller without credentials; (b) a table of role × jurisdiction × route.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { FastifyInstance, RouteOptions } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from './app.ts'
import { createTestPlatform, type TestPlatform } from '../testing/platform.ts'
import { loginAs } from '../testing/session.ts'
import type { Role } from './access.ts'

// Every route of the real app, as registered: a Fastify factory that adds an onRoute observer.
const registered = vi.hoisted(() => [] as RouteOptions[])
vi.mock('fastify', async (importOriginal) => {
  const original = await importOriginal<typeof import('fastify')>()
  const observed = ((options?: object) => {
    const app = original.default(options)
    app.addHook('onRoute', (route) => { registered.push(route) })
    return app
  }) as unknown as typeof original.default
  return { ...original, default: observed }
})

/** Sample values for path parameters, so a route can be called at all. */
const sampleParams: Record<string, string> = { code: '360281', id: '00000000-0000-4000-8000-000000000000', '*': 'x' }
const concrete = (url: string) =>
  url.replace(/:([A-Za-z]+)/g, (_m, name: string) => sampleParams[name] ?? 'x').replace('*', sampleParams['*']!)

describe('access control across the whole API', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    await app.ready()
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  const protectedRoutes = () => registered
    .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.config?.access !== 'public')
    .flatMap((r) => [r.method].flat().map((method) => ({ method: String(method), url: r.url })))

  it('sees the routes of every module', () => {
    const urls = protectedRoutes().map((r) => r.url)
    expect(urls).toEqual(expect.arrayContaining(['/api/auth/me', '/api/auth/users', '/api/auth/audit', '/api/divisions/:code', '/api/geo/boundary']))
    // Declared public: health, settings, OpenAPI, login and logout.
    const publicUrls = registered.filter((r) => r.config?.access === 'public').map((r) => r.url)
    // The device ingest route authenticates devices by their own key, not users.
    // Under /public: the CAP feed, each alert's XML, the public page's data, and the receipt link in messages.
    expect(new Set(publicUrls)).toEqual(new Set(['/api/health', '/api/ui-config', '/api/openapi.json', '/api/auth/login', '/api/auth/logout', '/api/ingest/readings',
      '/public/boundary.json', '/public/cap/:identifier.xml', '/public/cap/feed.atom', '/public/warnings.json', '/public/warnings/ack/:token']))
  })

  it('answers 401 to a caller without credentials on every route not declared public', async () => {
    const answers = []
    for (const route of protectedRoutes()) {
      const res = await app.inject({ method: route.method as 'GET', url: concrete(route.url), ...(route.method === 'GET' || route.method === 'HEAD' || route.method === 'DELETE' ? {} : { payload: {} }) })
      answers.push({ ...route, status: res.statusCode })
    }
    expect(answers.length).toBeGreaterThanOrEqual(15)
    expect(answers.filter((a) => a.status !== 401)).toEqual([])
  })

  describe('by role and jurisdiction', () => {
    const callers: Record<string, { role: Role; jurisdiction?: string }> = {
      'county admin': { role: 'admin' },
      'county duty officer': { role: 'duty_officer' },
      'county commander': { role: 'commander' },
      '镇桥镇 township officer': { role: 'township', jurisdiction: '360281100' },
      '塘湖村 village officer': { role: 'village', jurisdiction: '360281100201' },
      'enterprise user': { role: 'enterprise' },
    }
    const sessions: Record<string, { cookie: string }> = {}
    beforeAll(async () => {
      for (const [name, who] of Object.entries(callers)) sessions[name] = (await loginAs(app, platform, who)).headers
    })

    const adminRoutes = ['/api/auth/users', '/api/auth/api-keys', '/api/auth/audit']
    const matrix: { who: string; url: string; status: number }[] = [
      ...Object.keys(callers).flatMap((who) => adminRoutes.map((url) => ({ who, url, status: who === 'county admin' ? 200 : 403 }))),
      ...Object.keys(callers).flatMap((who) => [
        { who, url: '/api/auth/me', status: 200 },
        { who, url: '/api/geo/boundary', status: 200 },
        { who, url: '/api/geo/rivers', status: 200 },
      ]),
      { who: '镇桥镇 township officer', url: '/api/divisions/360281100', status: 200 },
      { who: '镇桥镇 township officer', url: '/api/divisions/360281100201', status: 200 },
      { who: '镇桥镇 township officer', url: '/api/divisions/360281101', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/divisions/360281', status: 403 },
      { who: 'county duty officer', url: '/api/divisions/360281100', status: 200 },
      { who: 'county duty officer', url: '/api/divisions/360281101', status: 200 },
      { who: 'county duty officer', url: '/api/divisions/360281', status: 200 },
      { who: '塘湖村 village officer', url: '/api/divisions/360281100201', status: 200 },
      { who: '塘湖村 village officer', url: '/api/divisions/360281100', status: 403 },
      // Enterprise registry: everyone lists within their own scope; a division filter outside it is refused.
      ...Object.keys(callers).flatMap((who) => ['/api/registry/enterprises', '/api/registry/enterprises/map', '/api/registry/enterprises/template'].map((url) => ({ who, url, status: 200 }))),
      { who: '镇桥镇 township officer', url: '/api/registry/enterprises?divisionCode=360281100', status: 200 },
      { who: '镇桥镇 township officer', url: '/api/registry/enterprises?divisionCode=360281101', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/registry/enterprises/export?divisionCode=360281101', status: 403 },
      { who: 'county duty officer', url: '/api/registry/enterprises?divisionCode=360281101', status: 200 },
      { who: '塘湖村 village officer', url: '/api/registry/enterprises/map?divisionCode=360281100', status: 403 },
      // Place registries: risk points for all (enterprise users see their own), shelters for all, hazard points and experts not for enterprise users.
      ...Object.keys(callers).flatMap((who) => ['/api/registry/risk-points', '/api/registry/risk-points/map', '/api/registry/risk-lists.xlsx', '/api/registry/shelters', '/api/registry/shelters/map']
        .map((url) => ({ who, url, status: 200 }))),
      ...Object.keys(callers).flatMap((who) => ['/api/registry/hazard-points', '/api/registry/hazard-points/map', '/api/registry/hazard-points/template', '/api/registry/experts', '/api/registry/experts/export']
        .map((url) => ({ who, url, status: who === 'enterprise user' ? 403 : 200 }))),
      { who: '镇桥镇 township officer', url: '/api/registry/risk-points?divisionCode=360281100201', status: 200 },
      { who: '镇桥镇 township officer', url: '/api/registry/risk-points?divisionCode=360281401', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/registry/risk-lists.xlsx?divisionCode=360281101', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/registry/hazard-points/export?divisionCode=360281102', status: 403 },
      { who: '塘湖村 village officer', url: '/api/registry/shelters/map?divisionCode=360281100', status: 403 },
      { who: 'county commander', url: '/api/registry/experts?divisionCode=360281101', status: 200 },
      // Resources: every signed-in caller reads within their scope (enterprise users only their own rows); filters outside it are refused.
      ...Object.keys(callers).flatMap((who) => ['/api/resources/depots', '/api/resources/depots/map', '/api/resources/supplies', '/api/resources/stock',
        '/api/resources/stock/warnings', '/api/resources/movements', '/api/resources/reserves', '/api/resources/teams', '/api/resources/teams/map',
        '/api/resources/teams/certificate-warnings', '/api/resources/teams/template', '/api/resources/reserves/template'].map((url) => ({ who, url, status: 200 }))),
      { who: '镇桥镇 township officer', url: '/api/resources/depots?divisionCode=360281100201', status: 200 },
      { who: '镇桥镇 township officer', url: '/api/resources/depots?divisionCode=360281101', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/resources/stock?divisionCode=360281001', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/resources/teams/export?divisionCode=360281101', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/resources/reserves/export?divisionCode=360281101', status: 403 },
      { who: '塘湖村 village officer', url: '/api/resources/stock/warnings?divisionCode=360281100', status: 200 },
      { who: 'county duty officer', url: '/api/resources/movements?divisionCode=360281101', status: 200 },
      // Monitoring: every signed-in caller reads devices and alarms within their jurisdiction; filters outside it are refused.
      ...Object.keys(callers).flatMap((who) => ['/api/monitoring/device-types', '/api/monitoring/devices', '/api/monitoring/devices/map',
        '/api/monitoring/alarms?status=active', '/api/monitoring/lag'].map((url) => ({ who, url, status: 200 }))),
      { who: '镇桥镇 township officer', url: '/api/monitoring/devices?divisionCode=360281100201', status: 200 },
      { who: '镇桥镇 township officer', url: '/api/monitoring/devices?divisionCode=360281101', status: 403 },
      { who: '镇桥镇 township officer', url: '/api/monitoring/alarms?divisionCode=360281101', status: 403 },
      { who: 'county duty officer', url: '/api/monitoring/alarms?divisionCode=360281101', status: 200 },
      // Warnings, plans, incidents, dispatch: every signed-in caller reads within their jurisdiction.
      ...Object.keys(callers).flatMap((who) => ['/api/warnings', '/api/warnings/hazards', '/api/plans', '/api/incidents', '/api/incidents/duty/now',
        '/api/dispatch/roads', '/api/dispatch/closures'].map((url) => ({ who, url, status: 200 }))),
      // Recipients are managed by the county and townships only.
      ...Object.keys(callers).map((who) => ({ who, url: '/api/warnings/subscribers', status: ['county admin', 'county duty officer', '镇桥镇 township officer'].includes(who) ? 200 : 403 })),
    ]

    it.each(matrix)('$who: GET $url → $status', async ({ who, url, status }) => {
      const res = await app.inject({ method: 'GET', url, headers: sessions[who]! })
      expect(res.statusCode).toBe(status)
      if (status === 403) expect(res.json().error.code).toBe('forbidden')
    })

    // Resources writes: read-only roles are refused before the body is looked at.
    it.each(['county commander', '塘湖村 village officer', 'enterprise user'].flatMap((who) =>
      ['/api/resources/depots', '/api/resources/movements', '/api/resources/supplies', '/api/resources/reserves/import'].map((url) => ({ who, url }))))('$who: POST $url → 403', async ({ who, url }) => {
      const res = await app.inject({ method: 'POST', url, headers: sessions[who]!, payload: { nonsense: true } })
      expect(res.statusCode).toBe(403)
    })

    // Monitoring writes: devices by admin, duty officer, commander, department; alarms handled by admin, duty officer, commander, township.
    it.each([
      ...['塘湖村 village officer', 'enterprise user', '镇桥镇 township officer'].map((who) => ({ who, url: '/api/monitoring/devices' })),
      ...['塘湖村 village officer', 'enterprise user'].map((who) => ({ who, url: `/api/monitoring/alarms/${sampleParams.id}/acknowledge` })),
    ])('$who: POST $url → 403', async ({ who, url }) => {
      const res = await app.inject({ method: 'POST', url, headers: sessions[who]!, payload: { nonsense: true } })
      expect(res.statusCode).toBe(403)
    })

    // Approving warnings, writing plans and closing roads: refused to the roles without the duty.
    it.each([
      ...['county duty officer', '镇桥镇 township officer', '塘湖村 village officer'].map((who) => ({ who, url: `/api/warnings/${sampleParams.id}/approve` })),
      ...['county duty officer', '镇桥镇 township officer', '塘湖村 village officer', 'enterprise user'].map((who) => ({ who, url: '/api/plans' })),
      ...['镇桥镇 township officer', '塘湖村 village officer', 'enterprise user'].map((who) => ({ who, url: '/api/dispatch/closures' })),
      ...['county duty officer', '镇桥镇 township officer', '塘湖村 village officer'].map((who) => ({ who, url: `/api/incidents/${sampleParams.id}/activate` })),
    ])('$who: POST $url → 403', async ({ who, url }) => {
      const res = await app.inject({ method: 'POST', url, headers: sessions[who]!, payload: { nonsense: true } })
      expect(res.statusCode).toBe(403)
    })

    // Incident grading: any signed-in caller computes a level from facts.
    it.each([
      { url: '/api/incidents/accident-grade', payload: { deaths: 3, seriousInjuries: 0, directLossYuan: 0 } },
      { url: '/api/incidents/relief-response/suggest', payload: { deaths: 0, missing: 0, emergencyRelocated: 0, needingEmergencyAid: 0 } },
    ])('塘湖村 village officer: POST $url → 200', async ({ url, payload }) => {
      const res = await app.inject({ method: 'POST', url, headers: sessions['塘湖村 village officer']!, payload })
      expect(res.statusCode).toBe(200)
    })

    // Delivery report of a county-wide warning: township and village officers see only the recipients of their township.
    describe('delivery rows and report figures by jurisdiction', () => {
      const warningId = '00000000-0000-4000-8000-0000000000d5'
      beforeAll(async () => {
        await platform.db.execute(sql`
          INSERT INTO warnings.warnings (id, identifier, status, msg_type, hazard, level, headline, description, expires, area, area_desc, area_geom,
            division_codes, division_code, created_by, created_by_name, sent)
          VALUES (${warningId}, 'TEST-ACCESS-D5', 'issued', 'Alert', 'flood', 'orange', '全市暴雨橙色预警', '测试', now() + interval '1 day',
            '{"divisionCodes":["360281"]}'::jsonb, '乐平市', (SELECT ST_Multi(ST_Buffer(location::geography, 100)::geometry) FROM geo.divisions WHERE code = '360281100000'),
            ARRAY['360281000000'], '360281000000', ${sampleParams.id}, '测试', now() - interval '1 minute')`)
        // Two recipients in 镇桥镇 (one reached), three in 乐港镇 (all reached).
        await platform.db.execute(sql`
          INSERT INTO warnings.deliveries (warning_id, subscriber_id, channel, priority, address, township_code, status, delivered_at)
          SELECT ${warningId}, s.id, 'sms', 1, s.phone, t.code, CASE WHEN t.code = '360281100000' AND s.n = 2 THEN 'queued' ELSE 'delivered' END,
            CASE WHEN t.code = '360281100000' AND s.n = 2 THEN NULL ELSE now() END
          FROM (VALUES ('360281100000', 2), ('360281101000', 3)) AS t(code, k)
          CROSS JOIN LATERAL (SELECT id, phone, row_number() OVER (ORDER BY id) AS n FROM warnings.subscribers
            WHERE division_code LIKE substr(t.code, 1, 9) || '%' AND phone IS NOT NULL ORDER BY id LIMIT t.k) s`)
      })
      it.each([
        { who: 'county duty officer', total: 5, reached: 4, townships: ['360281100000', '360281101000'] },
        { who: 'county commander', total: 5, reached: 4, townships: ['360281100000', '360281101000'] },
        { who: '镇桥镇 township officer', total: 2, reached: 1, townships: ['360281100000'] },
        { who: '塘湖村 village officer', total: 2, reached: 1, townships: ['360281100000'] },
      ])('$who: sees $total deliveries of townships $townships', async ({ who, total, reached, townships }) => {
        const report = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/deliveries/report`, headers: sessions[who]! })
        expect(report.statusCode).toBe(200)
        const r = report.json()
        expect(r.totals).toMatchObject({ total, delivered: reached })
        expect(r.byTownship.map((t: { townshipCode: string }) => t.townshipCode)).toEqual(townships)
        expect(r.byChannel.reduce((n: number, c: { total: number }) => n + c.total, 0)).toBe(total)
        expect(r.timeline.at(-1).reached).toBe(reached)
        expect(r.scope?.townshipCode ?? null).toBe(townships.length === 1 ? townships[0] : null)
        const list = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/deliveries?pageSize=100`, headers: sessions[who]! })
        expect(list.statusCode).toBe(200)
        expect(list.json().total).toBe(total)
        expect(new Set(list.json().items.map((i: { townshipCode: string }) => i.townshipCode))).toEqual(new Set(townships))
      })
      // The audience preview follows the same rule: a county warning's share of 镇桥镇 for its officer; a county draft not at all.
      it('audience preview: the county sees everyone, 镇桥镇 only its own recipients (scope named); a county draft is not the township\'s to see', async () => {
        const audience = async (who: string, id = warningId) => app.inject({ method: 'GET', url: `/api/warnings/${id}/audience`, headers: sessions[who]! })
        const county = (await audience('county duty officer')).json()
        expect(county.scope).toBeNull()
        expect(county.byTownship.length).toBeGreaterThan(1)
        const zhenqiao = county.byTownship.find((t: { townshipCode: string }) => t.townshipCode === '360281100000')
        for (const who of ['镇桥镇 township officer', '塘湖村 village officer']) {
          const own = (await audience(who)).json()
          expect(own.scope).toEqual({ townshipCode: '360281100000', townshipName: '镇桥镇' })
          expect(own.byTownship).toEqual([zhenqiao])
          expect(own.totalPeople).toBe(zhenqiao.people)
          expect(own.totalPeople).toBeLessThan(county.totalPeople)
          expect(own.exposedPopulation.villages).toBeLessThanOrEqual(county.exposedPopulation.villages)
        }
        const draftId = '00000000-0000-4000-8000-0000000000d6'
        await platform.db.execute(sql`
          INSERT INTO warnings.warnings (id, identifier, status, msg_type, hazard, level, headline, description, expires, area, area_desc, area_geom,
            division_codes, division_code, created_by, created_by_name)
          SELECT ${draftId}, 'TEST-ACCESS-D6', 'draft', msg_type, hazard, level, headline, description, expires, area, area_desc, area_geom,
            ARRAY['360281000000', '360281100000'], division_code, created_by, created_by_name FROM warnings.warnings WHERE id = ${warningId}`)
        expect((await audience('county duty officer', draftId)).statusCode).toBe(200)
        expect((await audience('镇桥镇 township officer', draftId)).statusCode).toBe(404)
        expect((await app.inject({ method: 'GET', url: `/api/warnings/${draftId}`, headers: sessions['镇桥镇 township officer']! })).statusCode).toBe(404)
      })
      it.each(['deliveries/report', 'deliveries'])('enterprise user: GET …/%s of a warning → 403 (recipients are not theirs to see)', async (path) => {
        const res = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/${path}`, headers: sessions['enterprise user']! })
        expect(res.statusCode).toBe(403)
        expect(res.json().error.code).toBe('forbidden')
      })
    })

    it('refuses a non-admin before looking at the body of an admin write', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/users', headers: sessions['county duty officer']!, payload: { nonsense: true } })
      expect(res.statusCode).toBe(403)
    })
  })
})
