/** HTTP only: rescue teams (救援队伍) under /api/resources/teams. */
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { actorOf } from '../../../http/access.ts'
import type { Platform } from '../../../platform.ts'
import { sendWorkbook, xlsxResponse } from '../core/excel.ts'
import { writerOrEnterpriseRoles, writerRoles } from '../core/scope.ts'
import { ErrorSchema, IdParams, ImportResult, Page, security } from '../core/schemas.ts'
import { exportTeams, importTeams, teamTemplate } from './excel.ts'
import {
  CertificateWarnings, CertificateWarningsQuery, CreateMemberBody, CreateTeamBody, Member, MemberParams, Team, TeamListQuery, TeamMap,
  UpdateMemberBody, UpdateTeamBody,
} from './schemas.ts'
import * as service from './service.ts'

const tags = ['resources']
const signedIn = { access: 'authenticated' as const }
const writers = { access: writerOrEnterpriseRoles }

export const teamRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  const { db } = platform

  app.get('/teams', {
    config: signedIn,
    schema: { tags, security, summary: '救援队伍列表 · Rescue teams', querystring: TeamListQuery, response: { 200: Page(Team) } },
  }, (request) => service.listTeams(db, actorOf(request), request.query))

  app.get('/teams/map', {
    config: signedIn,
    schema: { tags, security, summary: '救援队伍图层 · Team map layer', querystring: TeamListQuery, response: { 200: TeamMap } },
  }, (request) => service.teamMap(db, actorOf(request), request.query))

  app.get('/teams/certificate-warnings', {
    config: signedIn,
    schema: {
      tags, security, summary: '队员证书到期预警（默认 60 天内及已过期）· Member certificates expiring within 60 days or expired',
      querystring: CertificateWarningsQuery, response: { 200: CertificateWarnings },
    },
  }, (request) => service.certificateWarnings(db, actorOf(request), request.query))

  app.get('/teams/template', {
    config: signedIn,
    schema: { tags, security, summary: '救援队伍导入模板 · Team import template (.xlsx)', response: xlsxResponse },
  }, async (_request, reply) => sendWorkbook(reply, await teamTemplate(), '救援队伍导入模板.xlsx', 'teams-template.xlsx'))

  app.get('/teams/export', {
    config: signedIn,
    schema: { tags, security, summary: '导出救援队伍 · Export teams (.xlsx)', querystring: TeamListQuery, response: xlsxResponse },
  }, async (request, reply) => sendWorkbook(reply, await exportTeams(db, actorOf(request), request.query), '救援队伍.xlsx', 'teams.xlsx'))

  app.post('/teams/import', {
    config: { access: writerRoles },
    schema: { tags, security, summary: '从 Excel 导入救援队伍 · Import teams from .xlsx', response: { 200: ImportResult, 400: ErrorSchema } },
  }, (request) => importTeams(db, actorOf(request), request.body as Buffer))

  app.get('/teams/:id', {
    config: signedIn,
    schema: { tags, security, summary: '救援队伍详情 · A team', params: IdParams, response: { 200: Team, 404: ErrorSchema } },
  }, (request) => service.getTeam(db, actorOf(request), request.params.id))

  app.post('/teams', {
    config: writers,
    schema: { tags, security, summary: '新增救援队伍 · Add a team', body: CreateTeamBody, response: { 201: Team, 400: ErrorSchema, 403: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.createTeam(db, actorOf(request), request.body)))

  app.patch('/teams/:id', {
    config: writers,
    schema: { tags, security, summary: '修改救援队伍（含战备状态）· Edit a team (readiness included)', params: IdParams, body: UpdateTeamBody, response: { 200: Team, 400: ErrorSchema, 404: ErrorSchema } },
  }, (request) => service.updateTeam(db, actorOf(request), request.params.id, request.body))

  app.delete('/teams/:id', {
    config: writers,
    schema: { tags, security, summary: '删除救援队伍 · Delete a team', params: IdParams, response: { 204: Type.Null(), 404: ErrorSchema } },
  }, async (request, reply) => {
    await service.deleteTeam(db, actorOf(request), request.params.id)
    return reply.status(204).send(null)
  })

  app.get('/teams/:id/members', {
    config: signedIn,
    schema: { tags, security, summary: '队员 · Members of a team', params: IdParams, response: { 200: Type.Object({ items: Type.Array(Member) }), 404: ErrorSchema } },
  }, (request) => service.listMembers(db, actorOf(request), request.params.id))

  app.post('/teams/:id/members', {
    config: writers,
    schema: { tags, security, summary: '新增队员 · Add a member', params: IdParams, body: CreateMemberBody, response: { 201: Member, 400: ErrorSchema, 404: ErrorSchema } },
  }, async (request, reply) => reply.status(201).send(await service.addMember(db, actorOf(request), request.params.id, request.body)))

  app.patch('/teams/:id/members/:memberId', {
    config: writers,
    schema: { tags, security, summary: '修改队员 · Edit a member', params: MemberParams, body: UpdateMemberBody, response: { 200: Member, 400: ErrorSchema, 404: ErrorSchema } },
  }, (request) => service.updateMember(db, actorOf(request), request.params.id, request.params.memberId, request.body))

  app.delete('/teams/:id/members/:memberId', {
    config: writers,
    schema: { tags, security, summary: '删除队员 · Remove a member', params: MemberParams, response: { 204: Type.Null(), 404: ErrorSchema } },
  }, async (request, reply) => {
    await service.removeMember(db, actorOf(request), request.params.id, request.params.memberId)
    return reply.status(204).send(null)
  })
}
