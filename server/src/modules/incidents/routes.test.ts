import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'

describe('incidents grading routes', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let village: { cookie: string }
  const post = (url: string, payload: object, session: { cookie: string } | null = village) =>
    app.inject({ method: 'POST', url, payload, headers: session ? { cookie: session.cookie } : {} })
  const grade = (payload: object, session?: { cookie: string } | null) => post('/api/incidents/accident-grade', payload, session)

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    village = await loginAs(app, platform, { role: 'village', jurisdiction: '360281100201' })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  describe('POST /api/incidents/accident-grade (国务院令第493号第三条)', () => {
    // 以上 includes the bound, 以下 excludes it; the highest level any criterion reaches wins.
    it.each([
      { facts: { deaths: 0, seriousInjuries: 0, directLossYuan: 0 }, level: 4, name: '一般事故', decidedBy: ['deaths', 'seriousInjuries', 'directLossYuan'] },
      { facts: { deaths: 2, seriousInjuries: 9, directLossYuan: 9_999_999 }, level: 4, name: '一般事故', decidedBy: ['deaths', 'seriousInjuries', 'directLossYuan'] },
      { facts: { deaths: 3, seriousInjuries: 0, directLossYuan: 0 }, level: 3, name: '较大事故', decidedBy: ['deaths'] },
      { facts: { deaths: 0, seriousInjuries: 10, directLossYuan: 0 }, level: 3, name: '较大事故', decidedBy: ['seriousInjuries'] },
      { facts: { deaths: 0, seriousInjuries: 0, directLossYuan: 10_000_000 }, level: 3, name: '较大事故', decidedBy: ['directLossYuan'] },
      { facts: { deaths: 9, seriousInjuries: 49, directLossYuan: 49_999_999.99 }, level: 3, name: '较大事故', decidedBy: ['deaths', 'seriousInjuries', 'directLossYuan'] },
      { facts: { deaths: 10, seriousInjuries: 0, directLossYuan: 0 }, level: 2, name: '重大事故', decidedBy: ['deaths'] },
      { facts: { deaths: 0, seriousInjuries: 50, directLossYuan: 0 }, level: 2, name: '重大事故', decidedBy: ['seriousInjuries'] },
      { facts: { deaths: 0, seriousInjuries: 0, directLossYuan: 50_000_000 }, level: 2, name: '重大事故', decidedBy: ['directLossYuan'] },
      { facts: { deaths: 29, seriousInjuries: 99, directLossYuan: 99_999_999 }, level: 2, name: '重大事故', decidedBy: ['deaths', 'seriousInjuries', 'directLossYuan'] },
      { facts: { deaths: 30, seriousInjuries: 0, directLossYuan: 0 }, level: 1, name: '特别重大事故', decidedBy: ['deaths'] },
      { facts: { deaths: 0, seriousInjuries: 100, directLossYuan: 0 }, level: 1, name: '特别重大事故', decidedBy: ['seriousInjuries'] },
      { facts: { deaths: 0, seriousInjuries: 0, directLossYuan: 100_000_000 }, level: 1, name: '特别重大事故', decidedBy: ['directLossYuan'] },
      // The highest criterion wins: 1 death (一般) but 120 million yuan (特别重大).
      { facts: { deaths: 1, seriousInjuries: 12, directLossYuan: 120_000_000 }, level: 1, name: '特别重大事故', decidedBy: ['directLossYuan'] },
    ])('$facts → level $level $name', async ({ facts, level, name, decidedBy }) => {
      const res = await grade(facts)
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({ level, name, decidedBy })
      expect(body.reason).toContain('国务院令第493号第三条')
      expect(body.reportingDeadlines).toBeUndefined()
    })

    it('explains the decision in Chinese and English with the level each criterion alone gives', async () => {
      const body = (await grade({ deaths: 3, seriousInjuries: 12, directLossYuan: 2_000_000 })).json()
      expect(body).toEqual({
        level: 3, name: '较大事故', nameEn: 'relatively serious accident', decidedBy: ['deaths', 'seriousInjuries'],
        levelBy: { deaths: 3, seriousInjuries: 3, directLossYuan: 4 },
        reason: '死亡人数3人，重伤人数（含急性工业中毒）12人，属较大事故（国务院令第493号第三条）',
        reasonEn: 'deaths 3 people, serious injuries (incl. acute industrial poisoning) 12 people: relatively serious accident (Decree 493, Art. 3)',
      })
    })

    it('gives the reporting deadlines level by level when the time of the accident is known (Art. 9–11)', async () => {
      const body = (await grade({ deaths: 3, seriousInjuries: 0, directLossYuan: 0, occurredAt: '2026-06-01T08:00:00+08:00' })).json()
      // 较大: county within 1 hour, then city and province 2 hours each.
      expect(body.reportingDeadlines.map((d: { step: string; dueAt: string; article: string }) => [d.step, d.dueAt, d.article])).toEqual([
        ['county', '2026-06-01T01:00:00.000Z', '第九条'],
        ['city', '2026-06-01T03:00:00.000Z', '第十一条'],
        ['province', '2026-06-01T05:00:00.000Z', '第十一条'],
      ])
      const ordinary = (await grade({ deaths: 1, seriousInjuries: 0, directLossYuan: 0, occurredAt: '2026-06-01T08:00:00+08:00' })).json()
      expect(ordinary.reportingDeadlines.map((d: { step: string }) => d.step)).toEqual(['county', 'city'])
    })

    it.each([
      { payload: { deaths: -1, seriousInjuries: 0, directLossYuan: 0 }, field: 'body.deaths' },
      { payload: { deaths: 1.5, seriousInjuries: 0, directLossYuan: 0 }, field: 'body.deaths' },
      { payload: { deaths: 0, seriousInjuries: 2.5, directLossYuan: 0 }, field: 'body.seriousInjuries' },
      { payload: { deaths: 0, seriousInjuries: 0, directLossYuan: -0.01 }, field: 'body.directLossYuan' },
      { payload: { deaths: '3', seriousInjuries: 0, directLossYuan: 0 }, field: 'body.deaths' },
      { payload: { seriousInjuries: 0, directLossYuan: 0 }, field: 'body.deaths' },
      { payload: { deaths: 0, seriousInjuries: 0, directLossYuan: 0, missing: 4 }, field: 'body.missing' },
      { payload: { deaths: 0, seriousInjuries: 0, directLossYuan: 0, occurredAt: 'yesterday' }, field: 'body.occurredAt' },
    ])('refuses $payload with a 400 naming $field', async ({ payload, field }) => {
      const res = await grade(payload)
      expect(res.statusCode).toBe(400)
      const { error } = res.json()
      expect(error.field).toBe(field)
      expect(error.message).toContain(field)
      expect(error.messageEn).toContain(field)
    })

    it('answers 401 without a session', async () => {
      const res = await grade({ deaths: 3, seriousInjuries: 0, directLossYuan: 0 }, null)
      expect(res.statusCode).toBe(401)
    })
  })

  describe('POST /api/incidents/relief-response/suggest (国家自然灾害救助应急预案 2024)', () => {
    const suggest = (payload: object) => post('/api/incidents/relief-response/suggest', payload)

    it('suggests Level IV for 20 dead and missing, saying the threshold is not verified', async () => {
      const res = await suggest({ deaths: 12, missing: 8, emergencyRelocated: 1000, needingEmergencyAid: 0 })
      expect(res.statusCode).toBe(200)
      const body = res.json()
      expect(body).toMatchObject({ level: 4, name: '四级响应', nameEn: 'Level IV response', verified: false })
      expect(body.triggers).toEqual([expect.objectContaining({ criterion: 'deathsAndMissing', value: 20, threshold: 20 })])
      expect(body.reason).toContain('建议启动四级响应')
    })

    it('suggests no level below every threshold, and Level I (verified) at 200 dead and missing', async () => {
      expect((await suggest({ deaths: 19, missing: 0, emergencyRelocated: 0, needingEmergencyAid: 0 })).json()).toMatchObject({ level: null, triggers: [] })
      expect((await suggest({ deaths: 150, missing: 50, emergencyRelocated: 0, needingEmergencyAid: 0 })).json()).toMatchObject({ level: 1, verified: true })
    })

    it('refuses a negative count with a 400 naming the field', async () => {
      const res = await suggest({ deaths: 0, missing: -2, emergencyRelocated: 0, needingEmergencyAid: 0 })
      expect(res.statusCode).toBe(400)
      expect(res.json().error.field).toBe('body.missing')
    })
  })
})
