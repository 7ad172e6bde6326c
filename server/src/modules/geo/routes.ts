/** HTTP only: the geo routes, their schemas and thin handlers over the service. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../http/access.ts'
import type { Platform } from '../../platform.ts'
import * as schemas from './schemas.ts'
import * as service from './service.ts'
import { security } from '../../http/openapi.ts'

const tags = ['geo']
const signedIn = { access: 'authenticated' as const }

export const geoRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/divisions/:code', {
    config: signedIn,
    schema: {
      tags, security,
      summary: '行政区划详情及下级 · A division and its children',
      params: schemas.DivisionCodeParams,
      response: { 200: schemas.DivisionDetail },
    },
  }, (request) => service.getDivision(db, actorOf(request), request.params.code))

  app.get('/divisions', {
    config: signedIn,
    schema: {
      tags, security,
      summary: '按名称搜索行政区划 · Search divisions by name',
      querystring: schemas.DivisionSearchQuery,
      response: { 200: schemas.DivisionSearchResult },
    },
  }, async (request) => ({ items: await service.searchDivisions(db, actorOf(request), request.query.q, request.query.limit) }))

  app.get('/geo/boundary', {
    config: signedIn,
    schema: { tags, security, summary: '县级边界 · County boundary', response: { 200: schemas.BoundaryCollection } },
  }, () => service.countyBoundaries(db))

  app.get('/geo/rivers', {
    config: signedIn,
    schema: { tags, security, summary: '河流 · Rivers', response: { 200: schemas.RiverCollection } },
  }, () => service.rivers(db))

  app.get('/geo/divisions', {
    config: signedIn,
    schema: {
      tags, security,
      summary: '乡镇或村的点位 · Township or village points',
      querystring: schemas.DivisionPointsQuery,
      response: { 200: schemas.DivisionPointCollection },
    },
  }, (request) => service.divisionPoints(db, actorOf(request), request.query.level))
}
