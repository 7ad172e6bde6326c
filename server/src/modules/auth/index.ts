import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'

// STUB — the auth guard and routes.
export const authModule = (_platform: Platform): FastifyPluginAsync => async () => {}
