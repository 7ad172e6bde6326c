/** Request and response schemas of the incidents routes (TypeBox: validation, types, OpenAPI). */
import { Type } from '@fastify/type-provider-typebox'

const Count = (description: string) => Type.Integer({ minimum: 0, description })
const Level = Type.Integer({ minimum: 1, maximum: 4, description: '等级：1 特别重大 … 4 一般 · level: 1 highest … 4 lowest' })
const Criterion = Type.Union([Type.Literal('deaths'), Type.Literal('seriousInjuries'), Type.Literal('directLossYuan')])

export const AccidentGradeBody = Type.Object({
  deaths: Count('死亡人数 · deaths'),
  seriousInjuries: Count('重伤人数（包括急性工业中毒）· serious injuries incl. acute industrial poisoning'),
  directLossYuan: Type.Number({ minimum: 0, description: '直接经济损失（元）· direct economic loss, yuan' }),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', description: '事故发生时间；给出时返回各级报告时限 · when it happened; if given, the reporting deadlines are returned' })),
}, { additionalProperties: false })

const ReportingDeadline = Type.Object({
  step: Type.Union([Type.Literal('county'), Type.Literal('city'), Type.Literal('province'), Type.Literal('national')]),
  authority: Type.String(),
  authorityEn: Type.String(),
  dueAt: Type.String({ format: 'date-time', description: '报告须送达该级的最晚时间 · latest time the report must reach this level' }),
  countsFrom: Type.String({ format: 'date-time' }),
  limitHours: Type.Integer(),
  article: Type.String({ description: '国务院令第493号条款 · article of Decree 493' }),
}, { additionalProperties: false })

export const AccidentGrade = Type.Object({
  level: Level,
  name: Type.String({ examples: ['较大事故'] }),
  nameEn: Type.String(),
  decidedBy: Type.Array(Criterion, { description: '达到该等级的标准 · the criteria that reach the level' }),
  levelBy: Type.Object({ deaths: Level, seriousInjuries: Level, directLossYuan: Level }, { additionalProperties: false, description: '各标准单独对应的等级 · the level each criterion alone gives' }),
  reason: Type.String(),
  reasonEn: Type.String(),
  reportingDeadlines: Type.Optional(Type.Array(ReportingDeadline, { description: '逐级上报时限（第九、十、十一条）· reporting deadlines by level (Art. 9–11)' })),
}, { additionalProperties: false, description: '生产安全事故等级（国务院令第493号第三条）· work-safety accident level (Decree 493, Art. 3)' })

export const ReliefFactsBody = Type.Object({
  deaths: Count('死亡人口 · dead'),
  missing: Count('失踪人口 · missing'),
  emergencyRelocated: Count('紧急转移安置人口 · emergency relocated'),
  needingEmergencyAid: Count('需紧急生活救助人口 · needing emergency aid'),
  damagedRooms: Type.Optional(Count('倒塌和严重损坏房屋（间）· collapsed or severely damaged houses, rooms')),
  damagedHouseholds: Type.Optional(Count('倒塌和严重损坏房屋（户）· collapsed or severely damaged houses, households')),
  droughtNeedingAid: Type.Optional(Count('因旱需政府救助人口 · people needing government aid for drought')),
  agriculturalPopulation: Type.Optional(Count('农牧业人口 · agricultural population')),
}, { additionalProperties: false })

export const ReliefSuggestion = Type.Object({
  level: Type.Union([Level, Type.Null()], { description: '建议的响应等级；null 表示未达到 · suggested level; null when none is reached' }),
  name: Type.String({ examples: ['四级响应'] }),
  nameEn: Type.String(),
  triggers: Type.Array(Type.Object({
    criterion: Type.String(),
    value: Type.Number(),
    threshold: Type.Number(),
    reason: Type.String(),
    reasonEn: Type.String(),
  }, { additionalProperties: false })),
  verified: Type.Boolean({ description: '该等级的阈值是否已核实 · whether this level\'s thresholds are verified' }),
  reason: Type.String(),
  reasonEn: Type.String(),
}, { additionalProperties: false, description: '自然灾害救助应急响应建议（国家自然灾害救助应急预案）· suggested relief response level; a person decides' })
