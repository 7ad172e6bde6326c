/**
 * The auth module (认证与授权): the guard every route passes, and /api/auth. Other modules use
 * `recordAudit` (audit.ts) and the `Actor` on each request; nothing else from here.
 */
import type { FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import type { Platform } from '../../platform.ts'
import { authGuard } from './guard.ts'
import { createLoginRateLimiter } from './loginRateLimit.ts'
import { authRoutes } from './routes.ts'

/**
 * Wrapped in fastify-plugin on purpose: the guard must reach the root context to cover every
 * module's routes. The routes themselves stay in their own encapsulated plugin.
 */
export const authModule = (platform: Platform): FastifyPluginAsync => fp(async (app) => {
  await app.register(authGuard(platform.db))
  await app.register(authRoutes(platform, createLoginRateLimiter()), { prefix: '/api/auth' })
}, { name: 'yingji-auth-module', fastify: '5.x' })

export { recordAudit } from './audit.ts'
export type { AuditEntry } from './audit.ts'
