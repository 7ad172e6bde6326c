/**
 * Audience, fan-out through the outbox, sending through the channels (a local SMS gateway, a real
 * SMTP server, robot receivers), receipts, acknowledgement links, the inbox and the report.
 * Warnings are inserted directly (authoring is another part of the module).
 */
import crypto from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { SMTPServer } from 'smtp-server'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'
import { enqueueEvent } from '../../events/outbox.ts'
import { startReceiver, type LocalReceiver } from '../channels/testing.ts'
import { ackSecret, ackToken } from './ackToken.ts'
import { deliveryRuntimeOf } from './runtime.ts'
import { configureDelivery } from './settings.ts'

const zhenqiao = '360281100000'
const legang = '360281101000'

interface SubscriberSpec {
  name: string
  kind?: 'responsible' | 'public'
  role?: string
  divisionCode?: string | null
  /** metres east of 镇桥镇's point, or 'far' (乐港镇) */
  at?: number | 'far' | null
  phone?: string
  email?: string
  wecom?: string
  dingtalk?: string
  userId?: string
  channels: string[]
  active?: boolean
}

async function addSubscriber(platform: TestPlatform, s: SubscriberSpec): Promise<string> {
  const id = crypto.randomUUID()
  const location = s.at === undefined || s.at === null
    ? sql`NULL`
    : s.at === 'far'
      ? sql`(SELECT location FROM geo.divisions WHERE code = ${legang})`
      : sql`ST_Project((SELECT location FROM geo.divisions WHERE code = ${zhenqiao})::geography, ${s.at}::double precision, radians(90))::geometry`
  await platform.db.execute(sql`
    INSERT INTO warnings.subscribers (id, name, kind, role, division_code, location, phone, email, wecom_webhook, dingtalk_webhook, user_id, channels, active)
    VALUES (${id}, ${s.name}, ${s.kind ?? 'public'}, ${s.role ?? 'public'}, ${s.divisionCode ?? null}, ${location}, ${s.phone ?? null}, ${s.email ?? null},
      ${s.wecom ?? null}, ${s.dingtalk ?? null}, ${s.userId ?? null}, string_to_array(${s.channels.join(',')}, ','), ${s.active ?? true})`)
  return id
}

/** An issued warning over a 3 km disc around 镇桥镇's point (and, optionally, named divisions). */
async function addWarning(platform: TestPlatform, options: { divisionCodes?: string[]; msgType?: 'Alert' | 'Update' | 'Cancel'; referencesId?: string; radiusM?: number } = {}): Promise<string> {
  const id = crypto.randomUUID()
  await platform.db.execute(sql`
    INSERT INTO warnings.warnings (id, identifier, status, msg_type, references_id, hazard, level, headline, description, instruction, expires, area, area_desc,
      area_geom, division_codes, division_code, created_by, created_by_name, sent)
    VALUES (${id}, ${`TEST-${id}`}, 'issued', ${options.msgType ?? 'Alert'}, ${options.referencesId ?? null}, 'flood', 'orange', '镇桥镇山洪橙色预警',
      '镇桥镇未来3小时降雨量将达50毫米以上。', '沿河低洼地带人员注意转移', now() + interval '1 day',
      '{"circle":{"radiusM":3000}}'::jsonb, '镇桥镇',
      ST_Multi(ST_Buffer((SELECT location FROM geo.divisions WHERE code = ${zhenqiao})::geography, ${options.radiusM ?? 3000}::double precision)::geometry),
      string_to_array(${(options.divisionCodes ?? []).join(',')}, ',')::text[], ${zhenqiao}, ${crypto.randomUUID()}, '测试', now())`)
  return id
}

async function issue(platform: TestPlatform, warningId: string, msgType = 'Alert') {
  await platform.db.transaction(async (tx) => {
    await enqueueEvent(tx, 'warnings.issued', { warningId, identifier: `TEST-${warningId}`, msgType, level: 'orange', hazard: 'flood' })
  })
  await platform.outbox.drain()
}

/** The rows, each with the token of its acknowledgement link. */
async function deliveriesOf(platform: TestPlatform, warningId: string) {
  const rows = await queryRows<{ id: string; subscriber_id: string; channel: string; status: string; priority: number; attempts: number; last_error: string | null; township_code: string | null }>(
    platform.db, sql`SELECT id, subscriber_id, channel, status, priority, attempts, last_error, township_code FROM warnings.deliveries WHERE warning_id = ${warningId} ORDER BY priority, channel, subscriber_id`)
  const secret = await ackSecret(platform.db)
  return rows.map((r) => ({ ...r, ack_token: ackToken(secret, r.id) }))
}

