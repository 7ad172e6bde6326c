/**
 * The resources module (应急资源, `/api/resources`): depots and the supplies catalogue, stock
 * as a ledger of movements with warnings, agreement and production-capacity reserves, rescue
 * teams with members and certificates.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { depotRoutes } from './depots/routes.ts'
import { reserveRoutes } from './reserves/routes.ts'
import { stockRoutes } from './stock/routes.ts'
import { supplyRoutes } from './supplies/routes.ts'
import { teamRoutes } from './teams/routes.ts'

export const resourcesModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(depotRoutes(platform))
  await app.register(supplyRoutes(platform))
  await app.register(stockRoutes(platform))
  await app.register(teamRoutes(platform))
  await app.register(reserveRoutes(platform))
}

// What other modules may use: the ledger's write path (dispatch orders write movements) and its event topic.
export { recordMovement, recordMovementIn, stockMovedTopic } from './stock/service.ts'
export { hazardKeys, hazardNames, type HazardKey } from './teams/vocabulary.ts'
export { seedResourcesDemo } from './demo.ts'
