import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'

// STUB — the resources module's routes (/api/resources).
export const resourcesModule = (_platform: Platform): FastifyPluginAsync => async () => {}
