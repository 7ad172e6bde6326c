/** HTTP only: the monitoring routes (/api/monitoring/…) and device ingest (/api/ingest/…). */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf, type Role } from '../../http/access.ts'
import { AppError, unauthenticated } from '../../http/errors.ts'
import type { Platform } from '../../platform.ts'
import * as alarms from './alarms.ts'
import { ingestNow } from './ingest.ts'
import type { MonitoringRuntime } from './runtime.ts'
import * as schemas from './schemas.ts'
import * as service from './service.ts'
import { security } from '../../http/openapi.ts'

const tags = ['monitoring']
const signedIn = { access: 'authenticated' as const }
const deviceWriters = { access: ['admin', 'duty_officer', 'commander', 'department'] as const satisfies readonly Role[] }
const alarmHandlers = { access: ['admin', 'duty_officer', 'commander', 'township'] as const satisfies readonly Role[] }

export const monitoringRoutes = (platform: Platform, runtime: MonitoringRuntime): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/monitoring/device-types', {
    config: signedIn,
    schema: { tags, security, summary: '设备类型及指标 · Device types and their metrics', response: { 200: Type.Array(schemas.DeviceTypeSchema) } },
  }, () => service.listDeviceTypes())

  app.get('/monitoring/devices', {
    config: signedIn,
    schema: { tags, security, summary: '监测设备列表 · Devices', querystring: schemas.DeviceListQuery, response: { 200: schemas.DevicePage } },
  }, (request) => service.listDevices(db, actorOf(request), request.query))

  app.get('/monitoring/devices/map', {
    config: signedIn,
    schema: { tags, security, summary: '监测设备图层 · Device map layer', querystring: schemas.DeviceMapQuery, response: { 200: schemas.DeviceMap } },
  }, (request) => service.deviceMap(db, actorOf(request), request.query))

  app.get('/monitoring/devices/:id', {
    config: signedIn,
    schema: { tags, security, summary: '设备详情及生效规则 · A device with its effective rules', params: schemas.IdParams, response: { 200: schemas.DeviceDetail, 404: schemas.ErrorSchema } },
  }, (request) => service.getDevice(db, actorOf(request), request.params.id))

  app.post('/monitoring/devices', {
    config: deviceWriters,
    schema: {
      tags, security, summary: '登记设备（返回一次性密钥）· Register a device (its key is shown once)',
      body: schemas.CreateDeviceBody, response: { 201: schemas.CreatedDevice, 400: schemas.ErrorSchema, 403: schemas.ErrorSchema, 409: schemas.ErrorSchema },
    },
  }, async (request, reply) => reply.status(201).send(await service.createDevice(db, runtime, actorOf(request), request.body)))

  app.patch('/monitoring/devices/:id', {
    config: deviceWriters,
    schema: {
      tags, security, summary: '修改设备及规则覆盖 · Edit a device and its rule overrides',
      params: schemas.IdParams, body: schemas.UpdateDeviceBody, response: { 200: schemas.DeviceDetail, 400: schemas.ErrorSchema, 404: schemas.ErrorSchema },
    },
  }, (request) => service.updateDevice(db, runtime, actorOf(request), request.params.id, request.body))

  app.get('/monitoring/devices/:id/readings', {
    config: signedIn,
    schema: {
      tags, security, summary: '设备读数（原始、1 分钟、1 小时）· Readings (raw, 1 min, 1 h)',
      params: schemas.IdParams, querystring: schemas.ReadingsQuery, response: { 200: schemas.Readings, 400: schemas.ErrorSchema, 404: schemas.ErrorSchema },
    },
  }, (request) => service.deviceReadings(db, actorOf(request), request.params.id, request.query, runtime.settings.now()))

  app.get('/monitoring/alarms', {
    config: signedIn,
    schema: { tags, security, summary: '告警列表 · Alarms', querystring: schemas.AlarmListQuery, response: { 200: schemas.AlarmList } },
  }, (request) => alarms.listAlarms(db, actorOf(request), request.query))

  app.get('/monitoring/alarms/:id', {
    config: signedIn,
    schema: { tags, security, summary: '告警详情及处置记录 · An alarm and its history', params: schemas.IdParams, response: { 200: schemas.AlarmDetail, 404: schemas.ErrorSchema } },
  }, (request) => alarms.getAlarm(db, actorOf(request), request.params.id))

  const act = (path: string, action: alarms.AlarmAction, summary: string, body: typeof schemas.CommentBody | typeof schemas.TextBody) => {
    app.post(`/monitoring/alarms/:id/${path}`, {
      config: alarmHandlers,
      schema: { tags, security, summary, params: schemas.IdParams, body, response: { 200: schemas.Alarm, 400: schemas.ErrorSchema, 404: schemas.ErrorSchema, 409: schemas.ErrorSchema } },
    }, async (request) => {
      const input = (request.body ?? {}) as { comment?: string; text?: string }
      const view = await alarms.actOnAlarm(db, actorOf(request), request.params.id, action, input.text ?? input.comment)
      platform.outbox.nudge()
      await runtime.publishAlarm(view.id)
      return view
    })
  }
  act('acknowledge', 'acknowledge', '确认告警 · Acknowledge an alarm', schemas.CommentBody)
  act('clear', 'clear', '解除告警 · Clear an alarm', schemas.CommentBody)
  act('close', 'close', '关闭告警 · Close an alarm', schemas.CommentBody)
  act('comments', 'comment', '告警备注 · Comment on an alarm', schemas.TextBody)

  app.get('/monitoring/lag', {
    config: signedIn,
    schema: { tags, security, summary: '接入滞后与计数 · Ingest lag and counters', response: { 200: schemas.Lag } },
  }, () => runtime.lag())

  app.get('/monitoring/stream', {
    config: signedIn,
    schema: { tags, security, summary: '实时推送（SSE）：alarm、reading、lag · Live events (SSE)', querystring: schemas.StreamQuery },
  }, (request, reply) => {
    const actor = actorOf(request)
    const devices = request.query.devices ? new Set(request.query.devices.split(',').map((s) => s.trim()).filter(Boolean)) : null
    reply.hijack()
    const out = reply.raw
    out.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' })
    out.write(`retry: 3000\n\nevent: lag\ndata: ${JSON.stringify(runtime.lag())}\n\n`)
    const remove = runtime.hub.add(out, actor.jurisdiction, devices)
    request.raw.on('close', remove)
  })

  app.post('/ingest/readings', {
    config: { access: 'public' },
    bodyLimit: 2 * 1024 * 1024,
    schema: {
      tags: ['ingest'], security: [{ deviceKey: [] }],
      summary: '设备上报读数（Bearer 设备密钥）· Device readings (Bearer device key)',
      description: '[{metric, ts, value}]，每批最多 5000 条；逐条返回 accepted/duplicate/rejected · at most 5,000 items; one result per item',
      response: { 200: schemas.IngestResult, 400: schemas.ErrorSchema, 401: schemas.ErrorSchema, 413: schemas.ErrorSchema, 429: schemas.ErrorSchema },
    },
  }, async (request, reply) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    const device = match ? runtime.deviceByKey(match[1]!) : undefined
    if (!device) throw unauthenticated()
    try {
      return { results: await ingestNow(runtime, device, request.body) }
    } catch (error) {
      if (error instanceof AppError && error.status === 429) void reply.header('retry-after', '1')
      throw error
    }
  })
}
