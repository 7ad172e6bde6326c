/** HTTP only: roads, routing and closures (/api/dispatch). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../platform.ts'

export const routingRoutes = (_platform: Platform): FastifyPluginAsyncTypebox => async () => {}
