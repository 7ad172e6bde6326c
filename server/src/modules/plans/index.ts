/**
 * The plans module (应急预案): emergency plans with their command organisation, response levels
 * I–IV with machine-readable activation criteria and per-level checklists, attachments,
 * revisions, filing (备案) and drills (演练).
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { plansRoutes } from './routes.ts'

export const plansModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(plansRoutes(platform))
}
