/**
 * HTTP only: the public CAP feed and pages (/public/…); never needs a session.
 * `GET /public/cap/feed.atom` (Atom 1.0, issued unexpired alerts newest first),
 * `GET /public/cap/{identifier}.xml` (the CAP document as published) and
 * `GET /public/warnings.json` (active warnings with their areas, for the page /alerts) and
 * `GET /public/boundary.json` (the county boundary and township points, the page's base map).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import type { Platform } from '../../platform.ts'
import { ErrorSchema } from '../../http/openapi.ts'
import * as schemas from './public/schemas.ts'
import * as service from './public/service.ts'

const tags = ['warnings']
const open = { access: 'public' as const }
/** Feeds are polled: let caches keep them briefly, never longer than a minute. */
const shortCache = 'public, max-age=30'

/** The origin the client used, for absolute links in the feed. */
const baseUrlOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`

export const publicRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/cap/feed.atom', {
    config: open,
    schema: {
      tags, summary: '公开预警 Atom 订阅源（CAP 1.2）· Public Atom feed of CAP alerts',
      produces: ['application/atom+xml'],
      response: { 200: { type: 'string', description: 'Atom 1.0 feed' } },
    },
  }, async (request, reply) => {
    const feed = await service.atomFeed(db, baseUrlOf(request))
    return reply.type('application/atom+xml; charset=utf-8').header('cache-control', shortCache).send(feed)
  })

  app.get('/cap/:identifier.xml', {
    config: open,
    schema: {
      tags, summary: '已发布预警的 CAP 1.2 文档 · The CAP 1.2 document of an issued alert',
      params: schemas.IdentifierParams, produces: ['application/cap+xml'],
      response: { 200: { type: 'string', description: 'CAP 1.2 alert' }, 404: ErrorSchema },
    },
  }, async (request, reply) => {
    const xml = await service.capDocument(db, request.params.identifier)
    return reply.type('application/cap+xml; charset=utf-8').header('cache-control', shortCache).send(xml)
  })

  app.get('/warnings.json', {
    config: open,
    schema: {
      tags, summary: '当前生效的预警（含区域 GeoJSON）· Active warnings with their areas as GeoJSON',
      response: { 200: schemas.PublicWarningsSchema },
    },
  }, async (request, reply) => {
    reply.header('cache-control', shortCache)
    return service.activeWarnings(db, baseUrlOf(request))
  })

  app.get('/boundary.json', {
    config: open,
    schema: { tags, summary: '县界及乡镇位置（公众预警底图）· County boundary and township points for the public warnings map', response: { 200: schemas.BoundarySchema } },
  }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=3600')
    return service.boundary(db)
  })
}
