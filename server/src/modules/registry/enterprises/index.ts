/**
 * Enterprises (企业) with their production and storage units (生产单元/储存单元) and hazardous
 * chemicals, graded by GB 18218-2018 (重大危险源): `/api/registry/enterprises…` and the
 * calculator `/api/registry/major-hazard/assess`.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../../platform.ts'
import { enterpriseRoutes } from './routes.ts'

export const enterprisesPlugin = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(enterpriseRoutes(platform))
}

export { majorHazardChangedTopic, type MajorHazardChanged } from './service.ts'
export { importedTopic } from './importer.ts'