describe('warning delivery (预警送达)', { timeout: 120_000 }, () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let gateway: LocalReceiver
  let robot: LocalReceiver
  let smtp: SMTPServer
  const mails: string[] = []
  let county: { cookie: string }
  let other: { cookie: string }
  let gatewayClient: { cookie: string }
  let leader: { cookie: string; user: { id: string } }
  const ids: Record<string, string> = {}
  let warningId: string

  beforeAll(async () => {
    gateway = await startReceiver({ kind: 'sms' })
    robot = await startReceiver({ kind: 'webhook' })
    smtp = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        stream.on('data', () => {})
        stream.on('end', () => { mails.push(session.envelope.rcptTo.map((r) => r.address).join(',')); callback() })
      },
    })
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()))
    platform = await createTestPlatform()
    // The prepared database holds the demo recipients; this test counts its own.
    await platform.db.execute(sql`DELETE FROM warnings.subscribers WHERE synthetic`)
    configureDelivery(platform, {
      autoStart: false, publicBaseUrl: 'http://yj.test',
      sms: { gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 1 },
      email: { smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, from: 'alert@leping.example.cn', ratePerSecond: 0 },
      wecom: { ratePerSecond: 0 }, dingtalk: { ratePerSecond: 0 },
      backoff: { baseDelayMs: 1, maxDelayMs: 1, maxAttempts: 3 },
    })
    app = await buildApp(platform, { logger: false })
    county = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    other = (await loginAs(app, platform, { role: 'township', jurisdiction: '360281102' })).headers
    gatewayClient = (await loginAs(app, platform, { role: 'api_client' })).headers
    const l = await loginAs(app, platform, { role: 'township', jurisdiction: '360281100' })
    leader = { cookie: l.cookie, user: l.user }

    ids.leader = await addSubscriber(platform, { name: '镇长', kind: 'responsible', role: 'township_leader', divisionCode: zhenqiao, at: 0, phone: '13800000001', userId: leader.user.id, channels: ['sms', 'app'] })
    ids.monitor = await addSubscriber(platform, { name: '群测群防员', kind: 'responsible', role: 'hazard_monitor', at: 1000, phone: '13800000002', channels: ['sms'] })
    ids.group = await addSubscriber(platform, { name: '镇桥镇防汛群', kind: 'responsible', role: 'township_leader', divisionCode: zhenqiao, wecom: `${robot.url}/cgi-bin/webhook/send?key=zq`, dingtalk: `${robot.url}/robot/send?access_token=zq#SECabc`, channels: ['wecom', 'dingtalk'] })
    ids.village = await addSubscriber(platform, { name: '村民（按区划）', divisionCode: '360281100201', phone: '13800000003', channels: ['sms'] })
    ids.inside = await addSubscriber(platform, { name: '公众（位置）', at: 2000, email: 'resident@leping.example.cn', phone: '13800000004', channels: ['email', 'sms'] })
    ids.noAddress = await addSubscriber(platform, { name: '未留邮箱', at: 500, phone: '13800000005', channels: ['sms', 'email'] })
    ids.outside = await addSubscriber(platform, { name: '乐港镇居民', at: 'far', divisionCode: legang, phone: '13800000006', channels: ['sms'] })
    ids.edge = await addSubscriber(platform, { name: '圈外', at: 6000, phone: '13800000007', channels: ['sms'] })
    ids.inactive = await addSubscriber(platform, { name: '已退订', at: 0, phone: '13800000008', channels: ['sms'], active: false })
    ids.badPhone = await addSubscriber(platform, { name: '号码有误', at: 100, phone: '12x', channels: ['sms'] })
    warningId = await addWarning(platform, { divisionCodes: [zhenqiao] })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
    await gateway?.close()
    await robot?.close()
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  })

  it('shows the audience before approval: by channel, role and township, responsible persons, exposed population (synthetic)', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/audience`, headers: county })
    expect(res.statusCode).toBe(200)
    const a = res.json()
    expect(a.totalPeople).toBe(7) // leader, monitor, group, village, inside, noAddress, badPhone
    expect(a.responsiblePeople).toBe(3)
    expect(a.byChannel).toEqual([
      { channel: 'app', recipients: 1, missingAddress: 0 },
      { channel: 'dingtalk', recipients: 1, missingAddress: 0 },
      { channel: 'email', recipients: 1, missingAddress: 1 },
      { channel: 'sms', recipients: 6, missingAddress: 0 },
      { channel: 'wecom', recipients: 1, missingAddress: 0 },
    ])
    expect(a.totalMessages).toBe(10)
    expect(a.byRole).toContainEqual({ role: 'township_leader', kind: 'responsible', people: 2 })
    // location-only subscribers get the township of the nearest village (near a border, possibly a neighbour)
    expect(a.byTownship.find((t: { townshipCode: string }) => t.townshipCode === zhenqiao)).toMatchObject({ townshipName: '镇桥镇', people: expect.any(Number) })
    expect(a.byTownship.reduce((n: number, t: { people: number }) => n + t.people, 0)).toBe(7)
    expect(a.exposedPopulation.population).toBeGreaterThan(0)
    expect(a.exposedPopulation.synthetic).toBe(true)
    expect(a.exposedPopulation.note).toContain('合成')

    expect((await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/audience`, headers: other })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: `/api/warnings/${crypto.randomUUID()}/audience`, headers: county })).statusCode).toBe(404)
  })

  it('fans out once per recipient × channel on warnings.issued, responsible first; a repeat adds nothing', async () => {
    await issue(platform, warningId)
    const rows = await deliveriesOf(platform, warningId)
    expect(rows).toHaveLength(10)
    expect(rows.every((r) => r.status === 'queued')).toBe(true)
    expect(rows.filter((r) => r.priority === 0).map((r) => r.subscriber_id).sort()).toEqual([ids.leader, ids.leader, ids.monitor, ids.group, ids.group].sort())
    expect(rows.some((r) => [ids.outside, ids.edge, ids.inactive].includes(r.subscriber_id))).toBe(false)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.ack_token))).toBe(true)
    // The monitor has only a location: the township is that of the nearest village
    expect(rows.find((r) => r.subscriber_id === ids.monitor)!.township_code).toMatch(/^360281[0-9]{3}000$/)
    expect(rows.find((r) => r.subscriber_id === ids.village)!.township_code).toBe(zhenqiao)

    await issue(platform, warningId) // another event for the same warning (a redelivery has the same id and is skipped earlier)
    expect(await deliveriesOf(platform, warningId)).toHaveLength(10)
  })

  it('sends through every channel: SMS to the gateway with its id, e-mail over SMTP, both robots, the dashboard', async () => {
    const report = await deliveryRuntimeOf(platform)!.drain()
    expect(report).toMatchObject({ claimed: 10, failed: 1 })
    const rows = await deliveriesOf(platform, warningId)
    const statusOf = (sub: string, channel: string) => rows.find((r) => r.subscriber_id === sub && r.channel === channel)!.status
    expect(statusOf(ids.leader!, 'sms')).toBe('sent')
    expect(statusOf(ids.leader!, 'app')).toBe('sent')
    expect(statusOf(ids.inside!, 'email')).toBe('delivered')
    expect(statusOf(ids.group!, 'wecom')).toBe('delivered')
    expect(statusOf(ids.group!, 'dingtalk')).toBe('delivered')
    expect(rows.find((r) => r.subscriber_id === ids.badPhone)).toMatchObject({ status: 'failed', last_error: 'invalid phone number 12x' })

    const smsRows = rows.filter((r) => r.channel === 'sms' && r.status === 'sent')
    expect(smsRows).toHaveLength(5)
    for (const r of smsRows) expect(gateway.acceptedById.get(r.id)).toBe(1)
    const leaderSms = gateway.received.find((g) => (g.body as { to: string }).to === '13800000001')!
    expect((leaderSms.body as { text: string }).text).toContain(`http://yj.test/public/warnings/ack/${rows.find((r) => r.subscriber_id === ids.leader && r.channel === 'sms')!.ack_token}`)
    // responsible persons went first
    expect(gateway.received.slice(0, 2).map((g) => (g.body as { to: string }).to).sort()).toEqual(['13800000001', '13800000002'])
    expect(mails).toEqual(['resident@leping.example.cn'])
    expect(robot.received.map((r) => r.path).sort()).toEqual(['/cgi-bin/webhook/send', '/robot/send'])
    expect(robot.received.find((r) => r.path === '/robot/send')!.query.has('sign')).toBe(true)

    // Nothing is due any more: a second pass sends nothing
    expect(await deliveryRuntimeOf(platform)!.drain()).toMatchObject({ claimed: 0 })
  })

  it('takes SMS gateway receipts (api_client); unknown ids and bad statuses are 400 naming the field', async () => {
    const rows = await deliveriesOf(platform, warningId)
    const sms = rows.find((r) => r.subscriber_id === ids.village && r.channel === 'sms')!
    const post = (payload: object, headers = gatewayClient) => app.inject({ method: 'POST', url: '/api/warnings/deliveries/receipts', headers, payload })
    const ok = await post({ id: sms.id, status: 'delivered', at: new Date().toISOString() })
    expect(ok.statusCode).toBe(200)
    expect(ok.json()).toEqual({ id: sms.id, status: 'delivered', changed: true })
    expect((await post({ id: sms.id, status: 'delivered' })).json()).toEqual({ id: sms.id, status: 'delivered', changed: false })

    const unknown = await post({ id: crypto.randomUUID(), status: 'delivered' })
    expect(unknown.statusCode).toBe(400)
    expect(unknown.json().error).toMatchObject({ code: 'unknown_delivery', field: 'body.id', message: expect.stringContaining('不存在') })
    const badStatus = await post({ id: sms.id, status: 'read' })
    expect(badStatus.statusCode).toBe(400)
    expect(badStatus.json().error.field).toBe('body.status')
    const badId = await post({ id: 'nope', status: 'delivered' })
    expect(badId.json().error.field).toBe('body.id')
    const extra = await post({ id: sms.id, status: 'delivered', extra: 1 })
    expect(extra.statusCode).toBe(400)
    const email = rows.find((r) => r.channel === 'email')!
    expect((await post({ id: email.id, status: 'delivered' })).json().error).toMatchObject({ code: 'receipt_not_sms', field: 'body.id' })
    // a user who is not a gateway may not post receipts
    expect((await post({ id: sms.id, status: 'delivered' }, county)).statusCode).toBe(403)

    const failed = rows.find((r) => r.subscriber_id === ids.inside && r.channel === 'sms')!
    expect((await post({ id: failed.id, status: 'failed', error: 'UNDELIV: absent subscriber' })).json()).toMatchObject({ status: 'failed', changed: true })
  })

  it('acknowledges through the public link (no session), idempotently, and through the inbox', async () => {
    const rows = await deliveriesOf(platform, warningId)
    const monitorSms = rows.find((r) => r.subscriber_id === ids.monitor)!
    const first = await app.inject({ method: 'GET', url: `/public/warnings/ack/${monitorSms.ack_token}` })
    expect(first.statusCode).toBe(200)
    expect(first.headers['content-type']).toContain('text/html')
    expect(first.body).toContain('已确认收到')
    expect(first.body).toContain('镇桥镇山洪橙色预警')
    const again = await app.inject({ method: 'GET', url: `/public/warnings/ack/${monitorSms.ack_token}` })
    expect(again.statusCode).toBe(200)
    const [row] = await queryRows<{ status: string; acknowledged_at: Date }>(platform.db, sql`SELECT status, acknowledged_at FROM warnings.deliveries WHERE id = ${monitorSms.id}`)
    expect(row!.status).toBe('acknowledged')
    expect((await app.inject({ method: 'GET', url: `/public/warnings/ack/${'0'.repeat(64)}` })).statusCode).toBe(404)
    // The token is the id and an HMAC of it: a changed digit, or a MAC made with another secret, is refused
    const other = rows.find((r) => r.subscriber_id === ids.village && r.channel === 'sms')!
    const flipped = other.ack_token.slice(0, 63) + (other.ack_token.endsWith('0') ? '1' : '0')
    expect((await app.inject({ method: 'GET', url: `/public/warnings/ack/${flipped}` })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: `/public/warnings/ack/${ackToken(crypto.randomBytes(32), other.id)}` })).statusCode).toBe(404)
    expect((await app.inject({ method: 'GET', url: '/public/warnings/ack/short' })).statusCode).toBe(404)

    const inbox = await app.inject({ method: 'GET', url: '/api/warnings/inbox', headers: { cookie: leader.cookie } })
    expect(inbox.statusCode).toBe(200)
    const items = inbox.json().items
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({ warningId, title: '【发布橙色预警】镇桥镇山洪橙色预警', status: 'delivered', acknowledgedAt: null })
    expect(inbox.json().unacknowledged).toBe(1)
    const ack = await app.inject({ method: 'POST', url: `/api/warnings/inbox/${items[0].deliveryId}/ack`, headers: { cookie: leader.cookie } })
    expect(ack.statusCode).toBe(200)
    expect(ack.json().status).toBe('acknowledged')
    // someone else cannot acknowledge it
    expect((await app.inject({ method: 'POST', url: `/api/warnings/inbox/${items[0].deliveryId}/ack`, headers: county })).statusCode).toBe(404)
    const audit = await queryRows<{ action: string }>(platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${items[0].deliveryId}`)
    expect(audit.map((a) => a.action)).toEqual(['warning_delivery.acknowledge'])
  })

  it('reports totals by status, channel and township, reached over time, and lists deliveries with masked addresses', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/deliveries/report`, headers: county })
    expect(res.statusCode).toBe(200)
    const r = res.json()
    // delivered: email, wecom, dingtalk, village sms (receipt); acknowledged: monitor sms, leader app; failed: badPhone, inside sms
    expect(r.totals).toEqual({ total: 10, queued: 0, sent: 2, delivered: 4, failed: 2, acknowledged: 2, reachedPercent: 60 })
    expect(r.byChannel.find((c: { channel: string }) => c.channel === 'sms')).toMatchObject({ total: 6, sent: 2, delivered: 1, failed: 2, acknowledged: 1 })
    expect(r.byTownship.find((t: { townshipCode: string }) => t.townshipCode === zhenqiao)).toMatchObject({ townshipName: '镇桥镇' })
    expect(r.byTownship.reduce((n: number, t: { total: number }) => n + t.total, 0)).toBe(10)
    expect(r.timeline.at(-1)).toMatchObject({ reached: 6, percent: 60 })
    expect(r.secondsToFirstDelivered).toBeGreaterThanOrEqual(0)
    expect(r.secondsTo95Percent).toBeNull()
    expect(r.goals.responsibleWithin5MinPercent).toBe(80) // 4 of 5 responsible rows reached
    expect(r.smsPartsPerMessage).toBeGreaterThanOrEqual(2)

    const list = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/deliveries?channel=sms&status=failed`, headers: county })
    expect(list.statusCode).toBe(200)
    expect(list.json().total).toBe(2)
    expect(list.json().items.map((i: { address: string }) => i.address).sort()).toEqual(['12x', '138****0004'].map((a) => (a === '12x' ? '****' : a)).sort())
    const page = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/deliveries?page=2&pageSize=4`, headers: county })
    expect(page.json()).toMatchObject({ total: 10, page: 2, pageSize: 4 })
    expect(page.json().items).toHaveLength(4)
    const bad = await app.inject({ method: 'GET', url: `/api/warnings/${warningId}/deliveries?status=lost`, headers: county })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.field).toBe('querystring.status')
  })

  it('retries a gateway 5xx with backoff and fails after the last try; a 4xx fails at once with the reason', async () => {
    const w = await addWarning(platform, { radiusM: 1200 })
    await issue(platform, w)
    const before = await deliveriesOf(platform, w)
    expect(before.map((r) => r.subscriber_id).sort()).toEqual([ids.leader, ids.leader, ids.monitor, ids.badPhone, ids.noAddress].sort())
    gateway.script.push(503, 503) // the first two SMS tries fail
    const runtime = deliveryRuntimeOf(platform)!
    await runtime.drain()
    await new Promise((r) => setTimeout(r, 20))
    await runtime.drain()
    const after = await deliveriesOf(platform, w)
    const sms = after.filter((r) => r.channel === 'sms' && r.subscriber_id !== ids.badPhone)
    expect(sms.every((r) => r.status === 'sent')).toBe(true)
    expect(sms.reduce((n, r) => n + r.attempts, 0)).toBe(sms.length + 2)

    const w2 = await addWarning(platform, { radiusM: 50 })
    await issue(platform, w2)
    gateway.script.push(400)
    await runtime.drain()
    const leaderSms = (await deliveriesOf(platform, w2)).find((r) => r.channel === 'sms')!
    expect(leaderSms).toMatchObject({ status: 'failed', attempts: 1, last_error: expect.stringContaining('HTTP 400') })

    const w3 = await addWarning(platform, { radiusM: 50 })
    await issue(platform, w3)
    gateway.script.push(503, 503, 503)
    for (let i = 0; i < 3; i++) {
      await runtime.drain()
      await new Promise((r) => setTimeout(r, 20))
    }
    expect((await deliveriesOf(platform, w3)).find((r) => r.channel === 'sms')).toMatchObject({ status: 'failed', attempts: 3, last_error: expect.stringContaining('after 3 tries') })
  })

  it('delivers a Cancel to everyone who got the original, with its own text', async () => {
    const cancel = await addWarning(platform, { msgType: 'Cancel', referencesId: warningId, radiusM: 10 })
    await issue(platform, cancel, 'Cancel')
    const original = await deliveriesOf(platform, warningId)
    const rows = await deliveriesOf(platform, cancel)
    expect(new Set(rows.map((r) => r.subscriber_id))).toEqual(new Set(original.map((r) => r.subscriber_id)))
    gateway.received.length = 0
    await deliveryRuntimeOf(platform)!.drain()
    expect(gateway.received.length).toBeGreaterThan(0)
    expect((gateway.received[0]!.body as { text: string }).text).toMatch(/^【乐平应急】解除橙色预警：/)
  })
})
