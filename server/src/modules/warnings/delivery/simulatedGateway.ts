/**
 * The simulated delivery gateway (模拟送达网关) of the demo: with the simulation on
 * (YINGJI_SIMULATE not 0), every channel that has no real endpoint sends to a receiver in this
 * process on loopback — the real adapters over real HTTP and SMTP, only the far end is
 * simulated. SMS: the gateway accepts each message (deduplicating on its id) and sends a
 * delivery receipt later for most recipients, a failed one for a few, none for some. E-mail: an
 * SMTP sink. WeCom: the demo robots (seeded at demoWecomBase(), where nothing listens) are
 * redirected to a robot receiver. A few simulated recipients then open the confirmation link
 * of their message over HTTP. Receipts are applied in-process (the gateway is part of the
 * platform; a real one posts to /api/warnings/deliveries/receipts with an API key).
 */
import { randomStream } from '@yingji/domain/geo/seededRandom'
import type { Db } from '../../../db/database.ts'
import type { Channel, ChannelAdapter } from '../channels/index.ts'
import { startReceiver, type LocalReceiver, type Received } from '../channels/receiver.ts'
import { startSmtpSink, type SmtpSink } from '../channels/smtpSink.ts'
import { demoWecomBase } from '../demo.ts'
import * as queries from './queries.ts'
import type { DeliverySettings } from './settings.ts'

export interface SimulatedGateway {
  /** The channels whose messages go to the simulation. */
  channels: Channel[]
  /** The start-up log lines (zh, en). */
  lines: string[]
  stats: { accepted: number; delivered: number; failed: number; acknowledged: number }
  /** The settings with the simulated endpoints filled in. */
  settings: DeliverySettings
  /** The channel adapters with the demo robots redirected to the simulated receiver. */
  wrap(adapters: Record<Channel, ChannelAdapter>): Record<Channel, ChannelAdapter>
  /** Where the server listens (confirmation links are opened there, whatever host they name). */
  setLocalBaseUrl(url: string): void
  close(): Promise<void>
}

/** Channels without a real endpoint: these go to the simulated gateway. */
export function channelsToSimulate(settings: DeliverySettings, env: NodeJS.ProcessEnv = process.env): Channel[] {
  const out: Channel[] = []
  if (!settings.sms.gatewayUrl) out.push('sms')
  if (!settings.email.smtpUrl) out.push('email')
  // The demo robots post to a local base nobody serves unless YINGJI_DEMO_WECOM_BASE names a receiver.
  if (!env.YINGJI_DEMO_WECOM_BASE) out.push('wecom')
  return out
}

const ackLink = /\/public\/warnings\/ack\/([0-9a-f]{64})/
const channelLabels: Record<Channel, string> = { sms: '短信 SMS', email: '电子邮件 e-mail', wecom: '企业微信群机器人 WeCom robots', dingtalk: '钉钉 DingTalk', app: '平台推送 app' }

interface Due { at: number; run: () => Promise<void> }

