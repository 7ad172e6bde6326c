/**
 * The sender loop (发送循环): claims due deliveries, sends them through their channels and marks
 * the results.
 *
 * Claim: one statement takes up to `claimBatch` queued rows whose `next_attempt_at` has come,
 * responsible persons first (the next claim already while a batch is sending), with FOR UPDATE SKIP LOCKED (several server processes never claim
 * the same row) and pushes `next_attempt_at` forward by the lease, counting an attempt. The
 * claim commits at once; no transaction stays open while sending. A sender that dies leaves
 * its rows to come due again when the lease ends — the crash case.
 *
 * Send: per channel, at most `concurrency` sends in flight and `ratePerSecond` on average
 * (token bucket); an SMS gateway with a batch endpoint takes many per call.
 *
 * Mark: all results of a claim in ONE UPDATE (jsonb_to_recordset). `sent`/`delivered`/`failed`
 * apply only to a row still `queued` — a receipt or acknowledgement that came first wins.
 * A transient failure puts the row back with an exponential backoff, `failed` after the
 * policy's last try.
 *
 * Exactly once per recipient and channel: the row is unique per warning × subscriber ×
 * channel, and a row is sent again only when its previous try never got marked (a crash, or a
 * send slower than the lease). For SMS the resend carries the same id as its idempotency key
 * and the gateway drops the duplicate; e-mail and group robots have no such key, so there a
 * crash in the window between the provider's answer and the mark can mean a second copy.
 */
import { sql } from 'drizzle-orm'
import { nextRetryDelayMs } from '@yingji/domain/warnings/deliveryBackoff'
import type { WarningContent, WarningLevel, WarningMsgType } from '@yingji/domain/warnings/deliveryMessages'
import type { Db } from '../../../db/database.ts'
import { queryRows } from '../../../db/rows.ts'
import { tokenBucket, type RateLimiter } from '../channels/rateLimit.ts'
import type { Channel, ChannelAdapter, OutgoingMessage, SendResult } from '../channels/index.ts'
import { ackSecret, ackToken } from './ackToken.ts'
import type { DeliverySettings } from './settings.ts'

export interface SendReport {
  claimed: number
  sent: number
  delivered: number
  failed: number
  retried: number
}

export interface Sender {
  start(): void
  stop(): Promise<void>
  /** Runs a pass now (or soon, when one is running). */
  nudge(): void
  /** Sends everything due now, claim after claim, until nothing is due. */
  drain(): Promise<SendReport>
}

interface ClaimedRow {
  id: string
  warning_id: string
  channel: Channel
  address: string
  attempts: number
}

interface WarningRow {
  id: string
  msg_type: WarningMsgType
  level: WarningLevel
  headline: string
  description: string
  instruction: string | null
  area_desc: string
  expires: Date | string
}

export interface SenderOptions {
  onError?: (message: string, error: unknown) => void
  /** Called after each claim's results are marked (tests, benches). */
  onMarked?: (count: number) => void
}

export function ackUrl(settings: DeliverySettings, token: string): string {
  return `${settings.publicBaseUrl}/public/warnings/ack/${token}`
}

