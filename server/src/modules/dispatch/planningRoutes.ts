/** HTTP only: team recommendation, supplies allocation and evacuation (/api/dispatch). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../platform.ts'

export const planningRoutes = (_platform: Platform): FastifyPluginAsyncTypebox => async () => {}
