/**
 * Links in messages name the address the server actually listens on when
 * YINGJI_PUBLIC_BASE_URL is unset (PORT=0 binds a random port: not `localhost:0`), and the
 * configured base when it is set.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { AddressInfo } from 'node:net'
import { sql } from 'drizzle-orm'
import { buildApp } from '../../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../../testing/platform.ts'
import { loginAs } from '../../../testing/session.ts'
import { startReceiver, type LocalReceiver } from '../channels/receiver.ts'
import { deliveryRuntimeOf } from './runtime.ts'
import { boundUrls, configureDelivery, loadDeliverySettings } from './settings.ts'

describe('the public base URL of links in messages', { timeout: 240_000 }, () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let gateway: LocalReceiver
  const saved = { PORT: process.env.PORT, YINGJI_PUBLIC_BASE_URL: process.env.YINGJI_PUBLIC_BASE_URL }

  beforeAll(async () => {
    process.env.PORT = '0'
    delete process.env.YINGJI_PUBLIC_BASE_URL
    gateway = await startReceiver({ kind: 'sms' })
    platform = await createTestPlatform()
    await platform.db.execute(sql`DELETE FROM warnings.subscribers WHERE synthetic`)
    await platform.db.execute(sql`INSERT INTO warnings.subscribers (id, name, kind, role, division_code, phone, channels)
      VALUES (gen_random_uuid(), '镇桥镇防汛责任人', 'responsible', 'township_leader', '360281100000', '13800000001', ARRAY['sms'])`)
    configureDelivery(platform, { autoStart: false, sms: { gatewayUrl: gateway.url, ratePerSecond: 0, concurrency: 1 } })
    app = await buildApp(platform, { logger: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterAll(async () => {
    Object.assign(process.env, saved)
    if (saved.PORT === undefined) delete process.env.PORT
    if (saved.YINGJI_PUBLIC_BASE_URL === undefined) delete process.env.YINGJI_PUBLIC_BASE_URL
    await app?.close()
    await platform?.close()
    await gateway?.close()
  })

  it('with PORT=0 and no YINGJI_PUBLIC_BASE_URL, the SMS link names the bound port', async () => {
    const port = (app.server.address() as AddressInfo).port
    expect(port).toBeGreaterThan(0)
    const duty = (await loginAs(app, platform, { role: 'duty_officer' })).headers
    const commander = (await loginAs(app, platform, { role: 'commander' })).headers
    const draft = (await app.inject({ method: 'POST', url: '/api/warnings', headers: duty, payload: {
      event: 'rainstorm', level: 'orange', description: '镇桥镇3小时降雨量已达52毫米。', expires: new Date(Date.now() + 6 * 3600_000).toISOString(),
      area: { divisionCodes: ['360281100'] },
    } })).json()
    await app.inject({ method: 'POST', url: `/api/warnings/${draft.id}/submit`, headers: duty })
    expect((await app.inject({ method: 'POST', url: `/api/warnings/${draft.id}/approve`, headers: commander })).statusCode).toBe(200)
    await platform.outbox.drain()
    await deliveryRuntimeOf(platform)!.drain()
    const texts = gateway.received.map((r) => (r.body as { text: string }).text)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toContain(`http://127.0.0.1:${port}/public/warnings/ack/`)
    expect(texts[0]).not.toContain('localhost:0')
    // the link works
    const link = texts[0]!.match(/http:\/\/\S+\/public\/warnings\/ack\/[0-9a-f]{64}/)![0]
    expect((await fetch(link)).status).toBe(200)
  })

  it('a configured base is kept; a wildcard bind is named localhost', () => {
    expect(loadDeliverySettings({ YINGJI_PUBLIC_BASE_URL: 'https://yj.leping.gov.cn/', PORT: '0' })).toMatchObject({ publicBaseUrl: 'https://yj.leping.gov.cn', publicBaseUrlConfigured: true })
    expect(loadDeliverySettings({ PORT: '0' }).publicBaseUrlConfigured).toBe(false)
    expect(boundUrls({ address: '0.0.0.0', family: 'IPv4', port: 41234 })).toEqual({ local: 'http://127.0.0.1:41234', public: 'http://localhost:41234' })
    expect(boundUrls({ address: '::1', family: 'IPv6', port: 5 })).toEqual({ local: 'http://[::1]:5', public: 'http://[::1]:5' })
  })
})
