/**
 * Dashboard/app push (平台推送): the delivery row itself is the message; the web reads it from
 * GET /api/warnings/inbox (then it counts as delivered) and acknowledges it there. Sending only
 * marks it sent.
 */
import type { ChannelAdapter } from './types.ts'

export function appChannel(): ChannelAdapter {
  return { channel: 'app', concurrency: 16, ratePerSecond: 0, send: async () => ({ outcome: 'sent', providerMessageId: null }) }
}
