/**
 * MQTT ingest (MQTT 接入): topic `yingji/{deviceCode}/telemetry`, payload as over HTTP (an
 * array of `{metric, ts, value}` or one object).
 *
 * Built-in broker (aedes) on `YINGJI_MQTT_PORT` (default 1883): a device connects with
 * username = its code and password = its key, and may publish only to its own topic. The
 * reading is written in the broker's `authorizePublish` hook and the hook answers only after
 * the batch has committed; aedes sends the QoS 1 PUBACK after that hook, so a PUBACK means
 * the reading is stored. A full write queue delays the PUBACK (the device's in-flight window
 * throttles it). A payload that cannot be read is acknowledged and logged (MQTT has no
 * per-item answer; HTTP has).
 *
 * External broker (`YINGJI_MQTT_URL`, e.g. Mosquitto): the server subscribes with QoS 1 and
 * sends its PUBACK to the broker only after the commit, so the broker keeps (and redelivers)
 * what was not stored. Device authentication and topic rights are the broker's job there.
 * MQTT.js handles one message at a time per connection, so several connections share the
 * subscription (`$share/yingji/…`) to keep group commit fed.
 */
import crypto from 'node:crypto'
import net from 'node:net'
import { Aedes, type Client } from 'aedes'
import mqtt from 'mqtt'
import { AppError } from '../../http/errors.ts'
import { ingestWaiting } from './ingest.ts'
import type { DeviceInfo, MonitoringRuntime } from './runtime.ts'

export const telemetryTopic = (code: string) => `yingji/${code}/telemetry`
const topicPattern = /^yingji\/([^/]+)\/telemetry$/

export interface MqttIngest {
  mode: 'broker' | 'external' | 'off'
  /** Built-in broker: the port it listens on */
  port?: number
  close(): Promise<void>
}

export interface MqttOptions {
  /** External broker URL; when set no broker is started */
  url?: string | undefined
  /** Built-in broker port (0: any free port) */
  port?: number
  host?: string
  /** External broker: subscriber connections (default 4) */
  subscribers?: number
  log?: (message: string) => void
}

function parsePayload(payload: Buffer): unknown {
  try {
    return JSON.parse(payload.toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

async function store(runtime: MonitoringRuntime, device: DeviceInfo, payload: Buffer, log: (message: string) => void): Promise<void> {
  const body = parsePayload(payload)
  if (body === undefined) {
    log(`MQTT 消息不是有效的 JSON，已丢弃 MQTT payload is not JSON, dropped (device ${device.code})`)
    return
  }
  try {
    const results = await ingestWaiting(runtime, device, body)
    const rejected = results.filter((r) => r.status === 'rejected')
    if (rejected.length > 0) log(`MQTT ${device.code}: ${rejected.length} 条被拒绝 rejected (${rejected[0]!.reason ?? ''})`)
  } catch (error) {
    // The message's own fault (not an array, too many items): acknowledged and logged, since a
    // redelivery would fail the same way. Anything else — a database error — is not acknowledged.
    if (error instanceof AppError && error.kind === 'invalid') {
      log(`MQTT ${device.code}: ${error.message} · ${error.messageEn}`)
      return
    }
    throw error
  }
}

export async function startMqttIngest(runtime: MonitoringRuntime, options: MqttOptions): Promise<MqttIngest> {
  const log = options.log ?? ((message: string) => console.log(message))
  return options.url ? startSubscriber(runtime, options.url, options.subscribers ?? 4, log) : startBroker(runtime, options.port ?? 1883, options.host ?? '0.0.0.0', log)
}

async function startBroker(runtime: MonitoringRuntime, port: number, host: string, log: (message: string) => void): Promise<MqttIngest> {
  const devices = new WeakMap<Client, DeviceInfo>()
  const broker = await Aedes.createBroker({
    authenticate: (client, username, password, done) => {
      const device = password ? runtime.deviceByKey(password.toString('utf8')) : undefined
      if (!device || device.code !== username) {
        const error = Object.assign(new Error('设备编码或密钥错误 Bad device code or key'), { returnCode: 4 as const })
        done(error, false)
        return
      }
      devices.set(client, device)
      done(null, true)
    },
    authorizePublish: (client, packet, done) => {
      if (!client) return done(null)
      const device = devices.get(client)
      if (!device || topicPattern.exec(packet.topic)?.[1] !== device.code) {
        done(new Error('只能发布到本设备的主题 A device may publish only to its own topic'))
        return
      }
      store(runtime, device, packet.payload as Buffer, log).then(() => done(null), (error: unknown) => done(error as Error))
    },
    authorizeSubscribe: (client, subscription, done) => {
      const device = devices.get(client)
      done(null, device && subscription.topic.startsWith(`yingji/${device.code}/`) ? subscription : null)
    },
  })
  const server = net.createServer(broker.handle)
  const listening = await new Promise<boolean>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => (error.code === 'EADDRINUSE' || error.code === 'EACCES' ? resolve(false) : reject(error)))
    server.listen(port, host, () => resolve(true))
  })
  if (!listening) {
    broker.close()
    log(`MQTT 端口 ${port} 已被占用：内置 MQTT 服务未启动，MQTT 接入关闭（HTTP 接入照常）。可设置 YINGJI_MQTT_PORT 换端口，或用 YINGJI_MQTT_URL 连接外部 MQTT 服务。\n` +
      `MQTT port ${port} is in use: the built-in broker is not started and MQTT ingest is off (HTTP ingest works). Set YINGJI_MQTT_PORT to another port, or YINGJI_MQTT_URL to use an external broker.`)
    return { mode: 'off', close: async () => {} }
  }
  const actual = (server.address() as net.AddressInfo).port
  log(`内置 MQTT 服务已启动 Built-in MQTT broker listening: mqtt://${host}:${actual} (topic yingji/{设备编码 device code}/telemetry)`)
  return {
    mode: 'broker',
    port: actual,
    close: async () => {
      await new Promise<void>((resolve) => broker.close(() => resolve()))
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

async function startSubscriber(runtime: MonitoringRuntime, url: string, count: number, log: (message: string) => void): Promise<MqttIngest> {
  const topic = count > 1 ? `$share/yingji/yingji/+/telemetry` : 'yingji/+/telemetry'
  const group = crypto.randomBytes(4).toString('hex')
  const clients = await Promise.all(Array.from({ length: count }, async (_, i) => {
    const client = await mqtt.connectAsync(url, {
      clientId: `yingji-ingest-${group}-${i}`,
      // MQTT.js defers the PUBACK (customHandleAcks) only on MQTT 5.
      protocolVersion: 5,
      reconnectPeriod: 2000,
      customHandleAcks: (packetTopic, message, _packet, done) => {
        const code = topicPattern.exec(packetTopic)?.[1]
        const device = code ? runtime.deviceByCode(code) : undefined
        if (!device) {
          log(`MQTT 未登记的设备，已丢弃 Unknown device, dropped: ${packetTopic}`)
          done(0)
          return
        }
        // Not acknowledged on a database error: the broker delivers it again.
        store(runtime, device, message, log).then(() => done(0), (error: unknown) => log(`MQTT 写入失败 write failed: ${String(error)}`))
      },
    })
    await client.subscribeAsync(topic, { qos: 1 })
    return client
  }))
  log(`已订阅外部 MQTT 服务 Subscribed to the external MQTT broker: ${url} (${topic})`)
  return {
    mode: 'external',
    close: async () => { await Promise.all(clients.map((client) => client.endAsync())) },
  }
}
