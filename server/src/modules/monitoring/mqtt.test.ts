import net from 'node:net'
import { sql } from 'drizzle-orm'
import mqtt from 'mqtt'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryRows } from '../../db/rows.ts'
import { startMqttIngest, telemetryTopic, type MqttIngest } from './mqtt.ts'
import { monitoringRuntime } from './runtime.ts'
import { monitoringTestApp, registerDevice, waitFor, type MonitoringTestApp } from './testSupport.ts'

const stored = async (t: MonitoringTestApp, deviceId: string) =>
  (await queryRows<{ n: number }>(t.platform.db, sql`SELECT count(*)::int AS n FROM monitoring.readings WHERE device_id = ${deviceId}`))[0]!.n

const reachable = (port: number) => new Promise<boolean>((resolve) => {
  const socket = net.connect(port, '127.0.0.1')
  socket.once('connect', () => { socket.destroy(); resolve(true) })
  socket.once('error', () => resolve(false))
})

describe('MQTT ingest through the built-in broker', () => {
  let t: MonitoringTestApp
  let broker: MqttIngest
  const logs: string[] = []
  beforeAll(async () => {
    t = await monitoringTestApp()
    broker = await startMqttIngest(monitoringRuntime(t.platform), { port: 0, host: '127.0.0.1', log: (m) => logs.push(m) })
  })
  afterAll(async () => {
    await broker?.close()
    await t?.close()
  })

  it('stores a QoS 1 reading before the PUBACK arrives; a repeat is stored once', async () => {
    expect(broker.mode).toBe('broker')
    const gauge = await registerDevice(t)
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: gauge.code, password: gauge.apiKey, reconnectPeriod: 0 })
    try {
      const ts = new Date(Date.now() - 60_000).toISOString()
      await client.publishAsync(telemetryTopic(gauge.code), JSON.stringify([{ metric: 'rainfall_mm', ts, value: 3.5 }]), { qos: 1 })
      // The PUBACK has come back: the row must already be there, without waiting.
      expect(await stored(t, gauge.id)).toBe(1)
      await client.publishAsync(telemetryTopic(gauge.code), JSON.stringify({ metric: 'rainfall_mm', ts, value: 3.5 }), { qos: 1 })
      await client.publishAsync(telemetryTopic(gauge.code), 'not json', { qos: 1 })
      expect(await stored(t, gauge.id)).toBe(1)
      expect(logs.some((m) => m.includes('not JSON'))).toBe(true)
    } finally {
      await client.endAsync()
    }
  })

  it('withholds the PUBACK when the database fails; the device sends again and the reading is stored once', async () => {
    const gauge = await registerDevice(t)
    const reading = JSON.stringify([{ metric: 'rainfall_mm', ts: new Date(Date.now() - 90_000).toISOString(), value: 2.5 }])
    // A message that is itself wrong is acknowledged (a redelivery would fail the same way) and logged.
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: gauge.code, password: gauge.apiKey, reconnectPeriod: 0 })
    await client.publishAsync(telemetryTopic(gauge.code), JSON.stringify('rain'), { qos: 1 })
    expect(logs.at(-1)).toMatch(/Expected an array/)
    // The database fails the batch's transaction: no PUBACK (the broker drops the connection).
    await t.platform.db.execute(sql`ALTER TABLE monitoring.rollups RENAME TO rollups_away`)
    try {
      const closed = new Promise<void>((resolve) => client.once('close', () => resolve()))
      let acked = false
      client.publish(telemetryTopic(gauge.code), reading, { qos: 1 }, (error) => { if (!error) acked = true })
      await closed
      expect(acked).toBe(false)
      expect(await stored(t, gauge.id)).toBe(0)
    } finally {
      await t.platform.db.execute(sql`ALTER TABLE monitoring.rollups_away RENAME TO rollups`)
      await client.endAsync(true)
    }
    const again = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: gauge.code, password: gauge.apiKey, reconnectPeriod: 0 })
    try {
      await again.publishAsync(telemetryTopic(gauge.code), reading, { qos: 1 })
      expect(await stored(t, gauge.id)).toBe(1)
    } finally {
      await again.endAsync()
    }
  })

  it('refuses a wrong key, and disconnects a device publishing to another device topic', async () => {
    const gauge = await registerDevice(t)
    const other = await registerDevice(t)
    await expect(mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: gauge.code, password: 'wrong', reconnectPeriod: 0 })).rejects.toThrow()
    const client = await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: gauge.code, password: gauge.apiKey, reconnectPeriod: 0 })
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()))
    client.publish(telemetryTopic(other.code), JSON.stringify([{ metric: 'rainfall_mm', ts: Date.now(), value: 1 }]), { qos: 1 })
    await closed
    await client.endAsync(true)
    expect(await stored(t, other.id)).toBe(0)
  })

  it('says plainly that MQTT ingest is off when the port is taken, and starts anyway', async () => {
    const taken = await startMqttIngest(monitoringRuntime(t.platform), { port: broker.port!, host: '127.0.0.1', log: (m) => logs.push(m) })
    expect(taken.mode).toBe('off')
    expect(logs.at(-1)).toMatch(/端口 \d+ 已被占用.*MQTT ingest is off/s)
  })
})

describe('MQTT ingest from the Mosquitto server on 127.0.0.1:1883', async () => {
  const available = await reachable(1883)
  if (!available) console.warn('\n!!! Mosquitto is not reachable on 127.0.0.1:1883: the external-broker MQTT test is SKIPPED !!!\n')
  let t: MonitoringTestApp
  let subscriber: MqttIngest
  beforeAll(async () => {
    if (!available) return
    t = await monitoringTestApp()
    subscriber = await startMqttIngest(monitoringRuntime(t.platform), { url: 'mqtt://127.0.0.1:1883', subscribers: 2, log: () => {} })
  })
  afterAll(async () => {
    await subscriber?.close()
    await t?.close()
  })

  it.skipIf(!available)('stores what a device publishes to the external broker', async () => {
    expect(subscriber.mode).toBe('external')
    const gauge = await registerDevice(t)
    const device = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { reconnectPeriod: 0 })
    try {
      const now = Date.now()
      for (let i = 0; i < 20; i++) {
        await device.publishAsync(telemetryTopic(gauge.code), JSON.stringify([{ metric: 'rainfall_mm', ts: now - i * 1000, value: i }]), { qos: 1 })
      }
      expect(await waitFor(async () => (await stored(t, gauge.id)) === 20)).toBe(true)
    } finally {
      await device.endAsync()
    }
  })
})
