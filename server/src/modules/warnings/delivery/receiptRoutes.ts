/**
 * HTTP only, public (no session): the confirmation link every message carries,
 * GET /public/warnings/ack/<token> → a tiny page 已确认收到 and the delivery acknowledged
 * (idempotent: a second click shows the same page and keeps the first time).
 * Registered by the server at prefix '/public'.
 */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../../platform.ts'
import * as service from './service.ts'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const page = (title: string, lines: string[]) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}
h1{font-size:1.5rem}p{line-height:1.6}.muted{color:#666;font-size:.9rem}</style></head>
<body><h1>${escapeHtml(title)}</h1>${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('')}</body></html>`

export const receiptRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/warnings/ack/:token', {
    config: { access: 'public' },
    schema: {
      tags: ['warnings'], summary: '确认收到预警（短信、邮件、群消息中的链接）· Acknowledge a warning (the link in messages)',
      params: Type.Object({ token: Type.String({ maxLength: 128 }) }),
    },
  }, async (request, reply) => {
    const row = await service.acknowledgeByToken(platform.db, request.params.token)
    reply.header('cache-control', 'no-store').header('x-robots-tag', 'noindex').type('text/html; charset=utf-8')
    if (!row) return reply.status(404).send(page('链接无效 Link not valid', ['该确认链接不存在或已失效。', 'This confirmation link is unknown.']))
    return reply.send(page('已确认收到', [
      row.headline,
      `确认时间 Acknowledged at：${new Date(new Date(row.acknowledged_at).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`,
      'Receipt confirmed. Thank you.',
    ].concat(['请按预警要求做好防范。Please follow the instructions of the warning.'])))
  })
}
