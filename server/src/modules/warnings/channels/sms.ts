/**
 * SMS through a configurable HTTP gateway (短信网关).
 *
 * One message: POST `<url>` `{to, text, id}` (JSON), header `Idempotency-Key: <id>`, optional
 * `Authorization: Bearer <token>`. The gateway splits the text into parts (70 Chinese characters
 * in one SMS, 67 per part of a longer one: domain/warnings/smsSegments.ts) and may answer
 * `{messageId}`. A 2xx answer means accepted (`sent`); the gateway's delivery receipt later
 * calls POST /api/warnings/deliveries/receipts.
 *
 * Batch (optional, `YINGJI_SMS_GATEWAY_BATCH_SIZE` > 1): POST `{messages: [{to, text, id}, …]}`;
 * the answer may list `{results: [{id, ok, messageId?, error?}]}`, otherwise 2xx accepts all.
 *
 * Exactly once: the id is the delivery row's id and stays the same on every try, so when a
 * sender dies after the gateway accepted a message but before the row was marked sent, the
 * resend after restart carries the same key and a gateway that deduplicates on it drops it.
 * Without such a gateway the recipient would get that one message twice: we cannot do better
 * over a protocol without acknowledgement of our own state.
 */
import { smsText } from '@yingji/domain/warnings/deliveryMessages'
import { postJson } from './http.ts'
import type { ChannelAdapter, OutgoingMessage, SendResult } from './types.ts'

export interface SmsSettings {
  gatewayUrl: string
  token?: string | undefined
  ratePerSecond: number
  concurrency: number
  batchSize: number
  timeoutMs: number
}

const phonePattern = /^\+?[0-9]{5,20}$/

export function smsChannel(settings: SmsSettings): ChannelAdapter {
  const headers = (id?: string): Record<string, string> => ({
    ...(settings.token ? { authorization: `Bearer ${settings.token}` } : {}),
    ...(id ? { 'idempotency-key': id } : {}),
  })
  const item = (m: OutgoingMessage) => ({ to: m.address, text: smsText(m.warning, m.ackUrl), id: m.deliveryId })
  const badPhone = (m: OutgoingMessage): SendResult | null =>
    phonePattern.test(m.address) ? null : { outcome: 'failed', error: `invalid phone number ${m.address}` }

  const adapter: ChannelAdapter = {
    channel: 'sms',
    concurrency: settings.concurrency,
    ratePerSecond: settings.ratePerSecond,
    async send(m) {
      const bad = badPhone(m)
      if (bad) return bad
      const answer = await postJson(settings.gatewayUrl, item(m), { timeoutMs: settings.timeoutMs, headers: headers(m.deliveryId) })
      if (answer.kind !== 'ok') return { outcome: answer.kind, error: answer.error ?? 'error' }
      const messageId = (answer.body as { messageId?: unknown } | null)?.messageId
      return { outcome: 'sent', providerMessageId: typeof messageId === 'string' ? messageId : null }
    },
  }
  if (settings.batchSize > 1) {
    adapter.batchSize = settings.batchSize
    adapter.sendBatch = async (ms) => {
      const results: SendResult[] = ms.map((m) => badPhone(m) ?? { outcome: 'sent' })
      const valid = ms.filter((_, i) => results[i]!.outcome === 'sent')
      if (valid.length === 0) return results
      const answer = await postJson(settings.gatewayUrl, { messages: valid.map(item) }, { timeoutMs: settings.timeoutMs, headers: headers() })
      const byId = new Map<string, { ok?: boolean; messageId?: string; error?: string }>()
      if (answer.kind === 'ok') {
        const listed = (answer.body as { results?: Array<{ id: string; ok?: boolean; messageId?: string; error?: string }> } | null)?.results
        for (const r of listed ?? []) byId.set(r.id, r)
      }
      return ms.map((m, i) => {
        if (results[i]!.outcome === 'failed') return results[i]!
        if (answer.kind !== 'ok') return { outcome: answer.kind, error: answer.error ?? 'error' }
        const r = byId.get(m.deliveryId)
        if (r && r.ok === false) return { outcome: 'failed', error: r.error ?? 'rejected by the gateway' }
        return { outcome: 'sent', providerMessageId: r?.messageId ?? null }
      })
    }
  }
  return adapter
}
