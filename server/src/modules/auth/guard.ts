/**
 * The auth guard (鉴权): one `onRequest` hook, lifted to the root with fastify-plugin so that it
 * runs for every route of every module. For URLs under /api/ it turns the session cookie or
 * bearer API key into `request.actor`, then enforces the route's `config.access`.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../../db/database.ts'
import { unauthenticated } from '../../http/errors.ts'
import { passwordChangeRequired, roleNotAllowed } from './authErrors.ts'
import { identifyCaller, type Caller, type Credentials } from './service.ts'

export const sessionCookie = 'yingji_session'

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable while the user must still change the password (me, password, logout). */
    allowedBeforePasswordChange?: boolean
  }
  interface FastifyRequest {
    /** The resolved caller with its session details (auth module only). */
    caller: Caller | null
  }
}

/** The Swagger UI serves its own static files; they carry no data. */
const isDocs = (path: string) => path === '/api/docs' || path.startsWith('/api/docs/')

function credentialsOf(request: FastifyRequest): Credentials {
  const header = request.headers.authorization
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header)
    // A malformed header is treated as a wrong key, never silently ignored.
    return { apiKey: match?.[1] ?? '' }
  }
  return { sessionToken: request.cookies[sessionCookie] }
}

export const authGuard = (db: Db): FastifyPluginAsync => fp(async (app) => {
  app.decorateRequest('caller', null)
  app.addHook('onRequest', async (request) => {
    const path = request.url.split('?', 1)[0]!
    if (!path.startsWith('/api/') || request.is404 || isDocs(path)) return
    const config = request.routeOptions.config
    const access = config.access ?? 'authenticated'
    if (access === 'public') return

    const caller = await identifyCaller(db, credentialsOf(request))
    if (!caller) throw unauthenticated()
    request.caller = caller
    request.actor = caller.actor
    if (caller.mustChangePassword && !config.allowedBeforePasswordChange) throw passwordChangeRequired()
    if (access !== 'authenticated' && !access.includes(caller.actor.role)) throw roleNotAllowed()
  })
}, { name: 'yingji-auth', fastify: '5.x' })
