import crypto from 'node:crypto'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { isDeepStrictEqual } from 'node:util'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../db/rows.ts'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs, type TestSession } from '../../testing/session.ts'
import { enqueueEvent } from '../events/outbox.ts'
import { seedIncidentsDemo, weekStart } from './demo.ts'
import { onDutyNow } from './duty.ts'

const zhenqiao = '360281100000'
const village = '360281100201'
const otherTownship = '360281101000'
const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex').toString('base64')

/**
 * Every JSON answer of the incidents routes, as the handler returned it and as it went out: the
 * response schemas must not drop or change a field (Fastify's serializer keeps only what a
 * schema names, and rounds numbers a schema calls integers).
 */
const serialized = { checked: 0, differences: [] as { route: string; sent: unknown; returned: unknown }[] }
const returned = new WeakMap<object, unknown>()
function watchSerialization(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, _reply, payload) => {
    returned.set(request, JSON.parse(JSON.stringify(payload)))
    return payload
  })
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.url.startsWith('/api/incidents') || !returned.has(request) || typeof payload !== 'string') return payload
    serialized.checked++
    const sent: unknown = JSON.parse(payload)
    const before = returned.get(request)
    if (!isDeepStrictEqual(sent, before)) serialized.differences.push({ route: `${request.method} ${request.routeOptions.url} ${reply.statusCode}`, sent, returned: before })
    return payload
  })
}

