/**
 * ../shared/SCENARIO.md "The storm", steps 2 and 5, end to end over HTTP: a 镇桥镇 rain gauge
 * reports every 5 minutes (the golden case of domain/src/monitoring/stormScenario.test.ts);
 * 52 mm in 65 minutes raises an orange rainstorm alarm (暴雨橙色: ≥ 50 mm in 3 h), 104 mm
 * escalates the same alarm to red (≥ 100 mm in 3 h), the duty officer acknowledges it with a
 * comment, and once the rain has stopped long enough the alarm steps down and clears.
 */
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../db/rows.ts'
import { loginAs } from '../../testing/session.ts'
import { ingest, monitoringTestApp, rainSeries, registerDevice, reopen, waitFor, type Item, type MonitoringTestApp, type TestDevice } from './testSupport.ts'

const hour = 3_600_000
const repeat = (value: number, n: number) => Array.from({ length: n }, () => value)
// 13 reports of 4 mm (52 mm), 8 of 6.5 mm (104 mm in 100 minutes), then 147 dry reports.
const rain = [...repeat(4, 13), ...repeat(6.5, 8), ...repeat(0, 147)]

interface AlarmBody { id: string; level: string; status: string; message: string | null; deviceCode: string; acknowledgedBy: string | null; comment: string | null; history?: { kind: string; level: string | null; actor: string | null; text: string | null }[] }

async function alarmsOf(t: MonitoringTestApp, deviceId: string, status = ''): Promise<AlarmBody[]> {
  const res = await t.app.inject({ url: `/api/monitoring/alarms?deviceId=${deviceId}${status ? `&status=${status}` : ''}`, headers: t.admin })
  return res.json<{ items: AlarmBody[] }>().items
}

async function send(t: MonitoringTestApp, device: TestDevice, items: Item[]): Promise<void> {
  const res = await ingest(t, device.apiKey, items)
  expect(res.statusCode).toBe(200)
  expect(res.json<{ results: { status: string }[] }>().results.every((r) => r.status === 'accepted')).toBe(true)
}

describe('SCENARIO.md storm over HTTP: orange → red (same alarm) → acknowledged → cleared', () => {
  let t: MonitoringTestApp
  let gauge: TestDevice
  const start = Date.now() - 16 * hour
  const items = rainSeries(start, 5, rain)
  beforeAll(async () => {
    t = await monitoringTestApp()
    gauge = await registerDevice(t, { name: '镇桥镇雨量站' })
  })
  afterAll(async () => { await t?.close() })

  it('step 2: 52 mm in 65 minutes raises one orange rainstorm alarm', async () => {
    await send(t, gauge, items.slice(0, 12))
    expect(await alarmsOf(t, gauge.id)).toEqual([])
    await send(t, gauge, items.slice(12, 13))
    const [alarm] = await waitFor(async () => { const a = await alarmsOf(t, gauge.id, 'active'); return a.length ? a : null })
    expect(alarm).toMatchObject({ level: 'orange', status: 'active', deviceCode: gauge.code, value: 52, ruleId: 'rain_gauge.rainstorm' })
    // The measurement in words, with the metric's name and unit (not its key)
    expect(alarm!.message).toContain('3小时累计降雨量 52 mm（阈值 50 mm）')
    const device = await t.app.inject({ url: `/api/monitoring/devices/${gauge.id}`, headers: t.admin })
    expect(device.json<{ alarmLevel: string }>().alarmLevel).toBe('orange')
  })

  it('the duty officer acknowledges it with a comment (audited, in the history)', async () => {
    const duty = await loginAs(t.app, t.platform, { role: 'duty_officer', displayName: '值班员小王' })
    const [alarm] = await alarmsOf(t, gauge.id, 'active')
    const res = await t.app.inject({ method: 'POST', url: `/api/monitoring/alarms/${alarm!.id}/acknowledge`, headers: duty.headers, payload: { comment: '已通知镇桥镇防汛办' } })
    expect(res.statusCode).toBe(200)
    expect(res.json<AlarmBody>()).toMatchObject({ status: 'acknowledged', acknowledgedBy: '值班员小王', comment: '已通知镇桥镇防汛办' })
    const again = await t.app.inject({ method: 'POST', url: `/api/monitoring/alarms/${alarm!.id}/acknowledge`, headers: duty.headers, payload: {} })
    expect(again.statusCode).toBe(409)
    const audit = await queryRows<{ action: string }>(t.platform.db, sql`SELECT action FROM auth.audit_log WHERE entity_id = ${alarm!.id}`)
    expect(audit.map((a) => a.action)).toEqual(['alarm.acknowledge'])
  })

  it('step 5: 104 mm in 3 h escalates the same alarm to red (no duplicate), asking for a new acknowledgement', async () => {
    const [before] = await alarmsOf(t, gauge.id)
    await send(t, gauge, items.slice(13, 21))
    const alarm = await waitFor(async () => (await alarmsOf(t, gauge.id)).find((a) => a.level === 'red'))
    expect(alarm.id).toBe(before!.id)
    expect(alarm.status).toBe('active')
    expect(await alarmsOf(t, gauge.id)).toHaveLength(1)
  })

  it('after the rain the alarm steps down band by band and clears; history and outbox tell the whole story', async () => {
    await send(t, gauge, items.slice(21))
    const [alarm] = await waitFor(async () => { const a = await alarmsOf(t, gauge.id, 'cleared'); return a.length ? a : null })
    const detail = (await t.app.inject({ url: `/api/monitoring/alarms/${alarm!.id}`, headers: t.admin })).json<AlarmBody>()
    expect(detail.history!.map((h) => [h.kind, h.level])).toEqual([
      ['raised', 'orange'], ['acknowledged', 'orange'], ['escalated', 'red'],
      ['deescalated', 'orange'], ['deescalated', 'yellow'], ['deescalated', 'blue'], ['cleared', 'blue'],
    ])
    expect(detail.history![1]).toMatchObject({ actor: '值班员小王', text: '已通知镇桥镇防汛办' })
    const events = await queryRows<{ topic: string; kind: string | null }>(t.platform.db, sql`
      SELECT topic, payload->>'kind' AS kind FROM events.outbox WHERE payload->>'alarmId' = ${alarm!.id} ORDER BY seq`)
    expect(events.map((e) => `${e.topic} ${e.kind ?? ''}`.trim())).toEqual([
      'monitoring.alarm_raised', 'monitoring.alarm_changed acknowledged', 'monitoring.alarm_changed escalated',
      'monitoring.alarm_changed deescalated', 'monitoring.alarm_changed deescalated', 'monitoring.alarm_changed deescalated',
      'monitoring.alarm_changed cleared',
    ])
    const close = await t.app.inject({ method: 'POST', url: `/api/monitoring/alarms/${alarm!.id}/close`, headers: t.admin, payload: {} })
    expect(close.json<AlarmBody>().status).toBe('closed')
    const comment = await t.app.inject({ method: 'POST', url: `/api/monitoring/alarms/${alarm!.id}/comments`, headers: t.admin, payload: { text: '复盘：雨量站工作正常' } })
    expect(comment.statusCode).toBe(200)
  })

  it('a township officer elsewhere neither sees nor handles the alarm', async () => {
    const [alarm] = await alarmsOf(t, gauge.id)
    const other = (await loginAs(t.app, t.platform, { role: 'township', jurisdiction: '360281101' })).headers
    expect((await t.app.inject({ url: `/api/monitoring/alarms/${alarm!.id}`, headers: other })).statusCode).toBe(404)
    expect((await t.app.inject({ url: '/api/monitoring/alarms', headers: other })).json<{ items: AlarmBody[] }>().items.filter((a) => a.id === alarm!.id)).toEqual([])
    expect((await t.app.inject({ method: 'POST', url: `/api/monitoring/alarms/${alarm!.id}/comments`, headers: other, payload: { text: 'x' } })).statusCode).toBe(404)
  })
})

