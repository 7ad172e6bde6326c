import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../../platform.ts'

// STUB — routes of registry/places.
export const placesPlugin = (_platform: Platform): FastifyPluginAsync => async () => {}
