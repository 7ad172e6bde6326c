import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { queryRows } from '../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { seedPlansDemo } from './demo.ts'
import { planLevelChecklist, suggestPlans } from './suggest.ts'

const minimalPlan = {
  name: '镇桥镇防汛应急预案（测试）', type: 'grassroots', hazardTypes: ['flood'], ownerDepartment: '镇桥镇人民政府', issuingLevel: 'township',
  issuingAuthority: '镇桥镇人民政府', documentNumber: null, version: '2026', issuedOn: '2026-03-02', effectiveOn: '2026-03-02', revisionDue: null,
  filingStatus: 'pending', filedOn: null, filedWith: null, drillIntervalMonths: 12, divisionCode: '360281100', status: 'effective', summary: null,
  organisation: { headquarters: '镇桥镇防汛指挥部', commander: '镇长', deputyCommanders: [], office: '镇应急办', memberDepartments: ['镇应急办'], groups: [] },
  levels: [
    { level: 4, name: 'Ⅳ级响应', description: '', criteria: { any: [{ fact: 'waterLevelAboveWarningM', op: '>=', value: 0 }] }, checklist: [{ assigneeKind: 'department', assignee: '镇应急办', task: '巡堤', deadlineMinutes: 60 }] },
    { level: 3, name: 'Ⅲ级响应', description: '', criteria: { fact: 'waterLevelAboveWarningM', op: '>=', value: 0.5 }, checklist: [] },
  ],
}

