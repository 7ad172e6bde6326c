/**
 * A delivery channel (送达渠道) as an adapter: it turns a warning into its message format and
 * hands it to the provider. The sender loop (../delivery/sender.ts) gives each channel its own
 * rate limit and number of sends in flight.
 */
import type { WarningContent } from '@yingji/domain/warnings/deliveryMessages'

export const channels = ['sms', 'email', 'wecom', 'dingtalk', 'app'] as const
export type Channel = (typeof channels)[number]

export const channelNames: Record<Channel, { zh: string; en: string }> = {
  sms: { zh: '短信', en: 'SMS' },
  email: { zh: '电子邮件', en: 'Email' },
  wecom: { zh: '企业微信群', en: 'WeCom group' },
  dingtalk: { zh: '钉钉群', en: 'DingTalk group' },
  app: { zh: '平台推送', en: 'Dashboard push' },
}

export interface OutgoingMessage {
  /** The delivery row's id: the idempotency key where the provider supports one. */
  deliveryId: string
  /** Phone, e-mail address, webhook URL or user id. */
  address: string
  warning: WarningContent
  /** `<publicBaseUrl>/public/warnings/ack/<token>` */
  ackUrl: string
}

export type SendResult =
  /** `sent`: accepted, a receipt may follow; `delivered`: the 2xx answer is the proof. */
  | { outcome: 'sent' | 'delivered'; providerMessageId?: string | null }
  /** `retry`: transient (5xx, timeout); `failed`: permanent (4xx, bad address). */
  | { outcome: 'retry' | 'failed'; error: string }

export interface ChannelAdapter {
  channel: Channel
  /** Sends in flight at once. */
  concurrency: number
  /** Messages per second at most (token bucket). */
  ratePerSecond: number
  send(message: OutgoingMessage): Promise<SendResult>
  /** Optional: many messages in one provider call (an SMS gateway's batch endpoint). */
  sendBatch?: (messages: OutgoingMessage[]) => Promise<SendResult[]>
  /** How many messages one `sendBatch` call takes. */
  batchSize?: number
  close?(): Promise<void>
}
