import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs, type TestSession } from '../../testing/session.ts'

const zhenqiao = '360281100000'
const village = '360281100201'
const otherTownship = '360281101000'

describe('duty roster: a shift links any duty officer’s account in the caller’s jurisdiction', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let county: TestSession
  let townDesk: TestSession
  let villager: TestSession
  let elsewhere: TestSession
  let firm: TestSession

  const shift = (session: TestSession, userId: string, divisionCode = zhenqiao) => app.inject({
    method: 'POST', url: '/api/incidents/duty/shifts', headers: session.headers,
    payload: { divisionCode, role: 'officer', userId, personName: '值班人', startsAt: new Date().toISOString(), endsAt: new Date(Date.now() + 8 * 3_600_000).toISOString() },
  })
  const people = async (session: TestSession) => {
    const res = await app.inject({ method: 'GET', url: '/api/incidents/duty/people', headers: session.headers })
    expect(res.statusCode, res.body).toBe(200)
    return res.json<{ items: { id: string; displayName: string; roleName: string; jurisdiction: string; jurisdictionName: string | null }[] }>().items
  }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    county = await loginAs(app, platform, { role: 'duty_officer', displayName: '县值班员' })
    townDesk = await loginAs(app, platform, { role: 'duty_officer', jurisdiction: zhenqiao, displayName: '镇桥镇值班员' })
    villager = await loginAs(app, platform, { role: 'village', jurisdiction: village, displayName: '塘湖村信息员' })
    elsewhere = await loginAs(app, platform, { role: 'township', jurisdiction: otherTownship, displayName: '邻镇干部' })
    firm = await loginAs(app, platform, { role: 'enterprise', displayName: '某企业' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('lists the accounts in the caller’s jurisdiction, without enterprises', async () => {
    const town = await people(townDesk)
    expect(town.map((p) => p.displayName).sort()).toEqual(['塘湖村信息员', '镇桥镇值班员'])
    expect(town.find((p) => p.id === villager.user.id)).toMatchObject({ roleName: '村（社区）信息员', jurisdictionName: '塘湖村委会' })
    const all = (await people(county)).map((p) => p.id)
    expect(all).toEqual(expect.arrayContaining([county.user.id, townDesk.user.id, villager.user.id, elsewhere.user.id]))
    expect(all).not.toContain(firm.user.id)
    expect((await app.inject({ method: 'GET', url: '/api/incidents/duty/people', headers: villager.headers })).statusCode).toBe(403)
  })

  it('links a picked account to the shift; refuses one outside the jurisdiction or an enterprise, naming body.userId', async () => {
    const ok = await shift(townDesk, villager.user.id)
    expect(ok.statusCode, ok.body).toBe(201)
    expect(ok.json()).toMatchObject({ userId: villager.user.id })
    for (const who of [elsewhere, firm, county]) {
      const res = await shift(townDesk, who.user.id)
      expect(res.statusCode, res.body).toBe(400)
      expect(res.json().error.field).toBe('body.userId')
    }
    expect((await shift(county, elsewhere.user.id, otherTownship)).statusCode).toBe(201)
  })
})
