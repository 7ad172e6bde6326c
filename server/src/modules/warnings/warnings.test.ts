import { spawnSync } from 'node:child_process'
import crypto from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../http/app.ts'
import { queryRows } from '../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs } from '../../testing/session.ts'
import { seedSyntheticDivisionAreas } from '../geo/syntheticAreas.ts'

const schema = fileURLToPath(new URL('../../../test-fixtures/cap/CAP-v1.2.xsd', import.meta.url))
function xsdVerdict(xml: string): string {
  const run = spawnSync('xmllint', ['--noout', '--schema', schema, '-'], { input: xml, encoding: 'utf8' })
  if (run.error) throw new Error(`xmllint could not run: ${run.error.message} (apt-get install libxml2-utils)`)
  return run.stderr
}

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()
type Headers = { cookie: string }

describe('warnings over HTTP: authoring, areas, approval, Update and Cancel', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: Headers
  let commander: Headers
  let commanderId: string
  let commander2: Headers
  let admin: Headers
  let zhenqiao: Headers
  let legang: Headers
  let village: Headers

  const post = (url: string, headers: Headers, payload?: object) => app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) })
  const get = (url: string, headers: Headers) => app.inject({ method: 'GET', url, headers })
  const count = async () => (await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM warnings.warnings`))[0]!.n
  const rainstorm = (extra: object = {}) => ({
    event: 'rainstorm', level: 'orange', description: '镇桥镇3小时降雨量已达62毫米，且降雨仍将持续。', instruction: '危险地带人员转移。',
    expires: hours(12), area: { divisionCodes: ['360281100'] }, ...extra,
  })

  beforeAll(async () => {
    platform = await createTestPlatform()
    await seedSyntheticDivisionAreas(platform.db)
    app = await buildApp(platform, { logger: false })
    duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    const c = await loginAs(app, platform, { role: 'commander', displayName: '指挥长甲' })
    commander = c.headers
    commanderId = c.user.id
    commander2 = (await loginAs(app, platform, { role: 'commander', displayName: '指挥长乙' })).headers
    admin = (await loginAs(app, platform, { role: 'admin' })).headers
    zhenqiao = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })).headers
    legang = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281101' })).headers
    village = (await loginAs(app, platform, { role: 'village', jurisdiction: '360281100' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('a township officer drafts a warning for the township: area resolved, named, its villages targeted, synthetic area marked', async () => {
    const res = await post('/api/warnings', zhenqiao, rainstorm())
    expect(res.statusCode, res.body).toBe(201)
    const w = res.json()
    expect(w).toMatchObject({
      status: 'draft', msgType: 'Alert', event: 'rainstorm', level: 'orange', divisionCode: '360281100000', syntheticArea: true,
      headline: '乐平市应急管理局发布暴雨橙色预警', areaDesc: '乐平市镇桥镇', area: { divisionCodes: ['360281100000'] },
    })
    expect(w.identifier).toMatch(/^360281\d{8}_\d{14}_\d$/)
    const [villages] = await queryRows<{ n: number }>(platform.db, sql`SELECT count(*)::int AS n FROM geo.divisions WHERE parent_code = '360281100000'`)
    expect(w.divisionCodes).toContain('360281100000')
    expect(w.divisionCodes.filter((c: string) => c.startsWith('360281100') && c !== '360281100000')).toHaveLength(villages!.n)
    expect(w.divisionCodes.every((c: string) => c.startsWith('360281100'))).toBe(true)
    expect(w.areaGeometry.type).toBe('MultiPolygon')

    const detail = (await get(`/api/warnings/${w.id}`, zhenqiao)).json()
    expect(detail.capPreview).toBe(true)
    expect(detail.capXml).toContain('<msgType>Alert</msgType>')
    expect(xsdVerdict(detail.capXml)).toContain('validates')
  })

  it('jurisdiction: another township can neither author for 镇桥镇 nor see its drafts; a village user cannot author', async () => {
    const own = (await post('/api/warnings', zhenqiao, rainstorm())).json()
    expect((await post('/api/warnings', legang, rainstorm())).statusCode).toBe(403)
    expect((await get(`/api/warnings/${own.id}`, legang)).statusCode).toBe(404)
    const list = (await get('/api/warnings?status=draft&pageSize=200', legang)).json()
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(own.id)
    expect((await get('/api/warnings?status=draft&pageSize=200', duty)).json().items.map((i: { id: string }) => i.id)).toContain(own.id)
    const square = [[117.0, 28.9], [117.5, 28.9], [117.5, 29.2], [117.0, 29.2], [117.0, 28.9]]
    expect((await post('/api/warnings', zhenqiao, rainstorm({ area: { polygon: square } }))).json().error.code).toBe('area_outside_jurisdiction')
    expect((await post('/api/warnings', village, rainstorm())).statusCode).toBe(403)
  })

  it('a polygon or a circle is named by the townships it touches and targets the divisions it covers', async () => {
    const seat = (await queryRows<{ lon: number; lat: number }>(platform.db, sql`SELECT ST_X(location) lon, ST_Y(location) lat FROM geo.divisions WHERE code = '360281100000'`))[0]!
    const d = 0.01
    const ring = [[seat.lon - d, seat.lat - d], [seat.lon + d, seat.lat - d], [seat.lon + d, seat.lat + d], [seat.lon - d, seat.lat + d], [seat.lon - d, seat.lat - d]]
    const polygon = await post('/api/warnings', duty, rainstorm({ area: { polygon: ring } }))
    expect(polygon.statusCode, polygon.body).toBe(201)
    expect(polygon.json().areaDesc).toMatch(/^乐平市.*镇桥镇.*（部分区域）$/)
    expect(polygon.json().divisionCodes).toContain('360281100000')
    const circle = await post('/api/warnings', duty, rainstorm({ area: { circle: { center: [seat.lon, seat.lat], radiusKm: 2 } } }))
    expect(circle.statusCode, circle.body).toBe(201)
    expect(circle.json().divisionCodes).toContain('360281100000')
    const [area] = await queryRows<{ km2: number }>(platform.db, sql`SELECT ST_Area(area_geom::geography) / 1e6 AS km2 FROM warnings.warnings WHERE id = ${circle.json().id}::uuid`)
    expect(area!.km2).toBeGreaterThan(12.4)
    expect(area!.km2).toBeLessThan(12.7) // π · 2² ≈ 12.57 km²
    const detail = (await get(`/api/warnings/${circle.json().id}`, duty)).json()
    expect(detail.capXml).toMatch(/<circle>[\d.]+,[\d.]+ 2<\/circle>/)
  })

  const seatRing = [[117.1, 28.9], [117.2, 28.9], [117.2, 29.0], [117.1, 29.0]]
  it.each([
    { why: 'unclosed polygon', patch: { area: { polygon: seatRing } }, field: 'body.area.polygon', code: 'polygon_not_closed' },
    { why: 'self-intersecting polygon', patch: { area: { polygon: [[117.1, 28.9], [117.2, 29.0], [117.2, 28.9], [117.1, 29.0], [117.1, 28.9]] } }, field: 'body.area.polygon', code: 'polygon_self_intersecting' },
    { why: 'longitude out of range', patch: { area: { polygon: [[117.1, 28.9], [190, 28.9], [117.2, 29.0], [117.1, 28.9]] } }, field: 'body.area.polygon.1', code: 'longitude_out_of_range' },
    { why: 'latitude out of range in a circle', patch: { area: { circle: { center: [117.1, 91], radiusKm: 2 } } }, field: 'body.area.circle.center', code: 'latitude_out_of_range' },
    { why: 'circle radius 0', patch: { area: { circle: { center: [117.1, 28.9], radiusKm: 0 } } }, field: 'body.area.circle.radiusKm', code: 'circle_radius_not_positive' },
    { why: 'two kinds of area', patch: { area: { divisionCodes: ['360281100'], circle: { center: [117.1, 28.9], radiusKm: 1 } } }, field: 'body.area', code: 'area_kind' },
    { why: 'expiry before onset', patch: { onset: hours(10), expires: hours(5) }, field: 'body.expires', code: 'expires_before_onset' },
    { why: 'expiry in the past', patch: { expires: hours(-1) }, field: 'body.expires', code: 'expires_in_past' },
    { why: 'unknown division code', patch: { area: { divisionCodes: ['360281100', '360281999999'] } }, field: 'body.area.divisionCodes.1', code: 'unknown_division_code' },
    { why: 'malformed division code', patch: { area: { divisionCodes: ['36028'] } }, field: 'body.area.divisionCodes.0', code: 'invalid_division_code' },
    { why: 'unknown level', patch: { level: 'purple' }, field: 'body.level' },
    { why: 'unknown event', patch: { event: 'meteorStrike' }, field: 'body.event' },
    { why: 'unknown field', patch: { colour: 'red' }, field: 'body.colour' },
    { why: 'missing description', patch: { description: undefined }, field: 'body.description' },
  ])('bad input → 400 naming the field, nothing written: $why', async ({ patch, field, code }) => {
    const before = await count()
    const res = await post('/api/warnings', duty, rainstorm(patch))
    expect(res.statusCode, res.body).toBe(400)
    expect(res.json().error.field).toBe(field)
    if (code) expect(res.json().error.code).toBe(code)
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(res.json().error.messageEn).toBeTruthy()
    expect(await count()).toBe(before)
  })

  let issuedId: string
  let issuedIdentifier: string
  it('approval: submit → a commander other than the author approves → issued CAP Alert, valid XSD, warnings.issued in the outbox', async () => {
    const draft = (await post('/api/warnings', duty, rainstorm({ descriptionEn: 'Rainfall reached 62 mm in 3 hours.', instructionEn: 'Leave danger zones.' }))).json()
    expect((await post(`/api/warnings/${draft.id}/approve`, commander)).json().error.code).toBe('invalid_status')
    const submitted = await post(`/api/warnings/${draft.id}/submit`, duty)
    expect(submitted.json()).toMatchObject({ status: 'submitted' })
    expect((await post(`/api/warnings/${draft.id}/approve`, duty)).statusCode).toBe(403)
    expect((await post(`/api/warnings/${draft.id}/approve`, zhenqiao)).statusCode).toBe(403)
    const approved = await post(`/api/warnings/${draft.id}/approve`, commander)
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json()).toMatchObject({ status: 'issued', msgType: 'Alert', approvedBy: { id: commanderId, name: '指挥长甲' }, emergencyIssue: false })
    expect(approved.json().sent).toBeTruthy()
    issuedId = draft.id
    issuedIdentifier = draft.identifier
    const detail = (await get(`/api/warnings/${draft.id}`, duty)).json()
    expect(detail.capPreview).toBe(false)
    expect(detail.identifier).toBe(issuedIdentifier)
    expect(detail.capXml).toContain(`<identifier>${issuedIdentifier}</identifier>`)
    expect(detail.capXml).toContain('<sender>yingji@leping.gov.cn</sender>')
    expect(detail.capXml.indexOf('<language>zh-CN</language>')).toBeLessThan(detail.capXml.indexOf('<language>en-US</language>'))
    expect(detail.capXml).toContain('<valueName>GB/T 2260</valueName>')
    expect(xsdVerdict(detail.capXml)).toContain('validates')
    const events = await queryRows<{ payload: unknown }>(platform.db, sql`SELECT payload FROM events.outbox WHERE topic = 'warnings.issued' AND payload ->> 'warningId' = ${draft.id}`)
    expect(events.map((e) => e.payload)).toEqual([{ warningId: draft.id, identifier: issuedIdentifier, msgType: 'Alert', level: 'orange', hazard: 'rainstorm' }])
    // a township officer of the area sees the issued county warning
    expect((await get(`/api/warnings/${draft.id}`, zhenqiao)).statusCode).toBe(200)
    expect((await app.inject({ method: 'PATCH', url: `/api/warnings/${draft.id}`, headers: duty, payload: { level: 'red' } })).statusCode).toBe(409)
    expect((await app.inject({ method: 'DELETE', url: `/api/warnings/${draft.id}`, headers: duty })).statusCode).toBe(409)
  })

  it('the author cannot approve his own warning; a reject goes back to the author with the comment', async () => {
    const own = (await post('/api/warnings', commander, rainstorm())).json()
    await post(`/api/warnings/${own.id}/submit`, commander)
    expect((await post(`/api/warnings/${own.id}/approve`, commander)).json().error.code).toBe('approver_is_author')
    const rejected = await post(`/api/warnings/${own.id}/reject`, commander2, { comment: '范围请补充下游两个村' })
    expect(rejected.json()).toMatchObject({ status: 'rejected', reviewComment: '范围请补充下游两个村' })
    const edited = await app.inject({ method: 'PATCH', url: `/api/warnings/${own.id}`, headers: commander, payload: { level: 'red', area: { divisionCodes: ['360281100', '360281101'] } } })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ level: 'red', headline: '乐平市应急管理局发布暴雨红色预警', divisionCode: '360281000000' })
    expect(edited.json().areaDesc).toBe('乐平市镇桥镇、乐港镇')
    expect((await post(`/api/warnings/${own.id}/submit`, commander)).json().status).toBe('submitted')
    expect((await post(`/api/warnings/${own.id}/approve`, admin)).json().status).toBe('issued')
  })

  it('who may act: only the author edits, submits or deletes a draft; a township cannot update or cancel a county warning; allowedActions say so', async () => {
    const actions = async (id: string, headers: Headers) => (await get(`/api/warnings/${id}`, headers)).json().allowedActions
    const county = (await post('/api/warnings', duty, rainstorm({ area: { divisionCodes: ['360281100', '360281101'] } }))).json()
    expect(county.divisionCode).toBe('360281000000')
    expect(county.allowedActions).toEqual(['edit', 'delete', 'submit'])
    await post(`/api/warnings/${county.id}/submit`, duty)
    expect(await actions(county.id, commander)).toEqual(['approve', 'reject'])
    expect(await actions(county.id, duty)).toEqual([])
    await post(`/api/warnings/${county.id}/reject`, commander2, { comment: '请补充防御指南' })

    // someone else's rejected draft: the commander sees it but may not rewrite, resubmit or delete it
    expect(await actions(county.id, commander)).toEqual([])
    const patch = await app.inject({ method: 'PATCH', url: `/api/warnings/${county.id}`, headers: commander, payload: { level: 'red' } })
    expect(patch.statusCode).toBe(403)
    expect(patch.json().error).toMatchObject({ code: 'not_author', message: expect.stringContaining('只有编制人'), messageEn: expect.stringContaining('Only the author') })
    expect((await post(`/api/warnings/${county.id}/submit`, commander)).json().error.code).toBe('not_author')
    expect((await app.inject({ method: 'DELETE', url: `/api/warnings/${county.id}`, headers: commander })).json().error.code).toBe('not_author')
    expect(await actions(county.id, duty)).toEqual(['edit', 'delete', 'submit'])
    await post(`/api/warnings/${county.id}/submit`, duty)
    expect((await post(`/api/warnings/${county.id}/approve`, commander)).json().status).toBe('issued')

    // the issued county warning covers 镇桥镇: its officer sees it, but updating or cancelling it is the county's
    const seen = (await get(`/api/warnings/${county.id}`, zhenqiao)).json()
    expect(seen.allowedActions).toEqual([])
    expect((await get('/api/warnings?status=issued&pageSize=200', zhenqiao)).json().items.find((i: { id: string }) => i.id === county.id).allowedActions).toEqual([])
    const update = await post(`/api/warnings/${county.id}/update`, zhenqiao, { level: 'red' })
    expect(update.statusCode).toBe(403)
    expect(update.json().error).toMatchObject({ code: 'warning_outside_jurisdiction', message: expect.stringContaining('超出您的管辖范围'), messageEn: expect.stringContaining('outside your jurisdiction') })
    expect((await post(`/api/warnings/${county.id}/cancel`, zhenqiao, { reason: '雨停' })).statusCode).toBe(403) // the role already
    expect(await actions(county.id, duty)).toEqual(['update'])
    expect(await actions(county.id, commander)).toEqual(['update', 'cancel'])

    // a warning of 镇桥镇 alone is the township's to update (a commander cancels it)
    const own = (await post('/api/warnings', zhenqiao, rainstorm())).json()
    await post(`/api/warnings/${own.id}/submit`, zhenqiao)
    await post(`/api/warnings/${own.id}/approve`, commander)
    expect(await actions(own.id, zhenqiao)).toEqual(['update'])
    expect(await actions(own.id, legang)).toBeUndefined() // not visible to another township at all

    // a Cancel is final
    const cancel = (await post(`/api/warnings/${county.id}/cancel`, commander, { reason: '降雨减弱' })).json()
    expect(cancel.allowedActions).toEqual([])
    expect((await post(`/api/warnings/${cancel.id}/update`, duty, { level: 'red' })).json().error.code).toBe('cancel_is_final')
  })

  it('a level changed in the editor, which sends the unchanged headline back, changes a default headline too', async () => {
    const draft = (await post('/api/warnings', duty, rainstorm())).json()
    const edited = await app.inject({ method: 'PATCH', url: `/api/warnings/${draft.id}`, headers: duty, payload: { level: 'red', headline: draft.headline } })
    expect(edited.statusCode, edited.body).toBe(200)
    expect(edited.json()).toMatchObject({ level: 'red', headline: '乐平市应急管理局发布暴雨红色预警' })
    const own = await app.inject({ method: 'PATCH', url: `/api/warnings/${draft.id}`, headers: duty, payload: { level: 'orange', headline: '镇桥镇暴雨预警' } })
    expect(own.json()).toMatchObject({ level: 'orange', headline: '镇桥镇暴雨预警' })
  })

  it('Update: a new draft referencing the issued warning; approving it supersedes the original; CAP references it', async () => {
    const update = await post(`/api/warnings/${issuedId}/update`, duty, { level: 'red', description: '3小时降雨量已达104毫米。' })
    expect(update.statusCode, update.body).toBe(201)
    const u = update.json()
    expect(u).toMatchObject({ status: 'draft', msgType: 'Update', referencesId: issuedId, level: 'red', headline: '乐平市应急管理局更新暴雨红色预警' })
    expect(u.identifier).not.toBe(issuedIdentifier)
    await post(`/api/warnings/${u.id}/submit`, duty)
    expect((await post(`/api/warnings/${u.id}/approve`, commander)).json().status).toBe('issued')
    expect((await get(`/api/warnings/${issuedId}`, duty)).json().status).toBe('superseded')
    const detail = (await get(`/api/warnings/${u.id}`, duty)).json()
    const original = (await get(`/api/warnings/${issuedId}`, duty)).json()
    expect(detail.capXml).toContain('<msgType>Update</msgType>')
    const sentText = original.capXml.match(/<sent>([^<]+)<\/sent>/)[1]
    expect(detail.capXml).toContain(`<references>yingji@leping.gov.cn,${issuedIdentifier},${sentText}</references>`)
    expect(xsdVerdict(detail.capXml)).toContain('validates')
    // the superseded one cannot be updated again
    expect((await post(`/api/warnings/${issuedId}/update`, duty, { level: 'red' })).statusCode).toBe(409)

    // Cancel: a commander or administrator, at once, referencing the warning in force
    expect((await post(`/api/warnings/${u.id}/cancel`, duty, { reason: '降雨减弱' })).statusCode).toBe(403)
    const cancel = await post(`/api/warnings/${u.id}/cancel`, commander, { reason: '降雨减弱，险情解除' })
    expect(cancel.statusCode, cancel.body).toBe(201)
    expect(cancel.json()).toMatchObject({ status: 'issued', msgType: 'Cancel', referencesId: u.id, description: '降雨减弱，险情解除' })
    expect((await get(`/api/warnings/${u.id}`, duty)).json().status).toBe('cancelled')
    const cancelXml = (await get(`/api/warnings/${cancel.json().id}`, duty)).json().capXml
    expect(cancelXml).toContain('<msgType>Cancel</msgType>')
    expect(cancelXml).toContain(`,${u.identifier},`)
    expect(xsdVerdict(cancelXml)).toContain('validates')
    const topics = await queryRows<{ msg: string }>(platform.db, sql`SELECT payload ->> 'msgType' AS msg FROM events.outbox WHERE topic = 'warnings.issued' AND payload ->> 'warningId' IN (${u.id}, ${cancel.json().id})`)
    expect(topics.map((t) => t.msg).sort()).toEqual(['Cancel', 'Update'])
  })

  it('a commander may issue a RED warning alone in an emergency, audited; not orange, not a duty officer', async () => {
    const orange = (await post('/api/warnings', commander, rainstorm())).json()
    expect((await post(`/api/warnings/${orange.id}/issue-emergency`, commander, { reason: '山洪' })).json().error.code).toBe('emergency_level_not_allowed')
    const red = (await post('/api/warnings', duty, rainstorm({ level: 'red' }))).json()
    expect((await post(`/api/warnings/${red.id}/issue-emergency`, duty, { reason: '山洪' })).statusCode).toBe(403)
    const issued = await post(`/api/warnings/${red.id}/issue-emergency`, commander, { reason: '山洪已暴发，来不及会签' })
    expect(issued.statusCode, issued.body).toBe(200)
    expect(issued.json()).toMatchObject({ status: 'issued', emergencyIssue: true, reviewComment: '山洪已暴发，来不及会签' })
    const audit = await queryRows<{ action: string; actor_role: string }>(platform.db, sql`SELECT action, actor_role FROM auth.audit_log WHERE entity_id = ${red.id} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['warning.create', 'warning.issue_emergency'])
    expect(audit[1]!.actor_role).toBe('commander')
  })

  it('drafts are edited and deleted; every write audited', async () => {
    const draft = (await post('/api/warnings', zhenqiao, rainstorm())).json()
    const patched = await app.inject({ method: 'PATCH', url: `/api/warnings/${draft.id}`, headers: zhenqiao, payload: { headline: '镇桥镇暴雨橙色预警', instruction: null } })
    expect(patched.json()).toMatchObject({ headline: '镇桥镇暴雨橙色预警', instruction: null })
    expect((await app.inject({ method: 'DELETE', url: `/api/warnings/${draft.id}`, headers: zhenqiao })).statusCode).toBe(204)
    expect((await get(`/api/warnings/${draft.id}`, zhenqiao)).statusCode).toBe(404)
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${draft.id} ORDER BY id`)
    expect(audit.map((a) => a.action)).toEqual(['warning.create', 'warning.update_draft', 'warning.delete'])
  })

  it('from an alarm: prefilled hazard, level, township, 2 km circle option and the template; one click creates the draft', async () => {
    const [v] = await queryRows<{ code: string; lon: number; lat: number }>(platform.db, sql`
      SELECT code::text AS code, ST_X(location) lon, ST_Y(location) lat FROM geo.divisions WHERE parent_code = '360281100000' AND location IS NOT NULL ORDER BY code LIMIT 1`)
    const deviceId = crypto.randomUUID()
    const alarmId = crypto.randomUUID()
    await platform.db.execute(sql`INSERT INTO monitoring.devices (id, code, type, name, division_code, location, expected_interval_s, api_key_hash)
      VALUES (${deviceId}::uuid, ${'W1-RAIN-' + deviceId.slice(0, 6)}, 'rain_gauge', '镇桥雨量站', ${v!.code}, ST_SetSRID(ST_MakePoint(${v!.lon}, ${v!.lat}), 4326), 300, ${crypto.randomUUID()})`)
    await platform.db.execute(sql`INSERT INTO monitoring.alarms (id, device_id, rule_id, rule_name, rule_name_en, division_code, level, status, value, message, raised_at)
      VALUES (${alarmId}::uuid, ${deviceId}::uuid, 'rain-3h', '3小时降雨', '3-hour rainfall', ${v!.code}, 'orange', 'active', 62, '镇桥雨量站 3小时降雨 橙色：rainfall_mm 180 分钟内62（阈值 50）', now())`)
    const prefilled = await get(`/api/warnings/from-alarm/${alarmId}`, duty)
    expect(prefilled.statusCode, prefilled.body).toBe(200)
    const p = prefilled.json()
    expect(p.body).toMatchObject({ event: 'rainstorm', level: 'orange', area: { divisionCodes: ['360281100000'] }, sourceAlarmId: alarmId })
    expect(p.body.description).toContain('3小时内')
    expect(p.body.description).toContain('乐平市镇桥镇')
    // what was measured, in words for the public, not the alarm's log line
    expect(p.body.description).toContain('（镇桥雨量站实测62毫米，已达橙色预警标准）')
    expect(p.body.description).not.toContain('rainfall_mm')
    expect(p.circleArea).toEqual({ circle: { center: [v!.lon, v!.lat], radiusKm: 2 } })
    expect((await get(`/api/warnings/from-alarm/${alarmId}`, legang)).statusCode).toBe(404)
    const created = await post(`/api/warnings/from-alarm/${alarmId}`, zhenqiao)
    expect(created.statusCode, created.body).toBe(201)
    expect(created.json()).toMatchObject({ status: 'draft', sourceAlarmId: alarmId, level: 'orange', areaDesc: '乐平市镇桥镇' })
    // the circle may reach a neighbouring township: the county duty officer drafts it
    const circle = await post(`/api/warnings/from-alarm/${alarmId}?area=circle`, duty)
    expect(circle.statusCode, circle.body).toBe(201)
    expect(circle.json().area).toEqual({ circle: { center: [v!.lon, v!.lat], radiusKm: 2 } })

    // SCENARIO step 5: the alarm escalates to red (104 mm); 更新预警 starts from the alarm's level, template and measurement
    const issued = created.json()
    await post(`/api/warnings/${issued.id}/submit`, zhenqiao)
    expect((await post(`/api/warnings/${issued.id}/approve`, commander)).json().status).toBe('issued')
    await platform.db.execute(sql`UPDATE monitoring.alarms SET level = 'red', value = 104 WHERE id = ${alarmId}::uuid`)
    const update = await post(`/api/warnings/${issued.id}/update`, zhenqiao, {})
    expect(update.statusCode, update.body).toBe(201)
    const [red] = (await get(`/api/warnings/templates?hazard=rainstorm&level=red`, zhenqiao)).json().items
    expect(update.json()).toMatchObject({ msgType: 'Update', level: 'red', headline: '乐平市应急管理局更新暴雨红色预警', instruction: red.instruction.zh.replaceAll('{area}', '乐平市镇桥镇') })
    expect(update.json().description).toContain('（镇桥雨量站实测104毫米，已达红色预警标准）')
    // a level the author gives wins
    expect((await post(`/api/warnings/${issued.id}/update`, zhenqiao, { level: 'orange' })).json().level).toBe('orange')
  })

  it('the hazard catalogue and templates for the authoring UI; the routes are in the OpenAPI document', async () => {
    const hazards = (await get('/api/warnings/hazards', village)).json()
    expect(hazards.items.find((h: { key: string }) => h.key === 'geologicalHazard').name.zh).toBe('地质灾害')
    expect(hazards.levels.map((l: { key: string; severity: string }) => `${l.key}:${l.severity}`)).toEqual(['red:Extreme', 'orange:Severe', 'yellow:Moderate', 'blue:Minor'])
    const templates = (await get('/api/warnings/templates?hazard=flood&level=red', village)).json()
    expect(templates.items).toHaveLength(1)
    expect(templates.items[0].instruction.zh).toContain('转移')
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
    for (const path of ['/api/warnings/', '/api/warnings/{id}/approve', '/api/warnings/{id}/issue-emergency', '/api/warnings/subscribers/']) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
  })
})
