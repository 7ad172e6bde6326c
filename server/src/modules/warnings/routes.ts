/** HTTP only: authoring and approval of warnings (/api/warnings). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { Platform } from '../../platform.ts'

export const warningsRoutes = (_platform: Platform): FastifyPluginAsyncTypebox => async () => {}
