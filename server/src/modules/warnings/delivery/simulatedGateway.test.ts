/**
 * The demo's simulated delivery gateway: the platform started with the simulation on and no
 * real endpoints, a warning for 镇桥镇 authored, submitted and approved over HTTP, and its
 * deliveries go through the real adapters (HTTP to the SMS gateway and the robot, SMTP) to the
 * simulated far end, which sends receipts back and opens a few confirmation links over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { queryRows } from '../../../db/rows.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'
import { deliveryRuntime, deliveryRuntimeOf } from './runtime.ts'
import { configureDelivery, loadDeliverySettings } from './settings.ts'
import { channelsToSimulate } from './simulatedGateway.ts'

const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()

describe('simulated delivery gateway (模拟送达网关)', { timeout: 240_000 }, () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let duty: { cookie: string }
  let commander: { cookie: string }

  beforeAll(async () => {
    platform = await createTestPlatform({ simulate: true })
    configureDelivery(platform, {
      // No real endpoint; links name a public host the simulated phones cannot reach: they open them at the local server.
      publicBaseUrl: 'https://yingji.example.gov.cn', sms: { gatewayUrl: undefined }, email: { smtpUrl: undefined },
      pollIntervalMs: 200,
      simulatedGateway: { receiptMinMs: 50, receiptMaxMs: 1500, failedPercent: 3, silentPercent: 2, acknowledgePercent: 20, tickMs: 100 },
    })
    app = await buildApp(platform, { logger: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
    platform.outbox.start()
    duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    commander = (await loginAs(app, platform, { role: 'commander' })).headers
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('takes the channels without a real endpoint, says so as simulated (模拟)', () => {
    const simulation = deliveryRuntimeOf(platform)!.simulation!
    expect(simulation.channels).toEqual(['sms', 'email', 'wecom'])
    expect(simulation.lines[0]).toContain('模拟送达网关')
    expect(simulation.lines[1]).toContain('Simulated delivery gateway')
  })

  it('delivers an approved warning through the simulated gateway: receipts, failures, confirmations; the report marks it simulated', async () => {
    const post = (url: string, headers: { cookie: string }, payload?: object) => app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) })
    const draft = await post('/api/warnings', duty, {
      event: 'rainstorm', level: 'orange', description: '镇桥镇3小时降雨量已达52毫米，且降雨仍将持续。', instruction: '危险地带人员转移。',
      expires: hours(12), area: { divisionCodes: ['360281100'] },
    })
    expect(draft.statusCode, draft.body).toBe(201)
    const id = draft.json().id as string
    expect((await post(`/api/warnings/${id}/submit`, duty)).statusCode).toBe(200)
    const approved = await post(`/api/warnings/${id}/approve`, commander)
    expect(approved.statusCode, approved.body).toBe(200)

    type Report = { totals: { total: number; queued: number; sent: number; delivered: number; failed: number; acknowledged: number; reachedPercent: number }; byChannel: Array<{ channel: string; total: number; delivered: number; acknowledged: number; failed: number }>; simulatedChannels: string[] }
    const report = async () => (await app.inject({ method: 'GET', url: `/api/warnings/${id}/deliveries/report`, headers: duty })).json() as Report
    let r = await report()
    const deadline = Date.now() + 180_000
    // Receipts come within 1.5 s of acceptance here; allow a loaded machine its time.
    while (Date.now() < deadline) {
      r = await report()
      const settled = r.totals.delivered + r.totals.acknowledged + r.totals.failed
      if (r.totals.total > 0 && r.totals.queued === 0 && settled >= r.totals.total * 0.97 && r.totals.acknowledged > 0) break
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    expect(r.totals.total).toBeGreaterThan(50)
    expect(r.totals.queued).toBe(0)
    expect(r.totals.reachedPercent).toBeGreaterThanOrEqual(85)
    expect(r.totals.acknowledged).toBeGreaterThan(0)
    const byChannel = Object.fromEntries(r.byChannel.map((c) => [c.channel, c]))
    // The township's WeCom group robot answered errcode 0: delivered at once.
    expect(byChannel.wecom).toMatchObject({ total: 1, failed: 0 })
    expect(byChannel.wecom!.delivered + byChannel.wecom!.acknowledged).toBe(1)
    expect(byChannel.sms!.delivered).toBeGreaterThan(0)
    expect(r.simulatedChannels).toEqual(expect.arrayContaining(['sms', 'wecom']))
    expect(r.simulatedChannels).not.toContain('app')

    // Exactly one message per row reached the simulated far end; failed SMS carry the simulated receipt.
    const rows = await queryRows<{ channel: string; status: string; last_error: string | null; provider_message_id: string | null }>(platform.db, sql`
      SELECT channel, status, last_error, provider_message_id FROM warnings.deliveries WHERE warning_id = ${id}`)
    const simulation = deliveryRuntimeOf(platform)!.simulation!
    expect(simulation.stats.accepted).toBe(rows.filter((row) => ['sms', 'email', 'wecom'].includes(row.channel)).length)
    expect(rows.filter((row) => row.channel === 'sms' && row.status !== 'failed').every((row) => row.provider_message_id?.startsWith('gw-'))).toBe(true)
    for (const failed of rows.filter((row) => row.status === 'failed')) expect(failed.last_error).toContain('模拟回执')
    if (byChannel.email) expect(byChannel.email.delivered + byChannel.email.acknowledged).toBe(byChannel.email.total)
    expect(simulation.stats.acknowledged).toBe(r.totals.acknowledged)
  })

  it('stays off when every channel has a real endpoint or the simulation is off', async () => {
    const real = { ...loadDeliverySettings({}), sms: { ...loadDeliverySettings({}).sms, gatewayUrl: 'http://gateway.example/sms' }, email: { ...loadDeliverySettings({}).email, smtpUrl: 'smtp://mail.example:25' } }
    expect(channelsToSimulate(real, { YINGJI_DEMO_WECOM_BASE: 'http://robots.example/wecom' })).toEqual([])
    expect(channelsToSimulate(real, {})).toEqual(['wecom'])
    expect(channelsToSimulate(loadDeliverySettings({}), {})).toEqual(['sms', 'email', 'wecom'])

    const offPlatform = { ...platform, config: { ...platform.config, simulate: false } }
    configureDelivery(offPlatform, { autoStart: false })
    const off = deliveryRuntime(offPlatform)
    await off.start()
    expect(off.simulation).toBeNull()
    await off.stop()
  })
})
