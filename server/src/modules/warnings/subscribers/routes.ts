/** HTTP only: warning subscribers (预警接收人) under /api/warnings/subscribers. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, type Role } from '../../../http/access.ts'
import type { Platform } from '../../../platform.ts'
import { ErrorSchema, IdParams, security } from '../schemas.ts'
import { CreateSubscriberBody, Subscriber, SubscriberListQuery, SubscriberPage, UpdateSubscriberBody } from './schemas.ts'
import * as service from './service.ts'

const tags = ['warnings']
const managers = { access: ['admin', 'duty_officer', 'township'] as const satisfies readonly Role[] }
const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema }

export const subscriberRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/', {
    config: managers,
    schema: { tags, security, summary: '预警接收人列表 · Warning subscribers', querystring: SubscriberListQuery, response: { 200: SubscriberPage, ...errors } },
  }, (request) => service.listSubscribers(db, actorOf(request), request.query))

  app.get('/:id', {
    config: managers,
    schema: { tags, security, summary: '预警接收人 · A subscriber', params: IdParams, response: { 200: Subscriber, 404: ErrorSchema } },
  }, (request) => service.getSubscriber(db, actorOf(request), request.params.id))

  app.post('/', {
    config: managers,
    schema: { tags, security, summary: '新增预警接收人 · Add a subscriber', body: CreateSubscriberBody, response: { 201: Subscriber, ...errors } },
  }, async (request, reply) => reply.status(201).send(await service.createSubscriber(db, actorOf(request), request.body)))

  app.patch('/:id', {
    config: managers,
    schema: { tags, security, summary: '修改预警接收人 · Edit a subscriber', params: IdParams, body: UpdateSubscriberBody, response: { 200: Subscriber, ...errors } },
  }, (request) => service.updateSubscriber(db, actorOf(request), request.params.id, request.body))

  app.delete('/:id', {
    config: managers,
    schema: { tags, security, summary: '删除预警接收人 · Remove a subscriber', params: IdParams, response: { 204: Type.Null(), ...errors } },
  }, async (request, reply) => {
    await service.deleteSubscriber(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })
}
