import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { enterprisesPlugin } from './enterprises/index.ts'
import { placesPlugin } from './places/index.ts'

/**
 * The registry module (`/api/registry`): enterprises with their hazardous-chemical
 * inventories and major hazard installations (enterprises/), and risk points, geological
 * hazard points, shelters and experts (places/).
 */
export const registryModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(enterprisesPlugin(platform))
  await app.register(placesPlugin(platform))
}
