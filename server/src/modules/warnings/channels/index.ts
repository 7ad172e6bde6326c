/** The channel adapters a deployment has, built from the delivery settings. */
import type { DeliverySettings } from '../delivery/settings.ts'
import { appChannel } from './app.ts'
import { emailChannel } from './email.ts'
import { dingtalkChannel, wecomChannel } from './robots.ts'
import { smsChannel } from './sms.ts'
import type { Channel, ChannelAdapter } from './types.ts'

export type { Channel, ChannelAdapter, OutgoingMessage, SendResult } from './types.ts'
export { channels, channelNames } from './types.ts'

/** A channel without configuration fails its deliveries with a reason an operator can read. */
function unconfigured(channel: Channel, variable: string): ChannelAdapter {
  return {
    channel, concurrency: 1, ratePerSecond: 0,
    send: async () => ({ outcome: 'failed', error: `渠道未配置 channel not configured (${variable})` }),
  }
}

export function createChannels(s: DeliverySettings): Record<Channel, ChannelAdapter> {
  return {
    sms: s.sms.gatewayUrl ? smsChannel({ ...s.sms, gatewayUrl: s.sms.gatewayUrl, timeoutMs: s.timeoutMs }) : unconfigured('sms', 'YINGJI_SMS_GATEWAY_URL'),
    email: s.email.smtpUrl ? emailChannel({ ...s.email, smtpUrl: s.email.smtpUrl, timeoutMs: s.timeoutMs }) : unconfigured('email', 'YINGJI_SMTP_URL'),
    wecom: wecomChannel({ ...s.wecom, timeoutMs: s.timeoutMs }),
    dingtalk: dingtalkChannel({ ...s.dingtalk, timeoutMs: s.timeoutMs }),
    app: appChannel(),
  }
}
