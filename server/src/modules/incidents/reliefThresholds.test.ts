import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../db/rows.ts'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs, type TestSession } from '../../testing/session.ts'

const zhenqiao = '360281100000'
/** An example county table (shape of a county plan; not Leping's verified values) */
const countyRules = {
  plan: '乐平市自然灾害救助应急预案（测试值）',
  countMissing: true,
  relocationAndAid: 'sum',
  levels: [
    { level: 2, verified: false, source: '县级预案 二级（测试）', deathsAndMissing: 5, relocatedAndNeedingAid: 1_200 },
    { level: 4, verified: false, source: '县级预案 四级（测试）', deathsAndMissing: 1, relocatedAndNeedingAid: 100, damagedRooms: 10 },
  ],
}

describe('relief response thresholds: county configuration used to grade natural disasters', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let admin: TestSession
  let duty: TestSession
  let township: TestSession

  const req = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, session: TestSession, payload?: object) =>
    app.inject({ method, url, headers: session.headers, ...(payload === undefined ? {} : { payload }) })
  const flood = async (facts: Record<string, number>) => {
    const res = await req('POST', '/api/incidents', duty, {
      category: 'natural', subtype: 'flood', title: '镇桥镇内涝', divisionCode: zhenqiao, occurredAt: new Date(Date.now() - 600_000).toISOString(),
      source: 'manual', facts,
    })
    expect(res.statusCode, res.body).toBe(201)
    return res.json<{ id: string; reliefSuggestion: Record<string, unknown> }>()
  }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    admin = await loginAs(app, platform, { role: 'admin', displayName: '系统管理员' })
    duty = await loginAs(app, platform, { role: 'duty_officer' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: zhenqiao })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('defaults to the national table with its verified marks and sources', async () => {
    const res = await req('GET', '/api/incidents/relief-response/thresholds', duty)
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ countyCode: '360281000000', origin: 'national', updatedBy: null })
    expect(body.rules.levels.map((l: { verified: boolean }) => l.verified)).toEqual([true, false, false, false])
    const small = await flood({ deaths: 3, missing: 1, evacuated: 150 })
    expect(small.reliefSuggestion).toMatchObject({ level: null })
  })

  it('an admin’s county table changes the suggestion of every natural disaster in the county, with the reason; audited', async () => {
    const before = await flood({ deaths: 3, missing: 2 })
    expect(before.reliefSuggestion).toMatchObject({ level: null })

    const put = await req('PUT', '/api/incidents/relief-response/thresholds', admin, countyRules)
    expect(put.statusCode, put.body).toBe(200)
    expect(put.json()).toMatchObject({ origin: 'county', updatedBy: '系统管理员', rules: { plan: countyRules.plan } })

    // the same incident, read again, is graded by the county table
    const again = await req('GET', `/api/incidents/${before.id}`, duty)
    expect(again.json().reliefSuggestion).toMatchObject({ level: 2, name: '二级响应', plan: countyRules.plan, source: '县级预案 二级（测试）', verified: false })
    expect(again.json().reliefSuggestion.reason).toContain('死亡和失踪5人，达到5人以上')
    expect(again.json().reliefSuggestion.reason).toContain(countyRules.plan)

    const created = await flood({ damagedRooms: 12 })
    expect(created.reliefSuggestion).toMatchObject({ level: 4, source: '县级预案 四级（测试）' })
    const suggestions = await req('GET', `/api/incidents/${created.id}/suggestions`, duty)
    expect(suggestions.json().reliefResponse).toMatchObject({ level: 4, plan: countyRules.plan })
    const direct = await req('POST', '/api/incidents/relief-response/suggest', duty, { deaths: 1, missing: 0, emergencyRelocated: 0, needingEmergencyAid: 0 })
    expect(direct.json()).toMatchObject({ level: 4, plan: countyRules.plan })

    const audit = await queryRows<{ action: string; entity_id: string }>(platform.db, sql`SELECT action, entity_id FROM auth.audit_log WHERE action LIKE 'relief_thresholds.%'`)
    expect(audit).toEqual([{ action: 'relief_thresholds.update', entity_id: '360281000000' }])

    const reset = await req('DELETE', '/api/incidents/relief-response/thresholds', admin)
    expect(reset.json()).toMatchObject({ origin: 'national' })
    expect((await req('GET', `/api/incidents/${before.id}`, duty)).json().reliefSuggestion).toMatchObject({ level: null })
  })

  it('bad tables are refused with 400 naming the field; only an admin may set them', async () => {
    const bad = async (body: object, field: string) => {
      const res = await req('PUT', '/api/incidents/relief-response/thresholds', admin, body)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.field).toBe(field)
    }
    await bad({ ...countyRules, levels: [{ ...countyRules.levels[0], deathsAndMissing: -5 }] }, 'body.levels.0.deathsAndMissing')
    await bad({ ...countyRules, levels: [countyRules.levels[1], countyRules.levels[0]] }, 'body.levels.1.level')
    await bad({ ...countyRules, levels: [countyRules.levels[0], { ...countyRules.levels[1], deathsAndMissing: 5 }] }, 'body.levels.1.deathsAndMissing')
    await bad({ ...countyRules, levels: [{ level: 3, verified: false, source: 'x', droughtAidShare: 1.5 }] }, 'body.levels.0.droughtAidShare')
    await bad({ ...countyRules, countyCode: '360281100000' }, 'body.countyCode')
    const missing = await req('PUT', '/api/incidents/relief-response/thresholds', admin, { ...countyRules, plan: undefined })
    expect(missing.statusCode).toBe(400)
    expect(missing.json().error.field).toContain('plan')

    expect((await req('PUT', '/api/incidents/relief-response/thresholds', duty, countyRules)).statusCode).toBe(403)
    expect((await req('PUT', '/api/incidents/relief-response/thresholds', township, countyRules)).statusCode).toBe(403)
    expect((await req('GET', '/api/incidents/relief-response/thresholds', admin)).json().origin).toBe('national')
    // a township officer reads the table of their own county, not another one
    expect((await req('GET', '/api/incidents/relief-response/thresholds', township)).statusCode).toBe(200)
    expect((await req('GET', '/api/incidents/relief-response/thresholds?countyCode=360203000000', township)).statusCode).toBe(403)
  })
})
