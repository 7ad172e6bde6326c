/** HTTP only: a warning's audience and its delivery report (/api/warnings/…). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../../http/access.ts'
import { ErrorSchema, security } from '../../../http/openapi.ts'
import type { Platform } from '../../../platform.ts'
import type { DeliveryRuntime } from './runtime.ts'
import {
  AckResult, Audience, DeliveryListQuery, DeliveryPage, DeliveryParams, DeliveryReport, Inbox, InboxQuery, ReceiptBody, ReceiptResult, WarningParams,
} from './schemas.ts'
import * as service from './service.ts'

const tags = ['warnings']
const signedIn = { access: 'authenticated' as const }
// Who got a warning is for the officers who deliver it, not for enterprise users.
const officers = { access: ['admin', 'duty_officer', 'commander', 'department', 'township', 'village', 'api_client'] as const }

export const deliveryRoutes = (platform: Platform, runtime: DeliveryRuntime): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/inbox', {
    config: signedIn,
    schema: { tags, security, summary: '我的预警收件箱（平台推送）· My warning inbox (dashboard push)', querystring: InboxQuery, response: { 200: Inbox } },
  }, (request) => service.inbox(db, actorOf(request), request.query))

  app.post('/inbox/:deliveryId/ack', {
    config: signedIn,
    schema: { tags, security, summary: '确认收到预警 · Acknowledge a warning', params: DeliveryParams, response: { 200: AckResult, 404: ErrorSchema } },
  }, (request) => service.acknowledgeInbox(db, actorOf(request), request.params.deliveryId))

  app.post('/deliveries/receipts', {
    config: { access: ['api_client', 'admin'] as const },
    schema: {
      tags, security, summary: '短信网关送达回执 · SMS gateway delivery receipt', body: ReceiptBody,
      response: { 200: ReceiptResult, 400: ErrorSchema, 403: ErrorSchema },
    },
  }, (request) => service.receipt(db, actorOf(request), request.body))

  app.get('/:id/audience', {
    config: signedIn,
    schema: {
      tags, security, summary: '预警受众（按渠道、角色、乡镇计数及估算暴露人口）· Audience: counts by channel, role and township, estimated exposed population',
      params: WarningParams, response: { 200: Audience, 404: ErrorSchema },
    },
  }, (request) => service.audience(db, actorOf(request), request.params.id))

  app.get('/:id/deliveries/report', {
    config: officers,
    schema: {
      tags, security, summary: '送达报告 · Delivery report (by status, channel, township; reached over time)',
      params: WarningParams, response: { 200: DeliveryReport, 403: ErrorSchema, 404: ErrorSchema },
    },
  }, (request) => service.report(db, actorOf(request), request.params.id, runtime.settings, runtime.simulation?.channels))

  app.get('/:id/deliveries', {
    config: officers,
    schema: {
      tags, security, summary: '送达明细 · Deliveries of a warning', params: WarningParams, querystring: DeliveryListQuery,
      response: { 200: DeliveryPage, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema },
    },
  }, (request) => service.listDeliveries(db, actorOf(request), request.params.id, request.query))
}
