/** HTTP only: the plans routes (/api/plans). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../platform.ts'

export const plansRoutes = (_platform: Platform): FastifyPluginAsyncTypebox => async () => {}
