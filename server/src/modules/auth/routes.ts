/** HTTP routes of the auth module under /api/auth: schemas and thin handlers. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Platform } from '../../platform.ts'
import { actorOf } from '../../http/access.ts'
import * as admin from './adminService.ts'
import { sessionCookie } from './guard.ts'
import type { LoginRateLimiter } from './loginRateLimit.ts'
import * as sessions from './service.ts'
import {
  ApiKeySchema, AuditEntrySchema, AuditQuery, CreateApiKeyBody, CreateUserBody, ErrorSchema, IdParams, LoginBody,
  MeSchema, PasswordBody, UpdateUserBody, UserSchema, UserWithPassword,
} from './schemas.ts'

const adminOnly = ['admin'] as const
const tags = ['auth']

function callerOf(request: FastifyRequest): sessions.Caller {
  if (!request.caller) throw new Error('auth route without a resolved caller')
  return request.caller
}

export const authRoutes = (platform: Platform, limiter: LoginRateLimiter): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, { httpOnly: true, sameSite: 'lax', path: '/', secure: platform.config.secureCookies })

  app.post('/login', {
    config: { access: 'public' },
    schema: {
      tags, summary: '登录 · Log in', body: LoginBody,
      response: { 200: Type.Object({ user: MeSchema }), 401: ErrorSchema, 429: ErrorSchema },
    },
  }, async (request, reply) => {
    const { token, me } = await sessions.login(db, limiter, { ...request.body, address: request.ip })
    setSessionCookie(reply, token)
    return { user: me }
  })

  app.post('/logout', {
    config: { access: 'public' },
    schema: { tags, summary: '退出登录 · Log out', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await sessions.logout(db, request.cookies[sessionCookie])
    reply.clearCookie(sessionCookie, { path: '/' })
    return reply.status(204).send(null)
  })

  app.get('/me', {
    config: { access: 'authenticated', allowedBeforePasswordChange: true },
    schema: { tags, summary: '当前用户 · Current user', response: { 200: MeSchema } },
  }, (request) => sessions.describeCaller(db, callerOf(request)))

  app.post('/password', {
    config: { access: 'authenticated', allowedBeforePasswordChange: true },
    schema: { tags, summary: '修改密码 · Change password', body: PasswordBody, response: { 204: Type.Null(), 400: ErrorSchema } },
  }, async (request, reply) => {
    await sessions.changeOwnPassword(db, callerOf(request), request.body)
    return reply.status(204).send(null)
  })

  app.get('/users', {
    config: { access: adminOnly },
    schema: { tags, summary: '用户列表 · Users', response: { 200: Type.Object({ items: Type.Array(UserSchema) }) } },
  }, async (request) => ({ items: await admin.listUsers(db, actorOf(request)) }))

  app.post('/users', {
    config: { access: adminOnly },
    schema: { tags, summary: '新建用户 · Create a user', body: CreateUserBody, response: { 201: UserWithPassword, 400: ErrorSchema, 409: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await admin.createUser(db, actorOf(request), request.body)))

  app.patch('/users/:id', {
    config: { access: adminOnly },
    schema: { tags, summary: '修改用户 · Update a user', params: IdParams, body: UpdateUserBody, response: { 200: UserWithPassword, 400: ErrorSchema, 404: ErrorSchema } },
  }, (request) => admin.updateUserAccount(db, actorOf(request), request.params.id, request.body))

  app.get('/api-keys', {
    config: { access: adminOnly },
    schema: { tags, summary: '接口密钥列表 · API keys', response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }) } },
  }, async (request) => ({ items: await admin.listApiKeys(db, actorOf(request)) }))

  app.post('/api-keys', {
    config: { access: adminOnly },
    schema: {
      tags, summary: '新建接口密钥（密钥仅显示一次）· Create an API key (shown once)', body: CreateApiKeyBody,
      response: { 201: Type.Object({ apiKey: ApiKeySchema, key: Type.String() }), 400: ErrorSchema },
    },
  }, async (request, reply) => reply.status(201).send(await admin.createApiKey(db, actorOf(request), request.body)))

  app.delete('/api-keys/:id', {
    config: { access: adminOnly },
    schema: { tags, summary: '吊销接口密钥 · Revoke an API key', params: IdParams, response: { 204: Type.Null(), 404: ErrorSchema } },
  }, async (request, reply) => {
    await admin.revokeApiKey(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })

  app.get('/audit', {
    config: { access: adminOnly },
    schema: {
      tags, summary: '审计日志（新的在前）· Audit log (newest first)', querystring: AuditQuery,
      response: { 200: Type.Object({ items: Type.Array(AuditEntrySchema), nextBefore: Type.Union([Type.Integer(), Type.Null()]) }) },
    },
  }, async (request) => {
    const limit = request.query.limit ?? 50
    const items = await admin.readAuditLog(db, { ...request.query, limit })
    return { items, nextBefore: items.length === limit ? items[items.length - 1]!.id : null }
  })
}