export async function startSimulatedGateway(db: Db, settings: DeliverySettings, channels: Channel[]): Promise<SimulatedGateway | null> {
  if (channels.length === 0) return null
  const sim = settings.simulatedGateway
  const random = randomStream(360281, 'warnings.simulated-gateway')
  const stats = { accepted: 0, delivered: 0, failed: 0, acknowledged: 0 }
  const due: Due[] = []
  let localBaseUrl: string | null = null
  const later = (ms: number, run: () => Promise<void>) => due.push({ at: Date.now() + ms, run })
  const receiptDelay = () => sim.receiptMinMs + (sim.receiptMaxMs - sim.receiptMinMs) * random() ** 2

  /** A simulated recipient opens the link in the message, over HTTP, like a phone would. */
  const maybeAcknowledge = (text: string, afterMs: number) => {
    const token = ackLink.exec(text)?.[1]
    if (!token || random() * 100 >= sim.acknowledgePercent) return
    later(afterMs + receiptDelay() / 2, async () => {
      if (!localBaseUrl) return
      const res = await fetch(`${localBaseUrl}/public/warnings/ack/${token}`).catch(() => null)
      if (res?.ok) stats.acknowledged++
      await res?.arrayBuffer()
    })
  }

  const onSms = (r: Received) => {
    const body = r.body as { messages?: Array<{ id: string; text: string }> } & { id: string; text: string }
    for (const m of body.messages ?? [body]) {
      if (sms!.acceptedById.has(m.id)) continue // a resend of an id already accepted: the gateway drops it
      stats.accepted++
      const u = random() * 100
      if (u < sim.failedPercent) {
        later(receiptDelay(), async () => {
          if (await queries.applyReceipt(db, m.id, 'failed', null, '模拟回执：用户关机或空号 UNDELIV (simulated receipt)')) stats.failed++
        })
      } else if (u >= sim.failedPercent + sim.silentPercent) {
        const delay = receiptDelay()
        later(delay, async () => {
          if (await queries.applyReceipt(db, m.id, 'delivered', null, null)) stats.delivered++
        })
        maybeAcknowledge(m.text, delay)
      }
    }
  }

  let sms: LocalReceiver | null = null
  let robots: LocalReceiver | null = null
  let smtp: SmtpSink | null = null
  const simulated = { ...settings, sms: { ...settings.sms }, email: { ...settings.email } }
  if (channels.includes('sms')) {
    sms = await startReceiver({ kind: 'sms', keepBodies: false })
    sms.onRequest = onSms
    simulated.sms.gatewayUrl = `${sms.url}/sms`
  }
  if (channels.includes('email')) {
    smtp = await startSmtpSink(() => { stats.accepted++ })
    simulated.email.smtpUrl = smtp.url
  }
  if (channels.includes('wecom')) {
    robots = await startReceiver({ kind: 'webhook', keepBodies: false })
    robots.onRequest = (r) => {
      stats.accepted++
      maybeAcknowledge((r.body as { markdown?: { content?: string } } | null)?.markdown?.content ?? '', 0)
    }
  }

  let running: Promise<void> | null = null
  const tick = async () => {
    const now = Date.now()
    const ready = due.filter((d) => d.at <= now)
    if (ready.length === 0) return
    const keep = due.filter((d) => d.at > now)
    due.length = 0
    due.push(...keep)
    for (let i = 0; i < ready.length; i += 16) {
      await Promise.all(ready.slice(i, i + 16).map((d) => d.run().catch(() => { /* the database is closing; the row stays as it was */ })))
    }
  }
  const timer = setInterval(() => {
    if (!running) running = tick().finally(() => { running = null })
  }, sim.tickMs)
  timer.unref()

  const names = channels.map((c) => channelLabels[c]).join('、')
  return {
    channels,
    stats,
    settings: simulated,
    lines: [
      `模拟送达网关已启动（未配置真实网关）：${names} 的消息由平台内置的模拟网关接收，约 97% 的短信在数分钟内回执送达，少数模拟接收人点击确认链接；送达报告标注“模拟”。`,
      `Simulated delivery gateway running (no real endpoint configured) for ${names}: about 97% of SMS get a delivery receipt within minutes and a few simulated recipients open the confirmation link; the delivery report marks it simulated. (YINGJI_SMS_GATEWAY_URL, YINGJI_SMTP_URL, YINGJI_DEMO_WECOM_BASE or YINGJI_SIMULATE=0 turn it off)`,
    ],
    wrap(adapters) {
      if (!robots) return adapters
      const from = demoWecomBase()
      const to = `${robots.url}/wecom`
      const wecom = adapters.wecom
      return {
        ...adapters,
        wecom: { ...wecom, send: (m) => wecom.send(m.address.startsWith(from) ? { ...m, address: to + m.address.slice(from.length) } : m) },
      }
    },
    setLocalBaseUrl(url) { localBaseUrl = url },
    async close() {
      clearInterval(timer)
      await running
      await Promise.all([sms?.close(), robots?.close(), smtp?.close()])
    },
  }
}
