/**
 * E-mail over SMTP (nodemailer, pooled connections). The receiving server's 250 after DATA is
 * taken as delivered. SMTP reply codes: 4xx is transient (retry), 5xx permanent (failed);
 * connection errors are transient. The Message-ID is `<delivery id@host>`, the same on every
 * try, so a copy resent after a crash is recognisable as a duplicate by mail clients that
 * thread on it — SMTP itself offers no deduplication, so such a recipient may see two copies.
 */
import nodemailer from 'nodemailer'
import { emailLines, emailSubject } from '@yingji/domain/warnings/deliveryMessages'
import type { ChannelAdapter } from './types.ts'

export interface EmailSettings {
  /** smtp://user:pass@host:port or smtps://… */
  smtpUrl: string
  from: string
  ratePerSecond: number
  concurrency: number
  timeoutMs: number
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function emailChannel(settings: EmailSettings): ChannelAdapter {
  const transport = nodemailer.createTransport(settings.smtpUrl, {
    pool: true, maxConnections: Math.max(1, settings.concurrency), connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs, socketTimeout: settings.timeoutMs,
  } as object)
  const host = (() => {
    const at = settings.from.match(/@([^>\s]+)/)
    return at?.[1] ?? 'yingji.local'
  })()
  return {
    channel: 'email',
    concurrency: settings.concurrency,
    ratePerSecond: settings.ratePerSecond,
    async send(m) {
      if (!/^[^@\s]+@[^@\s]+$/.test(m.address)) return { outcome: 'failed', error: `invalid e-mail address ${m.address}` }
      const lines = emailLines(m.warning, m.ackUrl)
      try {
        const info = await transport.sendMail({
          from: settings.from, to: m.address, subject: emailSubject(m.warning),
          messageId: `<${m.deliveryId}@${host}>`,
          headers: { 'X-Yingji-Delivery': m.deliveryId },
          text: lines.join('\n\n'),
          html: lines.map((l) => `<p>${escapeHtml(l).replace(escapeHtml(m.ackUrl), `<a href="${escapeHtml(m.ackUrl)}">${escapeHtml(m.ackUrl)}</a>`)}</p>`).join('\n'),
        })
        if (info.rejected.length > 0) return { outcome: 'failed', error: `rejected: ${info.response}` }
        return { outcome: 'delivered', providerMessageId: info.messageId ?? null }
      } catch (error) {
        const code = (error as { responseCode?: number }).responseCode
        const text = `SMTP ${code ?? ''} ${(error as Error).message}`.trim().slice(0, 500)
        return { outcome: code !== undefined && code >= 500 ? 'failed' : 'retry', error: text }
      }
    },
    async close() { transport.close() },
  }
}
