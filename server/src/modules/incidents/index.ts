/**
 * The incidents module (事件管理). For now only grading: the work-safety accident level
 * (事故等级) and the suggested disaster-relief response level (救助应急响应等级), computed by the
 * pure functions in `@yingji/domain/incidents`.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { incidentsRoutes } from './routes.ts'

export const incidentsModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(incidentsRoutes(platform))
}
