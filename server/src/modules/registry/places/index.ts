/**
 * Registry places (`/api/registry`): risk points and the dual-prevention view (一图一牌三清单),
 * geological hazard points, shelters and experts. Each registry is a folder with the same rooms.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../../platform.ts'
import { riskPointRoutes } from './riskPoints/routes.ts'
import { defaultRiskRules } from './riskPoints/scoring.ts'

export const placesPlugin = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(riskPointRoutes(platform, defaultRiskRules))
}