describe('emergency plans (应急预案) over HTTP', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let commander: { cookie: string }
  let duty: { cookie: string }
  let zhenqiaoDept: { cookie: string }
  let legang: { cookie: string }
  let floodId: string
  let planId: string

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    await seedPlansDemo(platform.db)
    commander = (await loginAs(app, platform, { role: 'commander' })).headers
    duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    zhenqiaoDept = (await loginAs(app, platform, { role: 'department', jurisdiction: '360281100' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('seeds the six demo plans once (idempotent) with the flood plan\'s drill flagged (SCENARIO: last drill 14 months ago)', async () => {
    expect(await seedPlansDemo(platform.db)).toEqual({ inserted: 0 })
    const res = await app.inject({ method: 'GET', url: '/api/plans', headers: duty })
    expect(res.statusCode).toBe(200)
    const items = res.json().items as { id: string; name: string; flags: { kind: string; message: string }[]; lastDrillOn: string; drillIntervalEffective: number }[]
    expect(items.filter((p) => p.name.startsWith('乐平市'))).toHaveLength(6)
    const flood = items.find((p) => p.name === '乐平市防汛抗旱应急预案')!
    floodId = flood.id
    expect(flood.drillIntervalEffective).toBe(12)
    expect(flood.flags.map((f) => f.kind)).toEqual(['drillOverdue'])
    expect(flood.flags[0]!.message).toMatch(/^演练逾期：上次演练\d{4}-\d{2}-\d{2}，应每12个月至少演练一次/)
    const hazchem = items.find((p) => p.name === '乐平市危险化学品事故应急预案')!
    expect(hazchem.flags.map((f) => f.kind)).toContain('filingOverdue')
  })

  it('township users read the county plans that cover them; flagged filter', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/plans?flagged=true&hazardType=flood', headers: legang })
    expect(res.statusCode).toBe(200)
    expect(res.json().items.map((p: { name: string }) => p.name)).toContain('乐平市防汛抗旱应急预案')
  })

  it('shows a plan\'s detail: organisation, levels with criteria in words, checklists, drills, revisions', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/plans/${floodId}`, headers: duty })
    expect(res.statusCode).toBe(200)
    const plan = res.json()
    expect(plan.organisation.headquarters).toBe('乐平市防汛抗旱指挥部')
    expect(plan.levels.map((l: { level: number }) => l.level)).toEqual([1, 2, 3, 4])
    const four = plan.levels[3]
    expect(four.criteriaText.zh).toBe('预警级别达到蓝色预警及以上 或 超警戒水位 ≥ 0米')
    expect(four.checklist.map((c: { assignee: string }) => c.assignee)).toEqual(['市水利局', '各乡镇人民政府', 'flood', '市应急管理局', '市气象局'])
    expect(plan.drills).toHaveLength(2)
    expect(plan.revisions[0]).toMatchObject({ summary: '导入演示预案', actorName: '系统' })
  })

  it('POST /api/plans/match suggests the flood plan at level IV with the reason (SCENARIO step 7)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans/match', headers: duty, payload: { facts: { hazardType: 'flood', waterLevelAboveWarningM: 0.2, divisionCode: '360281100000' } } })
    expect(res.statusCode).toBe(200)
    const [first] = res.json().suggestions
    expect(first).toMatchObject({ planId: floodId, level: 4, levelName: { zh: 'Ⅳ级响应' } })
    expect(first.reason).toBe('建议启动乐平市防汛抗旱应急预案Ⅳ级响应：灾种洪水属本预案适用范围；超警戒水位 ≥ 0米（实际0.2米）')
    const bad = await app.inject({ method: 'POST', url: '/api/plans/match', headers: duty, payload: { facts: { deaths: -1 } } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toMatch(/deaths/)
  })

  it('suggestPlans and planLevelChecklist serve the incidents module', async () => {
    const suggestions = await suggestPlans(platform.db, { hazardType: 'hazmatLeak', deaths: 3, divisionCode: '360281401000' })
    expect(suggestions.map((s) => [s.planName, s.level])).toEqual([['乐平市危险化学品事故应急预案', 3], ['乐平市突发事件总体应急预案', 3]])
    const checklist = await planLevelChecklist(platform.db, floodId, 4)
    expect(checklist?.items).toHaveLength(5)
    expect(checklist?.items[2]).toEqual({ assigneeKind: 'teamType', assignee: 'flood', task: '防汛抢险队进入待命状态', deadlineMinutes: 60 })
  })

  it('creates a township plan as one document, audits it, and matches it for its own area only', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/plans', headers: zhenqiaoDept, payload: minimalPlan })
    expect(res.statusCode).toBe(201)
    planId = res.json().id
    expect(res.json()).toMatchObject({ divisionCode: '360281100000', divisionName: '镇桥镇', levelCount: 2 })
    expect(res.json().flags.map((f: { kind: string }) => f.kind)).toContain('filingOverdue')
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity = 'plans.plan' AND entity_id = ${planId}`)
    expect(audit.map((a) => a.action)).toEqual(['plan.create'])
    const inside = await suggestPlans(platform.db, { hazardType: 'flood', waterLevelAboveWarningM: 0.6, divisionCode: '360281100201' })
    expect(inside.map((s) => [s.planName, s.level])).toEqual([['乐平市防汛抗旱应急预案', 3], ['镇桥镇防汛应急预案（测试）', 3]])
    const outside = await suggestPlans(platform.db, { hazardType: 'flood', waterLevelAboveWarningM: 0.6, divisionCode: '360281101000' })
    expect(outside.map((s) => s.planName)).not.toContain('镇桥镇防汛应急预案（测试）')
    // 乐港镇 cannot see 镇桥镇's plan, nor have it suggested
    expect((await app.inject({ method: 'GET', url: `/api/plans/${planId}`, headers: legang })).statusCode).toBe(404)
    const facts = { hazardType: 'flood', waterLevelAboveWarningM: 0.6, divisionCode: '360281100201' }
    const seen = await app.inject({ method: 'POST', url: '/api/plans/match', headers: legang, payload: { facts } })
    expect(seen.json().suggestions.map((s: { planName: string }) => s.planName)).toEqual(['乐平市防汛抗旱应急预案'])
  })

  it.each([
    { why: 'bad criteria deep inside', patch: { levels: [{ ...minimalPlan.levels[0], criteria: { any: [{ fact: 'deaths', op: '>=', value: 'x' }] } }] }, field: 'body.levels[0].criteria.any[0].value' },
    { why: 'unknown fact', patch: { levels: [{ ...minimalPlan.levels[0], criteria: { fact: 'rain', op: '>=', value: 1 } }] }, field: 'body.levels[0].criteria.fact' },
    { why: 'a level twice', patch: { levels: [minimalPlan.levels[0], minimalPlan.levels[0]] }, field: 'body.levels[1].level' },
    { why: 'filed without date', patch: { filingStatus: 'filed' }, field: 'body.filedOn' },
    { why: 'bad type', patch: { type: 'joint' }, field: 'type' },
    { why: 'unknown field', patch: { owner: 'x' }, field: '' },
    { why: 'outside the jurisdiction', patch: { divisionCode: '360281101' }, field: null },
  ])('rejects $why, naming the field, and writes nothing', async ({ patch, field }) => {
    const before = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM plans.plans`)
    const res = await app.inject({ method: 'POST', url: '/api/plans', headers: zhenqiaoDept, payload: { ...minimalPlan, ...patch } })
    expect(res.statusCode).toBeGreaterThanOrEqual(400)
    expect(res.statusCode).toBeLessThan(500)
    if (field === null) expect(res.statusCode).toBe(403)
    else expect(res.json().error.field ?? '').toContain(field)
    expect(res.json().error.messageEn.length).toBeGreaterThan(0)
    const after = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM plans.plans`)
    expect(after[0]!.n).toBe(before[0]!.n)
  })

  it('only admin, commander and department write; duty officers read', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/plans', headers: duty, payload: minimalPlan })).statusCode).toBe(403)
    expect((await app.inject({ method: 'POST', url: `/api/plans/${planId}/drills`, headers: legang, payload: { drillType: 'live', name: 'x', heldOn: '2026-01-01', participants: '', participantCount: null, evaluation: '', problems: '' } })).statusCode).toBe(403)
  })

  it('PUT replaces the document and records a revision', async () => {
    const res = await app.inject({ method: 'PUT', url: `/api/plans/${planId}`, headers: zhenqiaoDept, payload: { ...minimalPlan, version: '2026-2', filingStatus: 'filed', filedOn: '2026-03-20', filedWith: '乐平市人民政府', revisionNote: '补充备案信息' } })
    expect(res.statusCode).toBe(200)
    expect(res.json().revisions.map((r: { summary: string; version: string }) => [r.version, r.summary])).toEqual([['2026-2', '补充备案信息'], ['2026', '创建预案']])
    expect(res.json().flags.map((f: { kind: string }) => f.kind)).not.toContain('filingOverdue')
  })

  it('records drills, clearing the drill flag; future dates are refused', async () => {
    const future = await app.inject({ method: 'POST', url: `/api/plans/${floodId}/drills`, headers: commander, payload: { drillType: 'live', name: '未来演练', heldOn: '2099-01-01', participants: '', participantCount: null, evaluation: '', problems: '' } })
    expect(future.statusCode).toBe(400)
    expect(future.json().error.field).toBe('body.heldOn')
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    const res = await app.inject({ method: 'POST', url: `/api/plans/${floodId}/drills`, headers: commander, payload: { drillType: 'tabletop', name: '2026年汛后复盘推演', heldOn: today, participants: '防指成员单位', participantCount: 30, evaluation: '良好', problems: '无' } })
    expect(res.statusCode).toBe(201)
    const drillId = res.json().id
    const detail = (await app.inject({ method: 'GET', url: `/api/plans/${floodId}`, headers: duty })).json()
    expect(detail.flags.map((f: { kind: string }) => f.kind)).not.toContain('drillOverdue')
    expect(detail.lastDrillOn).toBe(today)
    const patched = await app.inject({ method: 'PATCH', url: `/api/plans/${floodId}/drills/${drillId}`, headers: commander, payload: { problems: '通讯保障不足' } })
    expect(patched.json().problems).toBe('通讯保障不足')
    expect((await app.inject({ method: 'DELETE', url: `/api/plans/${floodId}/drills/${drillId}`, headers: commander })).statusCode).toBe(204)
  })

  it('uploads a PDF and a DOCX, checks magic bytes, downloads the same bytes', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')
    const up = await app.inject({ method: 'POST', url: `/api/plans/${planId}/attachments?fileName=${encodeURIComponent('预案正文.pdf')}`, headers: { ...zhenqiaoDept, 'content-type': 'application/pdf' }, payload: pdf })
    expect(up.statusCode).toBe(201)
    expect(up.json()).toMatchObject({ fileName: '预案正文.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length })
    const down = await app.inject({ method: 'GET', url: `/api/plans/${planId}/attachments/${up.json().id}`, headers: duty })
    expect(down.statusCode).toBe(200)
    expect(down.headers['content-type']).toBe('application/pdf')
    expect(down.rawPayload.equals(pdf)).toBe(true)
    expect(String(down.headers['content-disposition'])).toContain(encodeURIComponent('预案正文.pdf'))

    const fake = await app.inject({ method: 'POST', url: `/api/plans/${planId}/attachments?fileName=x.pdf`, headers: { ...zhenqiaoDept, 'content-type': 'application/pdf' }, payload: Buffer.from('hello') })
    expect(fake.statusCode).toBe(400)
    expect(fake.json().error.code).toBe('not_a_pdf')
    const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
    const docx = await app.inject({ method: 'POST', url: `/api/plans/${planId}/attachments?fileName=annex`, headers: { ...zhenqiaoDept, 'content-type': docxType }, payload: Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) })
    expect(docx.statusCode).toBe(201)
    expect(docx.json().fileName).toBe('annex.docx')
    const other = await app.inject({ method: 'POST', url: `/api/plans/${planId}/attachments?fileName=a.png`, headers: { ...zhenqiaoDept, 'content-type': 'image/png' }, payload: Buffer.from([1, 2, 3]) })
    expect(other.statusCode).toBe(415)
    expect((await app.inject({ method: 'DELETE', url: `/api/plans/${planId}/attachments/${docx.json().id}`, headers: zhenqiaoDept })).statusCode).toBe(204)
  })

  it('an effective plan cannot be deleted by non-admins; a superseded one can', async () => {
    const res = await app.inject({ method: 'DELETE', url: `/api/plans/${planId}`, headers: zhenqiaoDept })
    expect(res.statusCode).toBe(409)
    await app.inject({ method: 'PUT', url: `/api/plans/${planId}`, headers: zhenqiaoDept, payload: { ...minimalPlan, status: 'superseded' } })
    expect((await app.inject({ method: 'DELETE', url: `/api/plans/${planId}`, headers: zhenqiaoDept })).statusCode).toBe(204)
    const left = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM plans.plan_attachments WHERE plan_id = ${planId}`)
    expect(left[0]!.n).toBe(0)
  })
})
