import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'

// STUB — the geo module's routes.
export const geoModule = (_platform: Platform): FastifyPluginAsync => async () => {}
