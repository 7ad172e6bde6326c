import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'

const dayInChina = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)

describe('rescue teams (救援队伍) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: { cookie: string }
  let zhenqiao: { cookie: string }
  let legang: { cookie: string }
  let enterprise: { cookie: string }
  let enterpriseId: string
  let teamId: string

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    zhenqiao = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
    enterpriseId = '11111111-2222-4333-8444-555555555555'
    enterprise = (await loginAs(app, platform, { role: 'enterprise', jurisdiction: '360281401', enterpriseId })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('registers a team with capabilities and equipment, searchable by the hazard it handles', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/resources/teams', headers: zhenqiao,
      payload: {
        name: '镇桥镇测试抢险队', type: 'flood', level: 'township', divisionCode: '360281100', leaderName: '赵六', leaderPhone: '13700000000',
        headcount: 25, capabilities: ['flood', 'waterlogging'], equipment: [{ name: '冲锋舟', quantity: 2 }, { name: '救生衣', quantity: 50 }],
      },
    })
    expect(res.statusCode).toBe(201)
    teamId = res.json().id
    expect(res.json()).toMatchObject({ status: 'ready', divisionName: '镇桥镇', capabilities: ['flood', 'waterlogging'], memberCount: 0 })
    const byHazard = (await app.inject({ method: 'GET', url: '/api/resources/teams?capability=waterlogging&q=测试', headers: county })).json()
    expect(byHazard.items.map((t: { id: string }) => t.id)).toEqual([teamId])
    const none = (await app.inject({ method: 'GET', url: '/api/resources/teams?capability=hazmat&q=测试', headers: county })).json()
    expect(none.total).toBe(0)
  })

  it('changes readiness (待命 → 出动), audited as a status change, shown on the map', async () => {
    const res = await app.inject({ method: 'PATCH', url: `/api/resources/teams/${teamId}`, headers: zhenqiao, payload: { status: 'deployed' } })
    expect(res.statusCode).toBe(200)
    expect(res.json().status).toBe('deployed')
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${teamId} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['team.create', 'team.status'])
    const map = (await app.inject({ method: 'GET', url: '/api/resources/teams/map?status=deployed', headers: county })).json()
    expect(map.features.find((f: { properties: { id: string } }) => f.properties.id === teamId).properties).toMatchObject({ type: 'flood', status: 'deployed', headcount: 25 })
  })

  it('keeps members with certificates and flags those expiring within 60 days or expired', async () => {
    const add = (payload: object) => app.inject({ method: 'POST', url: `/api/resources/teams/${teamId}/members`, headers: zhenqiao, payload })
    const soon = dayInChina(20)
    const gone = dayInChina(-5)
    const far = dayInChina(400)
    const a = await add({ name: '钱七', skills: ['冲锋舟驾驶'], certificates: [{ name: '内河船舶驾驶证', number: 'JX-001', expiresOn: soon }, { name: '急救员证', expiresOn: far }] })
    expect(a.statusCode).toBe(201)
    expect(a.json().certificates.map((c: { state: string; daysLeft: number }) => [c.state, c.daysLeft])).toEqual([['expiring', 20], ['valid', 400]])
    expect((await add({ name: '孙八', certificates: [{ name: '潜水员证', number: 'QS-9', expiresOn: gone }, { name: '志愿者证' }] })).statusCode).toBe(201)

    const warnings = (await app.inject({ method: 'GET', url: '/api/resources/teams/certificate-warnings', headers: zhenqiao })).json()
    const mine = warnings.items.filter((w: { teamId: string }) => w.teamId === teamId)
    expect(warnings.days).toBe(60)
    expect(mine.map((w: { memberName: string; certificateName: string; daysLeft: number; expired: boolean }) => [w.memberName, w.certificateName, w.daysLeft, w.expired]))
      .toEqual([['孙八', '潜水员证', -5, true], ['钱七', '内河船舶驾驶证', 20, false]])
    const other = (await app.inject({ method: 'GET', url: '/api/resources/teams/certificate-warnings', headers: legang })).json()
    expect(other.items.some((w: { teamId: string }) => w.teamId === teamId)).toBe(false)

    // Renewing the certificate clears the warning.
    const member = a.json()
    const renewed = await app.inject({
      method: 'PATCH', url: `/api/resources/teams/${teamId}/members/${member.id}`, headers: zhenqiao,
      payload: { certificates: [{ name: '内河船舶驾驶证', number: 'JX-001', expiresOn: far }] },
    })
    expect(renewed.json().certificates[0].state).toBe('valid')
    const after = (await app.inject({ method: 'GET', url: '/api/resources/teams/certificate-warnings', headers: zhenqiao })).json()
    expect(after.items.filter((w: { teamId: string }) => w.teamId === teamId).map((w: { memberName: string }) => w.memberName)).toEqual(['孙八'])
    const team = (await app.inject({ method: 'GET', url: `/api/resources/teams/${teamId}`, headers: county })).json()
    expect(team.memberCount).toBe(2)
  })

  it('keeps townships apart', async () => {
    expect((await app.inject({ method: 'GET', url: `/api/resources/teams/${teamId}`, headers: legang })).statusCode).toBe(404)
    expect((await app.inject({ method: 'PATCH', url: `/api/resources/teams/${teamId}`, headers: legang, payload: { status: 'ready' } })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: `/api/resources/teams/${teamId}/members`, headers: legang, payload: { name: '越权' } })).statusCode).toBe(404)
    const list = (await app.inject({ method: 'GET', url: '/api/resources/teams?pageSize=200', headers: legang })).json()
    expect(list.items.every((t: { divisionCode: string }) => t.divisionCode.startsWith('360281101'))).toBe(true)
  })

  it('lets an enterprise user keep only its own enterprise team', async () => {
    const res = await app.inject({
      method: 'POST', url: '/api/resources/teams', headers: enterprise,
      payload: { name: '测试化工专职救援队', type: 'hazmat', level: 'enterprise', divisionCode: '360281401', capabilities: ['hazmat', 'fire'], enterpriseId: '99999999-2222-4333-8444-555555555555' },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().enterpriseId).toBe(enterpriseId)
    const seen = (await app.inject({ method: 'GET', url: '/api/resources/teams?pageSize=200', headers: enterprise })).json()
    expect(seen.items.map((t: { id: string }) => t.id)).toEqual([res.json().id])
    expect((await app.inject({ method: 'GET', url: `/api/resources/teams/${teamId}`, headers: enterprise })).statusCode).toBe(404)
  })

  it.each([
    { payload: { type: 'flood', level: 'township', divisionCode: '360281100' }, field: 'body.name' },
    { payload: { name: 'x', type: 'police', level: 'township', divisionCode: '360281100' }, field: 'body.type' },
    { payload: { name: 'x', type: 'flood', level: 'township', divisionCode: '360281100', capabilities: ['alien_invasion'] }, field: 'body.capabilities.0' },
    { payload: { name: 'x', type: 'flood', level: 'township', divisionCode: '360281100', equipment: [{ name: '冲锋舟', quantity: 0 }] }, field: 'body.equipment.0.quantity' },
    { payload: { name: 'x', type: 'flood', level: 'township', divisionCode: '360281100', headcount: -1 }, field: 'body.headcount' },
    { payload: { name: 'x', type: 'flood', level: 'township', divisionCode: '360281100', status: 'asleep' }, field: 'body.status' },
  ])('answers 400 naming $field', async ({ payload, field }) => {
    const res = await app.inject({ method: 'POST', url: '/api/resources/teams', headers: county, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe(field)
  })

  it('answers 400 naming a certificate date that is not a date', async () => {
    const res = await app.inject({ method: 'POST', url: `/api/resources/teams/${teamId}/members`, headers: county, payload: { name: '周九', certificates: [{ name: '证', expiresOn: '2026-13-01' }] } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.field).toBe('body.certificates.0.expiresOn')
  })

  it('deletes a team with its members, audited', async () => {
    expect((await app.inject({ method: 'DELETE', url: `/api/resources/teams/${teamId}`, headers: zhenqiao })).statusCode).toBe(204)
    const members = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM resources.team_members WHERE team_id = ${teamId}::uuid`)
    expect(members[0]!.n).toBe(0)
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${teamId} ORDER BY id DESC LIMIT 1`)
    expect(audit[0]!.action).toBe('team.delete')
  })
})
