/**
 * Registry places (`/api/registry`): risk points and the dual-prevention view (一图一牌三清单),
 * geological hazard points, shelters and experts. Each registry is a folder with the same rooms
 * (schemas, queries, service, excel, routes); `core/` holds what they have in common.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../../platform.ts'
import { expertRoutes } from './experts/index.ts'
import { hazardPointRoutes } from './hazardPoints/index.ts'
import { riskPointRoutes } from './riskPoints/routes.ts'
import { defaultRiskRules } from './riskPoints/scoring.ts'
import { shelterRoutes } from './shelters/index.ts'

export const placesPlugin = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(riskPointRoutes(platform, defaultRiskRules))
  await app.register(hazardPointRoutes(platform.db))
  await app.register(shelterRoutes(platform.db))
  await app.register(expertRoutes(platform.db))
}
