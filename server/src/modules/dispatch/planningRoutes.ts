/** HTTP only: team recommendation, supplies allocation and evacuation (/api/dispatch). */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, type Role } from '../../http/access.ts'
import { ErrorSchema, security } from '../../http/openapi.ts'
import type { Platform } from '../../platform.ts'
import {
  AllocationBody, Coverage, CoverageQuery, EvacuationBody, EvacuationPlan, Order, OrderList, RecommendQuery, Recommendation,
} from './planning/schemas.ts'
import * as service from './planning/service.ts'

const tags = ['dispatch']
const signedIn = { access: 'authenticated' as const }
/** Who plans allocations and evacuations (drafts only: nothing moves until confirmed). */
const planners = ['admin', 'duty_officer', 'commander', 'department', 'township'] as const satisfies readonly Role[]
/** Who confirms a dispatch order into the ledger: the commander and the duty officer (指挥长、值班员). */
const confirmers = ['commander', 'duty_officer'] as const satisfies readonly Role[]
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

export const planningRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/teams/recommend', {
    config: signedIn,
    schema: {
      tags, security, summary: '救援队伍推荐（能力匹配、战备状态、车程、人数；可按事件）· Rescue-team recommendation (capability, readiness, travel time, headcount; for an incident)',
      querystring: RecommendQuery, response: { 200: Recommendation, 400: ErrorSchema, 404: ErrorSchema },
    },
  }, (request) => service.recommendTeams(platform, actorOf(request), request.query))

  app.post('/allocations', {
    config: { access: planners },
    schema: {
      tags, security, summary: '物资调配：HiGHS 求解最小车程×数量，生成调拨单草稿 · Supplies allocation (HiGHS, min travel time × quantity) into a draft dispatch order',
      body: AllocationBody, response: { 201: Order, 400: ErrorSchema, 403: ErrorSchema, 503: ErrorSchema },
    },
  }, async (request, reply) => reply.status(201).send(await service.allocate(platform, actorOf(request), request.body)))

  app.get('/orders', {
    config: signedIn,
    schema: { tags, security, summary: '调拨单列表（最近 50 张）· Dispatch orders (latest 50)', response: { 200: OrderList } },
  }, (request) => service.listOrders(platform.db, actorOf(request)))

  app.get('/orders/:id', {
    config: signedIn,
    schema: { tags, security, summary: '调拨单 · A dispatch order', params: IdParams, response: { 200: Order, 404: ErrorSchema } },
  }, (request) => service.getOrder(platform.db, actorOf(request), request.params.id))

  app.post('/orders/:id/confirm', {
    config: { access: confirmers },
    schema: {
      tags, security,
      summary: '确认调拨单：储备库出库写入台账（一个事务），协议储备记为调用 · Confirm: depot lines become ledger outs in one transaction, reserve lines are recorded as calls',
      params: IdParams, response: { 200: Order, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema },
    },
  }, (request) => service.confirmOrder(platform, actorOf(request), request.params.id))

  app.post('/evacuations', {
    config: { access: planners },
    schema: {
      tags, security, summary: '转移安置：受影响村庄人员分配到避灾安置场所（容量内，最小人×车程）· Evacuation of the affected villages to shelters under capacity',
      body: EvacuationBody, response: { 201: EvacuationPlan, 400: ErrorSchema, 403: ErrorSchema, 503: ErrorSchema },
    },
  }, async (request, reply) => reply.status(201).send(await service.planEvacuation(platform, actorOf(request), request.body)))

  app.get('/evacuations/:id', {
    config: signedIn,
    schema: { tags, security, summary: '转移安置方案 · An evacuation plan', params: IdParams, response: { 200: EvacuationPlan, 404: ErrorSchema } },
  }, (request) => service.getEvacuationPlan(platform.db, actorOf(request), request.params.id))

  app.get('/shelter-coverage', {
    config: signedIn,
    schema: {
      tags, security, summary: '避灾安置覆盖：N 分钟内无安置点的高风险村 · Shelter coverage: high-risk villages with no shelter within N minutes',
      querystring: CoverageQuery, response: { 200: Coverage, 400: ErrorSchema },
    },
  }, (request) => service.shelterCoverage(platform, actorOf(request), request.query.minutes ?? 30))
}