describe('incidents: records, response, tasks, log, sitreps, duty, live', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: TestSession
  let commander: TestSession
  let township: TestSession
  let elsewhere: TestSession
  let villager: TestSession
  let department: TestSession
  let floodPlanId: string

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, session: TestSession | null, payload?: object) =>
    app.inject({ method, url, headers: session ? session.headers : {}, ...(payload === undefined ? {} : { payload }) })
  const count = async (table: string) => (await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM ${sql.raw(table)}`))[0]!.n
  const callReport = (over: Record<string, unknown> = {}) => ({
    category: 'natural', subtype: 'flood', title: '镇桥镇乐安河堤段渗水', divisionCode: zhenqiao, occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    source: 'call', caller: { name: '张三', phone: '13900000000', calledAt: new Date().toISOString(), place: '镇桥镇桥头村堤段', account: '堤脚渗水，有扩大趋势' },
    facts: { deaths: 0, evacuated: 0 }, ...over,
  })
  const create = async (session: TestSession, over: Record<string, unknown> = {}) => {
    const res = await req('POST', '/api/incidents', session, callReport(over))
    expect(res.statusCode, res.body).toBe(201)
    // The views are checked field by field below.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return res.json<{ id: string } & Record<string, any>>()
  }

  async function insertFloodPlan(): Promise<string> {
    const id = crypto.randomUUID()
    await platform.db.execute(sql`
      INSERT INTO plans.plans (id, name, type, hazard_types, owner_department, issuing_level, issuing_authority, division_code, status)
      VALUES (${id}, '测试防汛应急预案', 'special', ARRAY['flood'], '乐平市水利局', 'county', '乐平市人民政府', '360281000000', 'effective')`)
    for (const [level, name] of [[4, 'Ⅳ级响应'], [3, 'Ⅲ级响应']] as const) {
      const criteria = level === 4 ? JSON.stringify({ any: [{ fact: 'warningLevel', op: '>=', value: 'blue' }] }) : JSON.stringify({ any: [{ fact: 'waterLevelAboveWarningM', op: '>=', value: 0.5 }] })
      await platform.db.execute(sql`INSERT INTO plans.plan_levels (plan_id, level, name, criteria) VALUES (${id}, ${level}, ${name}, ${criteria}::jsonb)`)
    }
    const items: [number, number, string, string, string, number][] = [
      [4, 1, 'department', '乐平市水利局', '加密水位监测，每小时报告一次', 30],
      [4, 2, 'township', '事发地乡镇人民政府', '组织危险区群众转移', 60],
      [4, 3, 'teamType', 'flood', '防汛抢险队伍集结待命', 45],
      [3, 1, 'department', '乐平市水利局', '加密水位监测，每小时报告一次', 30],
      [3, 2, 'department', '乐平市应急管理局', '派出工作组赴现场', 90],
    ]
    for (const [level, ord, kind, assignee, task, minutes] of items) {
      await platform.db.execute(sql`
        INSERT INTO plans.plan_checklist_items (plan_id, level, ord, assignee_kind, assignee, task, deadline_minutes)
        VALUES (${id}, ${level}, ${ord}, ${kind}, ${assignee}, ${task}, ${minutes})`)
    }
    return id
  }

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    watchSerialization(app)
    duty = await loginAs(app, platform, { role: 'duty_officer', displayName: '值班员小王' })
    commander = await loginAs(app, platform, { role: 'commander', displayName: '指挥长老李' })
    township = await loginAs(app, platform, { role: 'township', jurisdiction: zhenqiao, displayName: '镇桥镇应急办' })
    elsewhere = await loginAs(app, platform, { role: 'township', jurisdiction: otherTownship })
    villager = await loginAs(app, platform, { role: 'village', jurisdiction: village })
    department = await loginAs(app, platform, { role: 'department' })
    floodPlanId = await insertFloodPlan()
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  describe('records', () => {
    it('takes a duty officer\'s call (值班接报) with the caller, at the division\'s point, and logs it', async () => {
      const created = await create(duty)
      expect(created).toMatchObject({
        category: 'natural', categoryName: '自然灾害', subtype: 'flood', subtypeName: '洪涝灾害', source: 'call', status: 'open', divisionCode: zhenqiao, divisionName: '镇桥镇',
        caller: { name: '张三', phone: '13900000000', account: '堤脚渗水，有扩大趋势' }, response: null, accidentGrade: null,
        reliefSuggestion: { level: null },
      })
      expect(created.location).toEqual({ lon: expect.any(Number), lat: expect.any(Number) })
      const detail = (await req('GET', `/api/incidents/${created.id}`, duty)).json()
      expect(detail.log.map((e: { kind: string }) => e.kind)).toEqual(['created'])
      expect(detail.log[0].text).toContain('值班接报')
      expect(detail.links.newWarning).toBe(`/warnings/new?incidentId=${created.id}`)
    })

    it.each([
      { over: { subtype: 'hazmatAccident' }, field: 'body.subtype' },
      { over: { caller: undefined }, field: 'body.caller' },
      { over: { divisionCode: '360281999999' }, field: 'body.divisionCode' },
      { over: { divisionCode: '12ab' }, field: 'body.divisionCode' },
      { over: { occurredAt: new Date(Date.now() + 86_400_000).toISOString() }, field: 'body.occurredAt' },
      { over: { occurredAt: 'yesterday' }, field: 'body.occurredAt' },
      { over: { facts: { deaths: -1 } }, field: 'body.facts.deaths' },
      { over: { facts: { warningLevel: 'purple' } }, field: 'body.facts.warningLevel' },
      { over: { colour: 'red' }, field: 'body.colour' },
      { over: { location: { lon: 0, lat: 0 } }, field: 'body.location' },
      { over: { title: '' }, field: 'body.title' },
    ])('refuses a report with a bad $field (400 naming it), writing nothing', async ({ over, field }) => {
      const before = [await count('incidents.incidents'), await count('incidents.log'), await count('events.outbox')]
      const res = await req('POST', '/api/incidents', duty, callReport(over))
      expect(res.statusCode, res.body).toBe(400)
      const { error } = res.json()
      expect(error.field).toBe(field)
      expect(error.message).toBeTruthy()
      expect(error.messageEn).toBeTruthy()
      expect([await count('incidents.incidents'), await count('incidents.log'), await count('events.outbox')]).toEqual(before)
    })

    it('lets a village officer report in their own village only, as a village report', async () => {
      const ok = await req('POST', '/api/incidents', villager, callReport({ source: 'village_report', caller: undefined, divisionCode: village, title: '桥头村山体滑坡', category: 'natural', subtype: 'geologicalHazard' }))
      expect(ok.statusCode, ok.body).toBe(201)
      expect(ok.json()).toMatchObject({ source: 'village_report', divisionCode: village })
      const outside = await req('POST', '/api/incidents', villager, callReport({ source: 'village_report', caller: undefined, divisionCode: otherTownship }))
      expect(outside.statusCode).toBe(403)
      const asCall = await req('POST', '/api/incidents', villager, callReport({ divisionCode: village }))
      expect(asCall.statusCode).toBe(400)
      expect(asCall.json().error.field).toBe('body.source')
    })

    it('shows a township officer only the incidents of their township', async () => {
      const mine = await create(duty, { title: '镇桥镇内涝' })
      const theirs = await create(duty, { title: '其他乡镇内涝', divisionCode: otherTownship })
      const list = (await req('GET', '/api/incidents?status=active', township)).json().items.map((i: { id: string }) => i.id)
      expect(list).toContain(mine.id)
      expect(list).not.toContain(theirs.id)
      expect((await req('GET', `/api/incidents/${theirs.id}`, township)).statusCode).toBe(404)
      expect((await req('GET', `/api/incidents/${mine.id}`, township)).statusCode).toBe(200)
      expect((await req('GET', `/api/incidents/${mine.id}`, elsewhere)).statusCode).toBe(404)
      expect((await req('GET', '/api/incidents', null)).statusCode).toBe(401)
    })

    it('takes attachments (photos, PDF) checked by size and content, lists them on the board and serves them inline or as downloads', async () => {
      const incident = await create(duty, { title: '镇桥镇堤段渗水（附件）' })
      const pdf = Buffer.from('%PDF-1.4\n%现场报告\n').toString('base64')
      const before = [await count('incidents.attachments'), await count('incidents.log')]
      const mismatch = await req('POST', `/api/incidents/${incident.id}/attachments`, township, { fileName: 'a.pdf', mediaType: 'application/pdf', dataBase64: png })
      expect(mismatch.statusCode).toBe(400)
      expect(mismatch.json().error.field).toBe('body.mediaType')
      const script = await req('POST', `/api/incidents/${incident.id}/attachments`, township, { fileName: 'a.html', mediaType: 'text/html', dataBase64: png })
      expect(script.statusCode).toBe(400)
      expect(script.json().error.field).toBe('body.mediaType')
      expect((await req('POST', `/api/incidents/${incident.id}/attachments`, elsewhere, { fileName: 'a.png', mediaType: 'image/png', dataBase64: png })).statusCode).toBe(404)
      expect([await count('incidents.attachments'), await count('incidents.log')]).toEqual(before)

      const photo = await req('POST', `/api/incidents/${incident.id}/attachments`, township, { fileName: '堤段照片.png', mediaType: 'image/png', dataBase64: png })
      expect(photo.statusCode, photo.body).toBe(201)
      expect((await req('POST', `/api/incidents/${incident.id}/attachments`, duty, { fileName: '现场报告.pdf', mediaType: 'application/pdf', dataBase64: pdf })).statusCode).toBe(201)
      const detail = (await req('GET', `/api/incidents/${incident.id}`, duty)).json()
      expect(detail.attachments).toEqual([
        { id: photo.json().id, taskId: null, fileName: '堤段照片.png', mediaType: 'image/png', sizeBytes: Buffer.from(png, 'base64').length, uploadedBy: '镇桥镇应急办', createdAt: expect.any(String), url: photo.json().url },
        expect.objectContaining({ fileName: '现场报告.pdf', mediaType: 'application/pdf', uploadedBy: '值班员小王' }),
      ])
      expect(detail.log.filter((e: { kind: string }) => e.kind === 'attachment').map((e: { text: string }) => e.text)).toEqual(['上传附件：堤段照片.png', '上传附件：现场报告.pdf'])

      const inline = await req('GET', `${photo.json().url}?inline=true`, township)
      expect(inline.statusCode).toBe(200)
      expect(inline.headers['content-type']).toBe('image/png')
      expect(inline.headers['x-content-type-options']).toBe('nosniff')
      expect(inline.headers['content-disposition']).toMatch(/^inline; .*filename\*=UTF-8''%E5%A0%A4/)
      expect(inline.rawPayload.equals(Buffer.from(png, 'base64'))).toBe(true)
      const download = await req('GET', detail.attachments[1].url, township)
      expect(download.headers['content-disposition']).toMatch(/^attachment; /)
      expect(download.rawPayload.toString('latin1')).toMatch(/^%PDF-1\.4/)
      expect((await req('GET', photo.json().url, elsewhere)).statusCode).toBe(404)
    })
  })

  describe('grading and reporting deadlines (国务院令第493号)', () => {
    it('grades an accident, re-grades on a fact change with history and log, and tracks the deadlines step by step', async () => {
      const occurredAt = new Date(Date.now() - 30 * 60_000).toISOString()
      const accident = await create(duty, { category: 'accident', subtype: 'hazmatAccident', title: '某化工企业储罐泄漏', occurredAt, facts: { deaths: 3, seriousInjuries: 1 } })
      expect(accident.accidentGrade).toMatchObject({ level: 3, name: '较大事故' })
      expect(accident.reportingDeadlines.map((d: { step: string; state: string }) => [d.step, d.state])).toEqual([['county', 'pending'], ['city', 'pending'], ['province', 'pending']])
      expect(accident.reportingDeadlines[0].dueAt).toBe(new Date(Date.parse(occurredAt) + 3_600_000).toISOString())
      expect(accident.reportingDeadlines[0].secondsLeft).toBeGreaterThan(0)

      const patched = await req('PATCH', `/api/incidents/${accident.id}/facts`, duty, { deaths: 10, missing: 2, note: '续报：死亡人数上升' })
      expect(patched.statusCode, patched.body).toBe(200)
      expect(patched.json().accidentGrade).toMatchObject({ level: 2, name: '重大事故' })
      expect(patched.json().reportingDeadlines.map((d: { step: string }) => d.step)).toEqual(['county', 'city', 'province', 'national'])

      const province = await req('POST', `/api/incidents/${accident.id}/reporting/province/done`, duty)
      expect(province.statusCode).toBe(400)
      expect(province.json().error.field).toBe('params.step')
      const county = await req('POST', `/api/incidents/${accident.id}/reporting/county/done`, duty)
      expect(county.statusCode, county.body).toBe(200)
      expect(county.json().reportingDeadlines[0]).toMatchObject({ step: 'county', state: 'done', doneBy: '值班员小王', secondsLeft: null })

      const detail = (await req('GET', `/api/incidents/${accident.id}`, duty)).json()
      expect(detail.factHistory).toHaveLength(1)
      expect(detail.factHistory[0]).toMatchObject({ before: { deaths: 3 }, after: { deaths: 10, missing: 2 }, note: '续报：死亡人数上升' })
      expect(detail.log.map((e: { kind: string }) => e.kind)).toEqual(['created', 'graded', 'facts_changed', 'graded', 'reporting_done'])
      expect(detail.log[3].text).toContain('重大事故')

      const bad = await req('PATCH', `/api/incidents/${accident.id}/facts`, duty, { deaths: 1.5 })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.field).toBe('body.deaths')
    })

    it('suggests the relief response level of a natural disaster from its facts', async () => {
      const flood = await create(duty, { facts: { deaths: 12, missing: 8 } })
      expect(flood.reliefSuggestion).toMatchObject({ level: 4, name: '四级响应' })
    })
  })

  describe('from an alarm (one click)', () => {
    it('prefills type, place, division and warning level from a water-level alarm, once', async () => {
      const deviceId = crypto.randomUUID()
      const alarmId = crypto.randomUUID()
      await platform.db.execute(sql`
        INSERT INTO monitoring.devices (id, code, type, name, division_code, location, expected_interval_s, params, api_key_hash)
        VALUES (${deviceId}, ${'WL-' + deviceId.slice(0, 8)}, 'water_level', '乐安河镇桥水位站', ${zhenqiao}, ST_SetSRID(ST_MakePoint(117.21, 28.98), 4326), 300,
                '{"warningLevelM": 24.5, "guaranteedLevelM": 26}'::jsonb, ${'hash-' + deviceId})`)
      await platform.db.execute(sql`
        INSERT INTO monitoring.alarms (id, device_id, rule_id, rule_name, rule_name_en, division_code, level, status, value, message, raised_at)
        VALUES (${alarmId}, ${deviceId}, 'water_level.flood', '水位超警戒', 'Water level over warning', ${zhenqiao}, 'orange', 'active', 25.1, '水位 25.1 m，超警戒 0.6 m', now())`)
      const first = await req('POST', `/api/incidents/from-alarm/${alarmId}`, duty)
      expect(first.statusCode, first.body).toBe(201)
      expect(first.json()).toMatchObject({
        created: true, source: 'alarm', sourceAlarmId: alarmId, category: 'natural', subtype: 'flood', divisionCode: zhenqiao,
        location: { lon: 117.21, lat: 28.98 }, facts: { warningLevel: 'orange', waterLevelAboveWarningM: 0.6 },
      })
      expect(first.json().title).toContain('乐安河镇桥水位站')
      const again = await req('POST', `/api/incidents/from-alarm/${alarmId}`, duty)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toMatchObject({ created: false, id: first.json().id })
      // The demo flood plan of the prepared database: orange and 0.6 m over the warning stage reach its Ⅲ级.
      const suggested = (await req('GET', `/api/incidents/${first.json().id}/suggestions`, duty)).json().plans
      const flood = suggested.find((p: { planName: string }) => p.planName === '乐平市防汛抗旱应急预案')
      expect(flood).toMatchObject({ level: 3, levelName: 'Ⅲ级响应' })
      const activated = await req('POST', `/api/incidents/${first.json().id}/activate`, commander, { planId: flood.planId, level: 3 })
      expect(activated.statusCode, activated.body).toBe(200)
      const demoTasks = (await req('GET', `/api/incidents/${first.json().id}/tasks`, duty)).json().items
      expect(demoTasks.map((t: { title: string }) => t.title)).toEqual(['派专家组指导堤防巡查和险情处置', '抢险队集结待命，检查抢险物资', '落实巡堤人员，准备转移预案', '每3小时滚动发布降雨预报'])
      expect(['team', 'team_type']).toContain(demoTasks[1].assignee.kind)
      expect(demoTasks[2].assignee.name).toBe('镇桥镇（各乡镇人民政府）')
      expect((await req('POST', `/api/incidents/from-alarm/${alarmId}`, elsewhere)).statusCode).toBe(404)
      expect((await req('POST', `/api/incidents/from-alarm/${crypto.randomUUID()}`, duty)).statusCode).toBe(404)
    })
  })

  describe('response, tasks, log, sitreps', () => {
    let incidentId: string
    let teamId: string

    beforeAll(async () => {
      const incident = await create(duty, { title: '乐安河镇桥段洪水', location: { lon: 117.2, lat: 29.0 }, facts: { evacuated: 120, warningLevel: 'orange' } })
      incidentId = incident.id
      teamId = crypto.randomUUID()
      await platform.db.execute(sql`
        INSERT INTO resources.teams (id, name, type, level, division_code, location, headcount, status)
        VALUES (${teamId}, '测试防汛抢险队', 'flood', 'city', '360281100000', ST_SetSRID(ST_MakePoint(117.21, 29.0), 4326), 30, 'ready')`)
    })

    it('proposes what is near with distances, nearest first', async () => {
      const res = await req('GET', `/api/incidents/${incidentId}/suggestions?radiusKm=5`, duty)
      expect(res.statusCode, res.body).toBe(200)
      const body = res.json()
      expect(body.facts).toMatchObject({ hazardType: 'flood', incidentType: 'natural', evacuated: 120, warningLevel: 'orange', divisionCode: zhenqiao })
      const plan = body.plans.find((p: { planId: string }) => p.planId === floodPlanId)
      expect(plan).toMatchObject({ planName: '测试防汛应急预案', level: 4, levelName: 'Ⅳ级响应' })
      expect(plan.reason).toContain('橙色')
      const team = body.nearby.find((n: { id: string }) => n.id === teamId)
      // 0.01° of longitude at 29° N ≈ 973 m
      expect(team).toMatchObject({ kind: 'team', name: '测试防汛抢险队', detail: { type: 'flood', status: 'ready' } })
      expect(team.distanceM).toBeGreaterThan(950)
      expect(team.distanceM).toBeLessThan(1000)
      const distances = body.nearby.map((n: { distanceM: number }) => n.distanceM)
      expect(distances).toEqual([...distances].sort((a, b) => a - b))
      expect(distances.every((d: number) => d <= 5000)).toBe(true)
      const bad = await req('GET', `/api/incidents/${incidentId}/suggestions?radiusKm=500`, duty)
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.field).toBe('querystring.radiusKm')
    })

    it('lets only a commander activate; creates the checklist tasks with deadlines, notifies and logs', async () => {
      expect((await req('POST', `/api/incidents/${incidentId}/activate`, duty, { planId: floodPlanId, level: 4 })).statusCode).toBe(403)
      expect((await req('POST', `/api/incidents/${incidentId}/activate`, department, { planId: floodPlanId, level: 4 })).statusCode).toBe(403)
      const unknown = await req('POST', `/api/incidents/${incidentId}/activate`, commander, { planId: crypto.randomUUID(), level: 4 })
      expect(unknown.statusCode).toBe(400)
      expect(unknown.json().error.field).toBe('body.planId')
      const noLevel = await req('POST', `/api/incidents/${incidentId}/activate`, commander, { planId: floodPlanId, level: 1 })
      expect(noLevel.statusCode).toBe(400)
      expect(await count(`incidents.tasks WHERE incident_id = '${incidentId}'`)).toBe(0)

      const before = Date.now()
      const res = await req('POST', `/api/incidents/${incidentId}/activate`, commander, { planId: floodPlanId, level: 4, comment: '水位持续上涨' })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ kind: 'plan_activated', level: 4, levelName: 'Ⅳ级', tasksCreated: 3 })
      const detail = (await req('GET', `/api/incidents/${incidentId}`, duty)).json()
      expect(detail.status).toBe('responding')
      expect(detail.response).toMatchObject({ planId: floodPlanId, planName: '测试防汛应急预案', level: 4, activatedBy: '指挥长老李' })
      const tasks = detail.tasks as { title: string; assignee: { kind: string; name: string; teamId: string | null }; deadline: string; status: string }[]
      expect(tasks.map((t) => [t.assignee.kind, t.title])).toEqual([
        ['department', '加密水位监测，每小时报告一次'], ['township', '组织危险区群众转移'], ['team', '防汛抢险队伍集结待命'],
      ])
      expect(tasks[1]!.assignee.name).toContain('镇桥镇')
      expect(tasks[2]!.assignee.teamId).toBe(teamId)
      const minutes = (t: { deadline: string }) => Math.round((Date.parse(t.deadline) - before) / 60_000)
      expect(tasks.map(minutes)).toEqual([30, 60, 45])
      expect(detail.log.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['plan_activated', 'task_created']))
      const events = await queryRows<{ topic: string; payload: { tasks: unknown[] } }>(platform.db, sql`
        SELECT topic, payload FROM events.outbox WHERE topic = 'incidents.tasks_assigned' AND payload->>'incidentId' = ${incidentId}`)
      expect(events).toHaveLength(1)
      expect(events[0]!.payload.tasks).toHaveLength(3)
      const notes = (await req('GET', '/api/incidents/notifications', duty)).json().items
      expect(notes.some((n: { incidentId: string; kind: string }) => n.incidentId === incidentId && n.kind === 'tasks_assigned')).toBe(true)
    })

    it('records a level change and adds only the new level\'s tasks not already assigned', async () => {
      const again = await req('POST', `/api/incidents/${incidentId}/activate`, commander, { planId: floodPlanId, level: 4 })
      expect(again.statusCode).toBe(409)
      const res = await req('POST', `/api/incidents/${incidentId}/activate`, commander, { planId: floodPlanId, level: 3 })
      expect(res.statusCode, res.body).toBe(200)
      expect(res.json()).toMatchObject({ kind: 'level_changed', level: 3, previousLevel: 4, tasksCreated: 1 })
      const detail = (await req('GET', `/api/incidents/${incidentId}`, duty)).json()
      expect(detail.tasks).toHaveLength(4)
      expect(detail.responses.map((r: { level: number; previousLevel: number | null }) => [r.level, r.previousLevel])).toEqual([[4, null], [3, 4]])
      expect(detail.log.find((e: { kind: string }) => e.kind === 'level_changed').text).toContain('由Ⅳ级调整为Ⅲ级')
    })

    it('moves a task assigned → accepted → in progress → done with feedback and a photo, refusing other moves', async () => {
      const tasks = (await req('GET', `/api/incidents/${incidentId}/tasks`, township)).json().items as { id: string; status: string; actions: string[] }[]
      const task = tasks[0]!
      expect(task.actions).toEqual(['accept', 'start', 'block'])
      const done = await req('POST', `/api/incidents/tasks/${task.id}/done`, township, {})
      expect(done.statusCode).toBe(409)
      expect(done.json().error.code).toBe('invalid_task_transition')
      expect((await req('POST', `/api/incidents/tasks/${task.id}/accept`, township, {})).json()).toMatchObject({ status: 'accepted', statusName: '已接收' })
      const started = await req('POST', `/api/incidents/tasks/${task.id}/start`, township)
      expect(started.statusCode, started.body).toBe(200)
      expect(started.json().status).toBe('in_progress')
      const blockedWithoutText = await req('POST', `/api/incidents/tasks/${task.id}/block`, township, {})
      expect(blockedWithoutText.statusCode).toBe(400)
      expect(blockedWithoutText.json().error.field).toBe('body.text')
      const badPhoto = await req('POST', `/api/incidents/tasks/${task.id}/feedback`, township, { text: '现场照片', photos: [{ fileName: 'a.png', mediaType: 'image/png', dataBase64: Buffer.from('not a png').toString('base64') }] })
      expect(badPhoto.statusCode).toBe(400)
      expect(badPhoto.json().error.field).toBe('body.photos.0.mediaType')
      const feedback = await req('POST', `/api/incidents/tasks/${task.id}/feedback`, township, { text: '水位每小时上涨5厘米', photos: [{ fileName: '现场.png', mediaType: 'image/png', dataBase64: png }] })
      expect(feedback.statusCode, feedback.body).toBe(200)
      expect(feedback.json().photos).toHaveLength(1)
      const photo = await req('GET', feedback.json().photos[0].url, township)
      expect(photo.statusCode).toBe(200)
      expect(photo.headers['content-type']).toBe('image/png')
      const finished = await req('POST', `/api/incidents/tasks/${task.id}/done`, township, { text: '已完成加密监测' })
      expect(finished.json()).toMatchObject({ status: 'done', feedback: '已完成加密监测', overdue: false })
      expect(finished.json().updates.map((u: { to: string | null }) => u.to)).toEqual(['assigned', 'accepted', 'in_progress', null, 'done'])
      expect((await req('POST', `/api/incidents/tasks/${task.id}/accept`, elsewhere, {})).statusCode).toBe(404)
      const log = (await req('GET', `/api/incidents/${incidentId}/log`, duty)).json().items
      expect(log.filter((e: { kind: string }) => e.kind === 'task_status')).toHaveLength(3)
    })

    it('keeps the command log append-only: manual entries and annotations, never an edit', async () => {
      const entry = await req('POST', `/api/incidents/${incidentId}/log`, commander, { kind: 'decision', text: '决定对桥头村低洼地带实施预防性转移' })
      expect(entry.statusCode, entry.body).toBe(201)
      const { id } = entry.json()
      const note = await req('POST', `/api/incidents/${incidentId}/log/${id}/annotations`, commander, { text: '更正：含桥尾村' })
      expect(note.statusCode).toBe(201)
      expect(note.json()).toMatchObject({ kind: 'annotation', annotates: id, manual: true })
      expect((await req('POST', `/api/incidents/${incidentId}/log/999999999/annotations`, commander, { text: 'x' })).statusCode).toBe(404)
      expect((await req('POST', `/api/incidents/${incidentId}/log`, commander, { kind: 'rumour', text: 'x' })).json().error.field).toBe('body.kind')
      const refusal = async (statement: Promise<unknown>) => {
        try {
          await statement
        } catch (error) {
          const e = error as Error & { cause?: Error }
          return `${e.message} ${e.cause?.message ?? ''}`
        }
        return 'no error'
      }
      expect(await refusal(platform.db.execute(sql`UPDATE incidents.log SET text = 'changed' WHERE id = ${id}`))).toContain('append-only')
      expect(await refusal(platform.db.execute(sql`DELETE FROM incidents.log WHERE id = ${id}`))).toContain('append-only')
      const log = (await req('GET', `/api/incidents/${incidentId}/log`, duty)).json().items
      expect(log.find((e: { id: number }) => e.id === id).text).toBe('决定对桥头村低洼地带实施预防性转移')
    })

    it('drafts a situation report from the data, saves each edit as a version, exports an official .docx', async () => {
      const created = await req('POST', `/api/incidents/${incidentId}/sitreps`, duty, { signer: '王局长' })
      expect(created.statusCode, created.body).toBe(201)
      const sitrep = created.json()
      expect(sitrep).toMatchObject({ number: 1, version: 1, title: '关于乐安河镇桥段洪水的续报（第1期）', issuer: '乐平市应急管理局', signer: '王局长' })
      const [basic, actions, next] = sitrep.sections as { heading: string; text: string }[]
      expect([basic!.heading, actions!.heading, next!.heading]).toEqual(['一、基本情况', '二、处置情况', '三、下一步工作'])
      expect(basic!.text).toContain('紧急转移120人')
      // The response in force, and the level change after it.
      expect(actions!.text).toContain('启动《测试防汛应急预案》Ⅲ级应急响应')
      expect(actions!.text).toContain('响应等级由Ⅳ级调整为Ⅲ级')
      expect(actions!.text).toContain('决定对桥头村低洼地带实施预防性转移')
      expect(actions!.text).toContain('测试防汛抢险队')

      const edited = await req('PATCH', `/api/incidents/${incidentId}/sitreps/${sitrep.id}`, duty, {
        sections: [{ key: 'basic', heading: '一、基本情况', text: '编辑后的基本情况：堤段渗水已控制。' }, actions, next],
      })
      expect(edited.statusCode, edited.body).toBe(200)
      expect(edited.json().version).toBe(2)
      const all = (await req('GET', `/api/incidents/${incidentId}/sitreps/${sitrep.id}`, duty)).json()
      expect(all.versions.map((v: { version: number }) => v.version)).toEqual([1, 2])
      expect(all.versions[0].sections[0].text).toContain('紧急转移120人')
      expect((await req('PATCH', `/api/incidents/${incidentId}/sitreps/${sitrep.id}`, duty, { sections: [] })).json().error.field).toBe('body.sections')

      const file = await req('GET', `/api/incidents/${incidentId}/sitreps/${sitrep.id}/docx`, duty)
      expect(file.statusCode).toBe(200)
      expect(file.headers['content-type']).toContain('wordprocessingml')
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sitrep-'))
      const docx = path.join(dir, 'sitrep.docx')
      fs.writeFileSync(docx, file.rawPayload)
      const xml = execFileSync('unzip', ['-p', docx, 'word/document.xml']).toString('utf8')
      fs.rmSync(dir, { recursive: true })
      const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')
      for (const part of ['乐平市应急管理局', '续报第1期', '关于乐安河镇桥段洪水的续报（第1期）', '一、基本情况', '编辑后的基本情况：堤段渗水已控制。', '二、处置情况', '三、下一步工作', '签发人：王局长']) {
        expect(text).toContain(part)
      }
      expect(text).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/)
      const log = (await req('GET', `/api/incidents/${incidentId}/log`, duty)).json().items
      expect(log.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['sitrep_saved', 'sitrep_exported']))
    })

    it('logs a warning issued over the incident\'s place (warnings.issued)', async () => {
      const warningId = crypto.randomUUID()
      await platform.db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO warnings.warnings (id, identifier, status, hazard, level, headline, description, expires, area, area_desc, area_geom, division_code, created_by, created_by_name, sent)
          VALUES (${warningId}, ${'TEST-' + warningId}, 'issued', 'flood', 'orange', '乐安河洪水橙色预警', '乐安河镇桥段超警戒', now() + interval '1 day',
                  '{"divisionCodes":["360281100000"]}'::jsonb, '镇桥镇', ST_Multi(ST_Buffer(ST_SetSRID(ST_MakePoint(117.2, 29.0), 4326), 0.05)),
                  ${zhenqiao}, ${duty.user.id}, '值班员小王', now())`)
        await enqueueEvent(tx, 'warnings.issued', { warningId, identifier: `TEST-${warningId}`, msgType: 'Alert', level: 'orange', hazard: 'flood' })
      })
      await platform.outbox.drain()
      const detail = (await req('GET', `/api/incidents/${incidentId}`, duty)).json()
      expect(detail.log.find((e: { kind: string }) => e.kind === 'warning_issued').text).toBe('发布橙色预警：乐安河洪水橙色预警')
      expect(detail.warnings.map((w: { id: string }) => w.id)).toContain(warningId)
    })

    it('closes the incident, after which it cannot change', async () => {
      const other = await create(duty, { title: '待结束的事件' })
      expect((await req('POST', `/api/incidents/${other.id}/close`, township, { summary: 'x' })).statusCode).toBe(403)
      const closed = await req('POST', `/api/incidents/${other.id}/close`, commander, { summary: '险情排除' })
      expect(closed.json()).toMatchObject({ status: 'closed', closeSummary: '险情排除' })
      const patch = await req('PATCH', `/api/incidents/${other.id}/facts`, duty, { deaths: 1 })
      expect(patch.statusCode).toBe(409)
    })
  })

  describe('duty roster (值班)', () => {
    it('seeds a demo week once, says who is on duty now, and falls back to the county for a village', async () => {
      // This week's roster: seeded now, or already by the prepared database; never twice.
      await seedIncidentsDemo(platform.db)
      expect((await seedIncidentsDemo(platform.db)).shifts).toBe(0)
      const start = weekStart(new Date())
      const [{ n }] = await queryRows<{ n: number }>(platform.db, sql`
        SELECT count(*)::int AS n FROM incidents.duty_shifts WHERE synthetic AND starts_at >= ${start.toISOString()}
          AND starts_at < ${new Date(start.getTime() + 7 * 86_400_000).toISOString()}`) as [{ n: number }]
      expect(n).toBe(14)
      const now = (await req('GET', '/api/incidents/duty/now', duty)).json()
      expect(now.leader).toMatchObject({ role: 'leader', roleName: '带班领导', synthetic: true })
      expect(now.officers).toHaveLength(1)
      const forVillage = await onDutyNow(platform.db, new Date(), village)
      expect(forVillage.map((s) => s.divisionCode)).toEqual(['360281000000', '360281000000'])
      const handovers = (await req('GET', '/api/incidents/duty/handovers', duty)).json().items
      expect(handovers.length).toBeGreaterThan(0)
    })

    it('notifies the officer on duty of a raised alarm', async () => {
      const alarmId = crypto.randomUUID()
      await platform.db.transaction(async (tx) => {
        await enqueueEvent(tx, 'monitoring.alarm_raised', { alarmId, level: 'red', deviceId: crypto.randomUUID(), divisionCode: village, ruleId: 'r', value: 1, message: '桥头村雨量站：1小时降雨80毫米', raisedAt: new Date().toISOString() })
      })
      await platform.outbox.drain()
      const items = (await req('GET', '/api/incidents/notifications', township)).json().items as { kind: string; title: string; body: string }[]
      const mine = (await req('GET', '/api/incidents/notifications', duty)).json().items as { kind: string; title: string; body: string }[]
      expect(mine.find((n) => n.body.includes(alarmId))).toMatchObject({ kind: 'alarm_raised', title: '红色告警：桥头村雨量站：1小时降雨80毫米' })
      // The township officer has the duty-officer role neither nor a shift yet.
      expect(items.find((n) => n.body.includes(alarmId))).toBeUndefined()
    })

    it('adds a township shift that takes over for its villages, refusing a bad range', async () => {
      const startsAt = new Date(Date.now() - 3_600_000).toISOString()
      const endsAt = new Date(Date.now() + 3_600_000).toISOString()
      const bad = await req('POST', '/api/incidents/duty/shifts', duty, { divisionCode: zhenqiao, role: 'officer', personName: '镇值班员', startsAt: endsAt, endsAt: startsAt })
      expect(bad.statusCode).toBe(400)
      expect(bad.json().error.field).toBe('body.endsAt')
      expect((await req('POST', '/api/incidents/duty/shifts', township, { divisionCode: zhenqiao, role: 'officer', personName: 'x', startsAt, endsAt })).statusCode).toBe(403)
      const ok = await req('POST', '/api/incidents/duty/shifts', duty, { divisionCode: zhenqiao, role: 'officer', userId: township.user.id, personName: '镇值班员', phone: '0798-6000000', startsAt, endsAt })
      expect(ok.statusCode, ok.body).toBe(201)
      expect((await onDutyNow(platform.db, new Date(), village)).map((s) => s.personName)).toEqual(['镇值班员'])
      // Now the township officer is on duty: an alarm in a village of the township reaches them.
      const alarmId = crypto.randomUUID()
      await platform.db.transaction(async (tx) => {
        await enqueueEvent(tx, 'monitoring.alarm_raised', { alarmId, level: 'orange', deviceId: crypto.randomUUID(), divisionCode: village, ruleId: 'r', value: 1, message: '水位上涨', raisedAt: new Date().toISOString() })
      })
      await platform.outbox.drain()
      const items = (await req('GET', '/api/incidents/notifications', township)).json().items as { body: string }[]
      expect(items.some((n) => n.body.includes(alarmId))).toBe(true)
      const note = await req('POST', '/api/incidents/duty/handovers', township, { divisionCode: zhenqiao, fromName: '镇值班员', toName: '下一班', notes: '无异常' })
      expect(note.statusCode, note.body).toBe(201)
    })

    it('shows an officer on duty who also has the duty-officer role each notice once', async () => {
      const startsAt = new Date(Date.now() - 3_600_000).toISOString()
      const endsAt = new Date(Date.now() + 3_600_000).toISOString()
      const otherVillage = '360281101201'
      const shift = await req('POST', '/api/incidents/duty/shifts', duty, { divisionCode: otherTownship, role: 'officer', userId: duty.user.id, personName: '值班员小王', startsAt, endsAt })
      expect(shift.statusCode, shift.body).toBe(201)
      const alarmId = crypto.randomUUID()
      await platform.db.transaction(async (tx) => {
        await enqueueEvent(tx, 'monitoring.alarm_raised', { alarmId, level: 'yellow', deviceId: crypto.randomUUID(), divisionCode: otherVillage, ruleId: 'r', value: 1, message: '山洪', raisedAt: new Date().toISOString() })
      })
      await platform.outbox.drain()
      const [{ n }] = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM incidents.notifications WHERE body LIKE ${'%' + alarmId}`) as [{ n: number }]
      expect(n).toBe(2) // to the user on duty and to the role
      const items = (await req('GET', '/api/incidents/notifications', duty)).json().items as { body: string }[]
      expect(items.filter((i) => i.body.includes(alarmId))).toHaveLength(1)
    })
  })

  describe('live (SSE)', () => {
    it('pushes a change to the viewers of an incident when a task changes, and checks jurisdiction', async () => {
      await app.listen({ port: 0, host: '127.0.0.1' })
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`
      const incident = await create(duty, { title: '直播测试事件' })
      const task = (await req('POST', `/api/incidents/${incident.id}/tasks`, duty, { title: '现场核查', assigneeKind: 'department', assigneeName: '乐平市水利局' })).json()
      expect((await fetch(`${base}/api/incidents/${incident.id}/stream`, { headers: { cookie: elsewhere.cookie } })).status).toBe(404)

      const controller = new AbortController()
      const timer = setTimeout(() => controller.abort(), 8000)
      const res = await fetch(`${base}/api/incidents/${incident.id}/stream`, { headers: { cookie: township.cookie }, signal: controller.signal })
      expect(res.headers.get('content-type')).toContain('text/event-stream')
      const reader = res.body!.getReader()
      const frames: { event: string; data: Record<string, unknown> }[] = []
      let buffer = ''
      let acted = false
      try {
        while (!frames.some((f) => f.event === 'change' && f.data.kind === 'tasks')) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += new TextDecoder().decode(value)
          let end: number
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            const event = /^event: (.*)$/m.exec(frame)?.[1]
            const data = /^data: (.*)$/m.exec(frame)?.[1]
            if (event && data) frames.push({ event, data: JSON.parse(data) as Record<string, unknown> })
          }
          if (!acted && frames.some((f) => f.event === 'hello')) {
            acted = true
            const accepted = await req('POST', `/api/incidents/tasks/${task.id}/accept`, township, {})
            expect(accepted.statusCode).toBe(200)
          }
        }
      } finally {
        clearTimeout(timer)
        controller.abort()
      }
      expect(frames.find((f) => f.event === 'change' && f.data.kind === 'tasks')!.data).toMatchObject({ incidentId: incident.id, id: task.id })
    })
  })

  it('documents its routes in the OpenAPI document, their answers typed field by field', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    for (const route of ['/api/incidents/', '/api/incidents/{id}/activate', '/api/incidents/tasks/{taskId}/accept', '/api/incidents/{id}/sitreps/{sitrepId}/docx', '/api/incidents/duty/now']) {
      expect(Object.keys(doc.paths)).toContain(route)
    }
    const answer = (route: string, method: string, status: string) => doc.paths[route][method].responses[status].content['application/json'].schema
    const board = answer('/api/incidents/{id}', 'get', '200')
    expect(board.properties.tasks.items.properties.photos.items.required).toEqual(['id', 'fileName', 'url'])
    expect(board.properties.attachments.items.properties.sizeBytes.type).toBe('integer')
    expect(board.properties.reportingDeadlines.items.properties.state.enum).toEqual(['pending', 'overdue', 'done', 'done_late'])
    expect(answer('/api/incidents/{id}/suggestions', 'get', '200').properties.nearby.items.properties.distanceM.type).toBe('integer')
    expect(answer('/api/incidents/tasks/{taskId}/done', 'post', '200').properties.status.enum).toEqual(['assigned', 'accepted', 'in_progress', 'done', 'blocked'])
    expect(answer('/api/incidents/duty/now', 'get', '200').required).toEqual(['at', 'divisionCode', 'leader', 'officers', 'shifts'])
    // No open objects left: every object in the answers names its fields (detail and log data are free by design).
    const open: string[] = []
    const walk = (schema: Record<string, unknown>, where: string) => {
      // (OpenAPI 3.0 has no null type: a null alternative appears as a nullable object.)
      if (schema.type === 'object' && !schema.properties && !schema.nullable && !/detail|data$/.test(where)) open.push(where)
      for (const [key, value] of Object.entries(schema)) if (value && typeof value === 'object') walk(value as Record<string, unknown>, `${where}.${key}`)
    }
    for (const [route, methods] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }> }>>)) {
      if (!route.startsWith('/api/incidents')) continue
      for (const [method, op] of Object.entries(methods)) {
        for (const [status, r] of Object.entries(op.responses ?? {})) if (r.content) walk(r.content['application/json']!.schema, `${method} ${route} ${status}`)
      }
    }
    expect(open).toEqual([])
  })

  it('sends every field the handlers return, unchanged (the response schemas drop nothing)', () => {
    expect(serialized.checked).toBeGreaterThan(80)
    expect(serialized.differences).toEqual([])
  })
})
