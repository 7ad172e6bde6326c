import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../../platform.ts'

// STUB — routes of registry/enterprises.
export const enterprisesPlugin = (_platform: Platform): FastifyPluginAsync => async () => {}