export function createSender(db: Db, settings: DeliverySettings, adapters: Record<Channel, ChannelAdapter>, options: SenderOptions = {}): Sender {
  const log = options.onError ?? ((message, error) => console.error(message, error))
  const limiters = new Map<Channel, RateLimiter>()
  for (const a of Object.values(adapters)) limiters.set(a.channel, tokenBucket(a.ratePerSecond))
  const contents = new Map<string, WarningContent>()

  async function claim(): Promise<ClaimedRow[]> {
    return queryRows<ClaimedRow>(db, sql`
      WITH claimed AS (
        UPDATE warnings.deliveries d
        SET attempts = d.attempts + 1,
            next_attempt_at = now() + ${settings.leaseMs}::double precision * interval '1 millisecond',
            lease_until = now() + ${settings.leaseMs}::double precision * interval '1 millisecond'
        WHERE d.id IN (
          SELECT p.id FROM warnings.deliveries p
          WHERE p.status = 'queued' AND p.next_attempt_at <= now()
          ORDER BY p.priority, p.next_attempt_at
          LIMIT ${settings.claimBatch}
          FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.warning_id, d.channel, d.address, d.attempts, d.priority)
      SELECT id, warning_id, channel, address, attempts FROM claimed ORDER BY priority`)
  }

  async function contentOf(ids: string[]): Promise<Map<string, WarningContent>> {
    const missing = [...new Set(ids)].filter((id) => !contents.has(id))
    if (missing.length > 0) {
      const rows = await queryRows<WarningRow>(db, sql`
        SELECT id, msg_type, level, headline, description, instruction, area_desc, expires FROM warnings.warnings
        WHERE id = ANY(string_to_array(${missing.join(',')}, ',')::uuid[])`)
      if (contents.size > 1000) contents.clear()
      for (const r of rows) {
        contents.set(r.id, {
          msgType: r.msg_type, level: r.level, headline: r.headline, description: r.description, instruction: r.instruction,
          areaDesc: r.area_desc, expires: new Date(r.expires).toISOString(), senderName: settings.senderName,
        })
      }
    }
    return contents
  }

  async function sendAll(rows: ClaimedRow[]): Promise<SendResult[]> {
    const content = await contentOf(rows.map((r) => r.warning_id))
    const secret = await ackSecret(db)
    const results: SendResult[] = new Array(rows.length)
    const byChannel = new Map<Channel, number[]>()
    rows.forEach((r, i) => {
      const list = byChannel.get(r.channel) ?? []
      list.push(i)
      byChannel.set(r.channel, list)
    })
    const messageOf = (r: ClaimedRow): OutgoingMessage | null => {
      const warning = content.get(r.warning_id)
      return warning ? { deliveryId: r.id, address: r.address, warning, ackUrl: ackUrl(settings, ackToken(secret, r.id)) } : null
    }
    await Promise.all([...byChannel].map(async ([channel, indexes]) => {
      const adapter = adapters[channel]
      const limiter = limiters.get(channel)!
      const size = adapter.sendBatch ? Math.max(1, adapter.batchSize ?? 1) : 1
      const groups: number[][] = []
      for (let i = 0; i < indexes.length; i += size) groups.push(indexes.slice(i, i + size))
      let next = 0
      const worker = async () => {
        while (next < groups.length) {
          const group = groups[next++]!
          const messages = group.map((i) => messageOf(rows[i]!))
          await limiter.take(group.length)
          try {
            if (adapter.sendBatch && size > 1) {
              const valid = messages.filter((m): m is OutgoingMessage => m !== null)
              const answers = valid.length > 0 ? await adapter.sendBatch(valid) : []
              let k = 0
              group.forEach((i, j) => { results[i] = messages[j] ? answers[k++]! : { outcome: 'failed', error: 'warning not found' } })
            } else {
              const m = messages[0]
              results[group[0]!] = m ? await adapter.send(m) : { outcome: 'failed', error: 'warning not found' }
            }
          } catch (error) {
            for (const i of group) results[i] = { outcome: 'retry', error: `adapter: ${(error as Error).message}`.slice(0, 500) }
          }
        }
      }
      await Promise.all(Array.from({ length: Math.max(1, Math.min(adapter.concurrency, groups.length)) }, worker))
    }))
    return results
  }

  async function mark(rows: ClaimedRow[], results: SendResult[], report: SendReport): Promise<void> {
    const marks = rows.map((r, i) => {
      const res = results[i]!
      if (res.outcome === 'retry') {
        const delay = nextRetryDelayMs(r.attempts, settings.backoff)
        if (delay === null) {
          report.failed++
          return { id: r.id, outcome: 'failed', error: `${res.error} (after ${r.attempts} tries)`, provider_id: null, delay_ms: 0 }
        }
        report.retried++
        return { id: r.id, outcome: 'retry', error: res.error, provider_id: null, delay_ms: delay }
      }
      if (res.outcome === 'failed') {
        report.failed++
        return { id: r.id, outcome: 'failed', error: res.error, provider_id: null, delay_ms: 0 }
      }
      if (res.outcome === 'delivered') report.delivered++
      else report.sent++
      return { id: r.id, outcome: res.outcome, error: null, provider_id: 'providerMessageId' in res ? res.providerMessageId ?? null : null, delay_ms: 0 }
    })
    await db.execute(sql`
      UPDATE warnings.deliveries d SET
        status = CASE WHEN d.status = 'queued' AND r.outcome IN ('sent', 'delivered', 'failed') THEN r.outcome ELSE d.status END,
        sent_at = CASE WHEN r.outcome IN ('sent', 'delivered') THEN coalesce(d.sent_at, now()) ELSE d.sent_at END,
        delivered_at = CASE WHEN r.outcome = 'delivered' THEN coalesce(d.delivered_at, now()) ELSE d.delivered_at END,
        failed_at = CASE WHEN r.outcome = 'failed' AND d.status = 'queued' THEN now() ELSE d.failed_at END,
        next_attempt_at = CASE WHEN r.outcome = 'retry' THEN now() + r.delay_ms::double precision * interval '1 millisecond' ELSE d.next_attempt_at END,
        lease_until = NULL,
        last_error = coalesce(r.error, d.last_error),
        provider_message_id = coalesce(r.provider_id, d.provider_message_id)
      FROM jsonb_to_recordset(${JSON.stringify(marks)}::jsonb) AS r(id uuid, outcome text, error text, provider_id text, delay_ms integer)
      WHERE d.id = r.id`)
    options.onMarked?.(marks.length)
  }

  async function pass(): Promise<SendReport> {
    const report: SendReport = { claimed: 0, sent: 0, delivered: 0, failed: 0, retried: 0 }
    let rows = await claim()
    while (rows.length > 0) {
      report.claimed += rows.length
      // The next claim runs while this batch is out at the gateways (its rows' lease keeps
      // them from being claimed again; if this pass fails they come due when it ends).
      const next = claim()
      next.catch(() => {})
      const results = await sendAll(rows)
      await mark(rows, results, report)
      rows = await next
    }
    return report
  }

  let last: Promise<unknown> = Promise.resolve()
  const runPass = (): Promise<SendReport> => {
    const p = last.catch(() => {}).then(pass)
    last = p
    return p
  }

  let started = false
  let timer: NodeJS.Timeout | undefined
  let soon = false
  const schedule = (ms: number) => {
    clearTimeout(timer)
    timer = setTimeout(tick, ms)
    timer.unref()
  }
  async function tick(): Promise<void> {
    timer = undefined
    soon = false
    try {
      await runPass()
    } catch (error) {
      if (started) log('预警发送轮次失败 Warning delivery pass failed', error)
    }
    if (started && timer === undefined) schedule(settings.pollIntervalMs)
  }

  return {
    start() {
      if (started) return
      started = true
      soon = true
      schedule(0)
    },
    async stop() {
      started = false
      clearTimeout(timer)
      timer = undefined
      await last.catch(() => {})
    },
    nudge() {
      if (!started || soon) return
      soon = true
      schedule(0)
    },
    drain: runPass,
  }
}
