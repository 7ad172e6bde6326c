/** HTTP only: the public CAP feed and pages (/public/…); never needs a session. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../platform.ts'

export const publicRoutes = (_platform: Platform): FastifyPluginAsyncTypebox => async () => {}
