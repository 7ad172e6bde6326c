/** HTTP only: the incidents grading routes, thin wrappers over the pure domain functions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { gradeAccident } from '@yingji/domain/incidents/accidentGrade'
import { accidentReportingDeadlines } from '@yingji/domain/incidents/accidentReporting'
import { suggestReliefResponse } from '@yingji/domain/incidents/reliefResponse'
import { invalid } from '../../http/errors.ts'
import type { Platform } from '../../platform.ts'
import * as schemas from './schemas.ts'
import { security } from '../../http/openapi.ts'

const tags = ['incidents']
const signedIn = { access: 'authenticated' as const }

export const incidentsRoutes = (_platform: Platform): FastifyPluginAsyncTypebox => async (app) => {
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
  }, (request) => {
    const suggestion = suggestReliefResponse(request.body)
    if (!suggestion.ok) throw invalid('invalid_disaster_facts', `body.${suggestion.field}`, suggestion.message, suggestion.messageEn)
    const { ok: _ok, ...result } = suggestion
    return result
  })
}
