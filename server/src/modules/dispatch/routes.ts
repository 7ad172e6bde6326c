/** HTTP only: roads, routing and closures (/api/dispatch). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../http/access.ts'
import { ErrorSchema, security } from '../../http/openapi.ts'
import type { Platform } from '../../platform.ts'
import { Type } from '@fastify/type-provider-typebox'
import { Closure, ClosureBody, ClosureParams, MatrixBody, MatrixResult, RoadsResult, RouteQuery, RouteResult } from './routingSchemas.ts'
import * as service from './routingService.ts'
import { invalidateRoadNetwork } from './network.ts'
import { roadsImportedTopic } from './roadsImport.ts'

const tags = ['dispatch']
const signedIn = { access: 'authenticated' as const }
/** Who closes and reopens roads: the duty officer, the commander, the administrator. */
const closureWriters = { access: ['admin', 'duty_officer', 'commander'] as const }

export const routingRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  // An import (also from the CLI, through the outbox) replaces the roads: rebuild on next use.
  const unsubscribe = platform.bus.subscribe(roadsImportedTopic, () => invalidateRoadNetwork(platform))
  app.addHook('onClose', async () => unsubscribe())

  app.get('/roads', {
    config: signedIn,
    schema: { tags, security, summary: '路网（GeoJSON）· The road network (GeoJSON)', response: { 200: RoadsResult } },
  }, () => service.roads(platform))

  app.get('/route', {
    config: signedIn,
    schema: {
      tags, security, summary: '最快路径（避开封路）· Fastest route avoiding closures',
      querystring: RouteQuery, response: { 200: RouteResult, 400: ErrorSchema, 404: ErrorSchema },
    },
  }, (request) => service.route(platform, request.query.from, request.query.to))

  app.post('/matrix', {
    config: signedIn,
    schema: {
      tags, security, summary: '行程时间矩阵（≤100×100）· Travel-time matrix (≤ 100 × 100)',
      body: MatrixBody, response: { 200: MatrixResult, 400: ErrorSchema },
    },
  }, (request) => service.matrix(platform, request.body))

  app.get('/closures', {
    config: signedIn,
    schema: { tags, security, summary: '生效中的封路 · Closures in force', response: { 200: Type.Array(Closure) } },
  }, () => service.listClosures(platform))

  app.post('/closures', {
    config: closureWriters,
    schema: {
      tags, security, summary: '封路（立即生效）· Close roads (at once)',
      body: ClosureBody, response: { 201: Closure, 400: ErrorSchema },
    },
  }, async (request, reply) => reply.code(201).send(await service.createClosure(platform, actorOf(request), request.body)))

  app.delete('/closures/:id', {
    config: closureWriters,
    schema: {
      tags, security, summary: '解除封路 · Reopen (remove a closure)',
      params: ClosureParams, response: { 200: Closure, 404: ErrorSchema },
    },
  }, (request) => service.removeClosure(platform, actorOf(request), request.params.id))
}
