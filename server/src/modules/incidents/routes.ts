/** HTTP only: the incidents grading routes, thin wrappers over the pure domain functions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { gradeAccident } from '@yingji/domain/incidents/accidentGrade'
import { accidentReportingDeadlines } from '@yingji/domain/incidents/accidentReporting'
import { suggestReliefResponse } from '@yingji/domain/incidents/reliefResponse'
import { invalid } from '../../http/errors.ts'
import type { Platform } from '../../platform.ts'
import { actorOf } from '../../http/access.ts'
import { ErrorSchema, security } from '../../http/openapi.ts'
import { countyOf, getThresholds, reliefRulesOf, resetThresholds, setThresholds } from './reliefThresholds.ts'
import * as schemas from './schemas.ts'

const tags = ['incidents']
const signedIn = { access: 'authenticated' as const }
const admins = { access: ['admin' as const] }
const errors = { 400: ErrorSchema, 403: ErrorSchema }

export const incidentsRoutes = (platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/accident-grade', {
    config: signedIn,
    schema: {
      tags, security,
      summary: '生产安全事故定级 · Grade a work-safety accident (Decree 493, Art. 3)',
      body: schemas.AccidentGradeBody,
      response: { 200: schemas.AccidentGrade },
    },
  }, (request) => {
    const { occurredAt, ...facts } = request.body
    const grade = gradeAccident(facts)
    if (!grade.ok) throw invalid('invalid_accident_facts', `body.${grade.field}`, grade.message, grade.messageEn)
    const { ok: _ok, ...result } = grade
    if (occurredAt === undefined) return result
    const reportingDeadlines = accidentReportingDeadlines(grade.level, new Date(occurredAt))
      .map((d) => ({ ...d, dueAt: d.dueAt.toISOString(), countsFrom: d.countsFrom.toISOString() }))
    return { ...result, reportingDeadlines }
  })

  app.post('/relief-response/suggest', {
    config: signedIn,
    schema: {
      tags, security,
      summary: '自然灾害救助应急响应等级建议 · Suggest a disaster-relief response level',
      body: schemas.ReliefFactsBody,
      response: { 200: schemas.ReliefSuggestion },
    },
  }, async (request) => {
    // the thresholds of the caller's county (national defaults unless the county set its own)
    const rules = (await reliefRulesOf(platform.db))(countyOf(actorOf(request).jurisdiction))
    const suggestion = suggestReliefResponse(request.body, rules)
    if (!suggestion.ok) throw invalid('invalid_disaster_facts', `body.${suggestion.field}`, suggestion.message, suggestion.messageEn)
    const { ok: _ok, ...result } = suggestion
    return result
  })

  app.get('/relief-response/thresholds', {
    config: signedIn,
    schema: { tags, security, summary: '救助应急响应启动阈值（本县配置或国家默认）· Relief response thresholds in force', querystring: schemas.ReliefThresholdsQuery, response: { 200: schemas.ReliefThresholds, ...errors } },
  }, (request) => getThresholds(platform.db, actorOf(request), request.query.countyCode))

  app.put('/relief-response/thresholds', {
    config: admins,
    schema: { tags, security, summary: '设置本县救助应急响应启动阈值 · Set the county\'s relief response thresholds', body: schemas.ReliefThresholdsBody, response: { 200: schemas.ReliefThresholds, ...errors } },
  }, (request) => setThresholds(platform.db, actorOf(request), request.body))

  app.delete('/relief-response/thresholds', {
    config: admins,
    schema: { tags, security, summary: '恢复国家默认阈值 · Back to the national thresholds', querystring: schemas.ReliefThresholdsQuery, response: { 200: schemas.ReliefThresholds, ...errors } },
  }, (request) => resetThresholds(platform.db, actorOf(request), request.query.countyCode))
}
