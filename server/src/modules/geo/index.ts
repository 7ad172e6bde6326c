/**
 * The geo module (地理信息): administrative divisions, county boundaries, rivers. Other modules
 * use the functions exported here, never the `geo.*` tables.
 */
import type { FastifyPluginAsync } from 'fastify'
import type { Platform } from '../../platform.ts'
import { geoRoutes } from './routes.ts'

export const geoModule = (platform: Platform): FastifyPluginAsync => async (app) => {
  await app.register(geoRoutes(platform))
}

export { divisionNames, divisionPlaces, divisionPoints, parseDivisionCode, rivers, type DivisionPlace } from './service.ts'
export { seedLeping } from './seed.ts'
export { importDivisionsCsv } from './importCsv.ts'
export {
  seedSyntheticDivisionAreas, ensureSyntheticDivisionAreas, divisionsCoveredBy, divisionsAreaSql, findDivisionRefs, divisionNamesOf,
  divisionAreasUnder, syntheticAreaSource, gridSize,
} from './syntheticAreas.ts'
