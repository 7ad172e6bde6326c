import crypto from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../http/app.ts'
import { createTestPlatform, type TestPlatform } from '../../testing/platform.ts'
import { loginAs, type TestSession } from '../../testing/session.ts'
import { enqueueEvent } from '../events/outbox.ts'

const zhenqiao = '360281100000'
const village = '360281100201'
const otherTownship = '360281101000'

/** A real SSE connection: the frames as they arrive. */
function listen(url: string, headers: Record<string, string>): Promise<{ frames: string[]; close: () => void }> {
  return new Promise((resolve, reject) => {
    const frames: string[] = []
    const req = http.get(url, { headers: { ...headers, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`))
      let buffer = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        buffer += chunk
        let end
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          frames.push(buffer.slice(0, end))
          buffer = buffer.slice(end + 2)
        }
        if (frames.some((f) => f.includes('event: hello'))) resolve({ frames, close: () => req.destroy() })
      })
    })
    req.on('error', () => {})
  })
}

describe('incident notifications: pushed live, marked read one by one or all', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let base: string
  let duty: TestSession
  let otherDuty: TestSession
  let township: TestSession
  let elsewhere: TestSession

  const raise = async (message: string, divisionCode = village) => {
    await platform.db.transaction(async (tx) => {
      await enqueueEvent(tx, 'monitoring.alarm_raised', { alarmId: crypto.randomUUID(), level: 'red', deviceId: crypto.randomUUID(), divisionCode, ruleId: 'r', value: 1, message, raisedAt: new Date().toISOString() })
    })
    await platform.outbox.drain()
  }
  const list = async (session: TestSession) => (await app.inject({ method: 'GET', url: '/api/incidents/notifications', headers: session.headers })).json<{ items: { id: number; title: string; read: boolean }[]; unread: number }>()

  beforeAll(async () => {
    platform = await createTestPlatform()
    app = await buildApp(platform, { logger: false })
    await app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`
    duty = await loginAs(app, platform, { role: 'duty_officer' })
    otherDuty = await loginAs(app, platform, { role: 'duty_officer' })
    township = await loginAs(app, platform, { role: 'duty_officer', jurisdiction: zhenqiao })
    elsewhere = await loginAs(app, platform, { role: 'duty_officer', jurisdiction: otherTownship })
  })
  afterAll(async () => {
    await app?.close()
    await platform?.close()
  })

  it('pushes a new notification over SSE to its recipients only', async () => {
    const mine = await listen(`${base}/api/incidents/notifications/stream`, duty.headers)
    const local = await listen(`${base}/api/incidents/notifications/stream`, township.headers)
    const other = await listen(`${base}/api/incidents/notifications/stream`, elsewhere.headers)
    try {
      await raise('塘湖村水位站：超警戒水位0.3米')
      await expect.poll(() => mine.frames.find((f) => f.startsWith('event: notification')), { timeout: 20_000 }).toContain('塘湖村水位站')
      await expect.poll(() => local.frames.some((f) => f.startsWith('event: notification')), { timeout: 20_000 }).toBe(true)
      // the other township's officer is not addressed: nothing after hello
      expect(other.frames.filter((f) => f.startsWith('event: notification'))).toEqual([])
      expect((await list(elsewhere)).items.some((n) => n.title.includes('塘湖村水位站'))).toBe(false)
    } finally {
      mine.close(); local.close(); other.close()
    }
  })

  it('marks one read for the reader only, then all; another’s notification is 404', async () => {
    await raise('塘湖村雨量站：1小时降雨60毫米')
    await expect.poll(async () => (await list(duty)).items.length, { timeout: 20_000 }).toBe(2)
    const before = await list(duty)
    expect(before.unread).toBe(2)
    const first = before.items[0]!
    const one = await app.inject({ method: 'POST', url: `/api/incidents/notifications/${first.id}/read`, headers: duty.headers })
    expect(one.statusCode, one.body).toBe(200)
    expect(one.json().unread).toBe(1)
    expect(one.json().items.find((n: { id: number }) => n.id === first.id).read).toBe(true)
    // a notification to the role is shared: another officer still has it unread
    expect((await list(otherDuty)).unread).toBe(2)

    const notMine = await app.inject({ method: 'POST', url: `/api/incidents/notifications/${first.id}/read`, headers: elsewhere.headers })
    expect(notMine.statusCode).toBe(404)
    const all = await app.inject({ method: 'POST', url: '/api/incidents/notifications/read-all', headers: duty.headers })
    expect(all.json()).toMatchObject({ unread: 0 })
    expect((await list(duty)).items.every((n) => n.read)).toBe(true)
    expect((await list(otherDuty)).unread).toBe(2)
  })
})