describe('rule state survives a restart', () => {
  it.each([{ crash: false }, { crash: true }])('crash $crash: orange before, red after, same alarm, no duplicate', async ({ crash }) => {
    const first = await monitoringTestApp()
    const gauge = await registerDevice(first, { name: '镇桥镇雨量站' })
    const items = rainSeries(Date.now() - 6 * hour, 5, rain.slice(0, 30))
    await send(first, gauge, items.slice(0, 13))
    const [orange] = await waitFor(async () => { const a = await alarmsOf(first, gauge.id); return a.length ? a : null })
    expect(orange!.level).toBe('orange')
    const second = await reopen(first, { crash })
    try {
      await send(second, gauge, items.slice(13, 21))
      const red = await waitFor(async () => (await alarmsOf(second, gauge.id)).find((a) => a.level === 'red'))
      expect(red.id).toBe(orange!.id)
      expect(await alarmsOf(second, gauge.id)).toHaveLength(1)
    } finally {
      await second.close()
    }
  })
})

describe('unacknowledged alarms', () => {
  let t: MonitoringTestApp
  beforeAll(async () => { t = await monitoringTestApp({ escalateAfterMs: 0 }) })
  afterAll(async () => { await t?.close() })

  it('are notified again and escalated to the commander (history entry and outbox event)', async () => {
    const gauge = await registerDevice(t)
    await send(t, gauge, rainSeries(Date.now() - 3 * hour, 5, repeat(4, 13)))
    const [alarm] = await waitFor(async () => { const a = await alarmsOf(t, gauge.id); return a.length ? a : null })
    const { monitoringRuntime } = await import('./runtime.ts')
    await monitoringRuntime(t.platform).tick()
    const detail = (await t.app.inject({ url: `/api/monitoring/alarms/${alarm!.id}`, headers: t.admin })).json<AlarmBody>()
    expect(detail.history!.map((h) => h.kind)).toContain('notified')
    const events = await queryRows<{ notify: string }>(t.platform.db, sql`
      SELECT payload->>'notify' AS notify FROM events.outbox WHERE topic = 'monitoring.alarm_unacknowledged' AND payload->>'alarmId' = ${alarm!.id}`)
    expect(events).toEqual([{ notify: 'commander' }])
  })
})
