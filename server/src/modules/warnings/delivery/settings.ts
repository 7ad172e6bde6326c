/**
 * Delivery settings, from the environment by default; tests and benches replace them per
 * platform with `configureDelivery` before the app is built.
 *
 * | Variable | Default | Meaning |
 * |---|---|---|
 * | YINGJI_PUBLIC_BASE_URL | http://localhost:<bound port> | base of the confirmation links in messages |
 * | YINGJI_WARNING_SENDER_NAME | 乐平应急 | the 【signature】 of SMS and the sender in messages |
 * | YINGJI_SMS_GATEWAY_URL | – (SMS fails "not configured") | POST {to, text, id} |
 * | YINGJI_SMS_GATEWAY_TOKEN | – | sent as Authorization: Bearer |
 * | YINGJI_SMS_GATEWAY_BATCH_SIZE | 1 | > 1: POST {messages: […]} of up to this many |
 * | YINGJI_SMS_RATE | 200 | SMS per second at most |
 * | YINGJI_SMTP_URL | – (email fails "not configured") | smtp://user:pass@host:port |
 * | YINGJI_MAIL_FROM | 乐平应急 <noreply@localhost> | From of warning mails |
 * | YINGJI_EMAIL_RATE | 20 | e-mails per second |
 * | YINGJI_WECOM_RATE / YINGJI_DINGTALK_RATE | 5 | robot posts per second (each robot allows ~20/min) |
 * | YINGJI_DINGTALK_SECRET | – | default 加签 secret for DingTalk robots |
 * | YINGJI_DELIVERY_TIMEOUT_MS | 10000 | per send |
 *
 * With the simulation on (YINGJI_SIMULATE not 0), a channel without a real endpoint goes to the
 * built-in simulated gateway (simulatedGateway.ts); `simulatedGateway` sets its behaviour.
 */
import { defaultBackoff, type BackoffPolicy } from '@yingji/domain/warnings/deliveryBackoff'
import type { AddressInfo } from 'node:net'
import type { Platform } from '../../../platform.ts'

export interface DeliverySettings {
  publicBaseUrl: string
  /** YINGJI_PUBLIC_BASE_URL was given; otherwise the server's bound address replaces the default once it listens */
  publicBaseUrlConfigured: boolean
  senderName: string
  timeoutMs: number
  sms: { gatewayUrl: string | undefined; token: string | undefined; ratePerSecond: number; concurrency: number; batchSize: number }
  email: { smtpUrl: string | undefined; from: string; ratePerSecond: number; concurrency: number }
  wecom: { ratePerSecond: number; concurrency: number }
  dingtalk: { ratePerSecond: number; concurrency: number; secret: string | undefined }
  /** Rows claimed per round trip of the sender. */
  claimBatch: number
  /** How long a claim keeps other senders off a row; also the resend delay after a crash. */
  leaseMs: number
  /** Sender poll when idle (a fan-out wakes it at once). */
  pollIntervalMs: number
  backoff: BackoffPolicy
  /** Start the sender loop with the app (default true). */
  autoStart: boolean
  /** The simulated gateway's recipients: when receipts come, how many fail, go silent or confirm. */
  simulatedGateway: SimulatedGatewaySettings
}

export interface SimulatedGatewaySettings {
  /** Delivery receipts come between these delays after the gateway accepted an SMS (skewed early). */
  receiptMinMs: number
  receiptMaxMs: number
  /** Of the SMS: a failed receipt (phone off, number gone), no receipt at all. */
  failedPercent: number
  silentPercent: number
  /** Of the reached recipients: who open the confirmation link in their message. */
  acknowledgePercent: number
  /** How often due receipts and confirmations are applied. */
  tickMs: number
}

const num = (v: string | undefined, d: number) => (v !== undefined && v !== '' && Number.isFinite(Number(v)) ? Number(v) : d)

export function loadDeliverySettings(env: NodeJS.ProcessEnv = process.env): DeliverySettings {
  return {
    publicBaseUrl: (env.YINGJI_PUBLIC_BASE_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    publicBaseUrlConfigured: Boolean(env.YINGJI_PUBLIC_BASE_URL),
    senderName: env.YINGJI_WARNING_SENDER_NAME ?? '乐平应急',
    timeoutMs: num(env.YINGJI_DELIVERY_TIMEOUT_MS, 10_000),
    sms: {
      gatewayUrl: env.YINGJI_SMS_GATEWAY_URL || undefined, token: env.YINGJI_SMS_GATEWAY_TOKEN || undefined,
      ratePerSecond: num(env.YINGJI_SMS_RATE, 200), concurrency: num(env.YINGJI_SMS_CONCURRENCY, 16), batchSize: num(env.YINGJI_SMS_GATEWAY_BATCH_SIZE, 1),
    },
    email: {
      smtpUrl: env.YINGJI_SMTP_URL || undefined, from: env.YINGJI_MAIL_FROM ?? '乐平应急 <noreply@localhost>',
      ratePerSecond: num(env.YINGJI_EMAIL_RATE, 20), concurrency: num(env.YINGJI_EMAIL_CONCURRENCY, 4),
    },
    wecom: { ratePerSecond: num(env.YINGJI_WECOM_RATE, 5), concurrency: 4 },
    dingtalk: { ratePerSecond: num(env.YINGJI_DINGTALK_RATE, 5), concurrency: 4, secret: env.YINGJI_DINGTALK_SECRET || undefined },
    claimBatch: 500,
    leaseMs: 60_000,
    pollIntervalMs: 5_000,
    backoff: defaultBackoff,
    autoStart: true,
    // 97 % of the SMS reached, 95 % of all rows within about four minutes (SCENARIO step 4).
    simulatedGateway: { receiptMinMs: 3_000, receiptMaxMs: 200_000, failedPercent: 2, silentPercent: 1, acknowledgePercent: 5, tickMs: 1_000 },
  }
}

/**
 * The server's own URLs once it listens (PORT=0 binds a random port): `local` for the simulated
 * recipients on this machine, `public` for links in messages when none is configured (a wildcard
 * bind is named `localhost`, a specific address by itself).
 */
export function boundUrls(address: AddressInfo): { local: string; public: string } {
  const wildcard = address.address === '0.0.0.0' || address.address === '::'
  const named = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    local: `http://${wildcard ? (address.address === '::' ? '[::1]' : '127.0.0.1') : named}:${address.port}`,
    public: `http://${wildcard ? 'localhost' : named}:${address.port}`,
  }
}

const configured = new WeakMap<Platform, DeliverySettings>()

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? Partial<T[K]> : T[K] }

/** Replaces settings for one platform (tests, benches); call before the app is built. */
export function configureDelivery(platform: Platform, settings: DeepPartial<DeliverySettings>): DeliverySettings {
  const base = deliverySettings(platform)
  const merged = { ...base } as DeliverySettings
  for (const [key, value] of Object.entries(settings)) {
    const current = (base as unknown as Record<string, unknown>)[key]
    ;(merged as unknown as Record<string, unknown>)[key] = current && typeof current === 'object' && value && typeof value === 'object' ? { ...current, ...value } : value
  }
  merged.publicBaseUrlConfigured = settings.publicBaseUrl !== undefined || base.publicBaseUrlConfigured
  configured.set(platform, merged)
  return merged
}

export function deliverySettings(platform: Platform): DeliverySettings {
  let s = configured.get(platform)
  if (!s) {
    s = loadDeliverySettings()
    configured.set(platform, s)
  }
  return s
}
