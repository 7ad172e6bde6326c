/**
 * The warnings module (预警发布): CAP 1.2 warnings authored by hand or from an alarm, approved,
 * targeted at subscribers by area, delivered over SMS, email, WeCom, DingTalk and the dashboard
 * with per-recipient receipts, and published on a public CAP feed.
 *
 * Routes: authoring and approval (`routes.ts`) and audience and delivery (`delivery/routes.ts`)
 * under /api/warnings; the public feed and receipt links (`publicRoutes.ts`) under /public.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { warningsRoutes } from './routes.ts'
import { deliveryRoutes } from './delivery/routes.ts'
import { deliveryRuntime } from './delivery/runtime.ts'
import { publicRoutes } from './publicRoutes.ts'
import { receiptRoutes } from './delivery/receiptRoutes.ts'

export const warningsModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  const delivery = deliveryRuntime(platform)
  await delivery.start()
  app.addHook('onClose', async () => { await delivery.stop() })
  app.addHook('onListen', async function () {
    const address = this.server.address()
    if (address && typeof address === 'object') delivery.listening(address)
  })
  await app.register(warningsRoutes(platform), { prefix: '/api/warnings' })
  await app.register(deliveryRoutes(platform, delivery), { prefix: '/api/warnings' })
  await app.register(publicRoutes(platform), { prefix: '/public' })
  // Recipients confirm from the link in their message, without an account.
  await app.register(receiptRoutes(platform), { prefix: '/public' })
}
