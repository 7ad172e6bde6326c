/**
 * The dispatch module (调度): the road network with closure-aware routing (`routes.ts`), and the
 * planning algorithms on top of it — rescue-team recommendation, supplies allocation and
 * evacuation to shelters (`planningRoutes.ts`).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { routingRoutes } from './routes.ts'
import { planningRoutes } from './planningRoutes.ts'

export const dispatchModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(routingRoutes(platform))
  await app.register(planningRoutes(platform))
}
