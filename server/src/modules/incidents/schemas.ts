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
  plan: Type.String({ description: '所用阈值的预案（国家默认或本县配置）· the plan whose thresholds were applied' }),
  source: Type.String({ description: '该等级阈值的出处 · where the level\'s thresholds come from' }),
  reason: Type.String(),
  reasonEn: Type.String(),
}, { additionalProperties: false, description: '自然灾害救助应急响应建议（国家自然灾害救助应急预案）· suggested relief response level; a person decides' })

const Threshold = (description: string) => Type.Optional(Type.Number({ exclusiveMinimum: 0, description }))
const reliefRulesProps = {
  plan: Type.String({ minLength: 1, maxLength: 200, description: '阈值所依据的预案 · the plan the thresholds come from', examples: ['乐平市自然灾害救助应急预案'] }),
  countMissing: Type.Boolean({ description: '死亡人数是否含失踪（2024 版：死亡和失踪）· whether the missing count with the dead' }),
  relocationAndAid: Type.Union([Type.Literal('sum'), Type.Literal('either')], { description: 'sum: 紧急转移安置与需紧急生活救助相加 · either: 任一项 · how the two counts combine' }),
  levels: Type.Array(Type.Object({
    level: Level,
    verified: Type.Boolean({ description: '数值是否已与现行预案核对 · checked against the plan in force' }),
    source: Type.String({ minLength: 1, maxLength: 200, description: '出处（文号、条款）· source: document and clause' }),
    deathsAndMissing: Threshold('死亡和失踪（人）· dead and missing'),
    relocatedAndNeedingAid: Threshold('紧急转移安置和需紧急生活救助（人）· relocated and needing aid'),
    damagedRooms: Threshold('倒塌和严重损坏房屋（间）· rooms'),
    damagedHouseholds: Threshold('倒塌和严重损坏房屋（户）· households'),
    droughtAidShare: Threshold('因旱需政府救助人口占农牧业人口比例（0–1）· drought aid share'),
    droughtAidPeople: Threshold('因旱需政府救助人口 · people needing drought aid'),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 4, description: '由高到低 · highest level first' }),
}
export const ReliefRules = Type.Object(reliefRulesProps, { additionalProperties: false })

const CountyCode = Type.String({ pattern: '^[0-9]{12}$', description: '县级行政区划代码；缺省为本人所在县 · county division code; default the caller\'s county' })
export const ReliefThresholdsQuery = Type.Object({ countyCode: Type.Optional(CountyCode) }, { additionalProperties: false })
export const ReliefThresholdsBody = Type.Object({ countyCode: Type.Optional(CountyCode), ...reliefRulesProps }, { additionalProperties: false })
export const ReliefThresholds = Type.Object({
  countyCode: Type.String(),
  origin: Type.Union([Type.Literal('county'), Type.Literal('national')], { description: 'county: 本县配置生效 · national: 国家默认值' }),
  rules: ReliefRules,
  national: ReliefRules,
  updatedBy: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
}, { description: '自然灾害救助应急响应启动阈值（县级配置）· relief response thresholds, county configuration' })

// ---- incidents, response, tasks, log, sitreps, duty -----------------------------------------

const Uuid = Type.String({ format: 'uuid' })
const DateTime = Type.String({ format: 'date-time' })
const WarningLevel = Type.Union([Type.Literal('blue'), Type.Literal('yellow'), Type.Literal('orange'), Type.Literal('red')], { description: '预警/告警级别 蓝黄橙红 · warning level' })
export const Category = Type.Union([Type.Literal('natural'), Type.Literal('accident'), Type.Literal('publicHealth'), Type.Literal('socialSecurity')], {
  description: '突发事件类别：自然灾害/事故灾难/公共卫生事件/社会安全事件 · category (Emergency Response Law Art. 2)',
})
export const LonLat = Type.Object({
  lon: Type.Number({ minimum: -180, maximum: 180 }),
  lat: Type.Number({ minimum: -90, maximum: 90 }),
}, { additionalProperties: false })

const factFields = {
  deaths: Count('死亡人数 · deaths'),
  missing: Count('失踪人数 · missing'),
  injured: Count('受伤人数 · injured'),
  seriousInjuries: Count('重伤人数（含急性工业中毒）· serious injuries'),
  affected: Count('受灾人口 · people affected'),
  evacuated: Count('紧急转移安置人口 · people evacuated'),
  needingEmergencyAid: Count('需紧急生活救助人口 · needing emergency aid'),
  damagedRooms: Count('倒塌和严重损坏房屋（间）· damaged rooms'),
  damagedHouseholds: Count('倒塌和严重损坏房屋（户）· damaged households'),
  directLossYuan: Type.Number({ minimum: 0, description: '直接经济损失（元）· direct loss, yuan' }),
  hazardType: Type.String({ minLength: 1, maxLength: 40, description: '灾种（预案匹配用，如 flood、rainstorm、hazmatLeak）· hazard type key' }),
  warningLevel: WarningLevel,
  waterLevelAboveWarningM: Type.Number({ minimum: -100, maximum: 100, description: '超警戒水位（米）· metres above the warning stage' }),
}
export const Facts = Type.Object({
  deaths: Type.Optional(factFields.deaths),
  missing: Type.Optional(factFields.missing),
  injured: Type.Optional(factFields.injured),
  seriousInjuries: Type.Optional(factFields.seriousInjuries),
  affected: Type.Optional(factFields.affected),
  evacuated: Type.Optional(factFields.evacuated),
  needingEmergencyAid: Type.Optional(factFields.needingEmergencyAid),
  damagedRooms: Type.Optional(factFields.damagedRooms),
  damagedHouseholds: Type.Optional(factFields.damagedHouseholds),
  directLossYuan: Type.Optional(factFields.directLossYuan),
  hazardType: Type.Optional(factFields.hazardType),
  warningLevel: Type.Optional(factFields.warningLevel),
  waterLevelAboveWarningM: Type.Optional(factFields.waterLevelAboveWarningM),
}, { additionalProperties: false, description: '事件事实（伤亡、损失、预警级别等）· incident facts' })

/** PATCH: a value sets the fact, null clears it; `note` explains the change (续报口径). */
export const FactsPatchBody = Type.Object({
  deaths: Type.Optional(Type.Union([factFields.deaths, Type.Null()])),
  missing: Type.Optional(Type.Union([factFields.missing, Type.Null()])),
  injured: Type.Optional(Type.Union([factFields.injured, Type.Null()])),
  seriousInjuries: Type.Optional(Type.Union([factFields.seriousInjuries, Type.Null()])),
  affected: Type.Optional(Type.Union([factFields.affected, Type.Null()])),
  evacuated: Type.Optional(Type.Union([factFields.evacuated, Type.Null()])),
  needingEmergencyAid: Type.Optional(Type.Union([factFields.needingEmergencyAid, Type.Null()])),
  damagedRooms: Type.Optional(Type.Union([factFields.damagedRooms, Type.Null()])),
  damagedHouseholds: Type.Optional(Type.Union([factFields.damagedHouseholds, Type.Null()])),
  directLossYuan: Type.Optional(Type.Union([factFields.directLossYuan, Type.Null()])),
  hazardType: Type.Optional(Type.Union([factFields.hazardType, Type.Null()])),
  warningLevel: Type.Optional(Type.Union([factFields.warningLevel, Type.Null()])),
  waterLevelAboveWarningM: Type.Optional(Type.Union([factFields.waterLevelAboveWarningM, Type.Null()])),
  note: Type.Optional(Type.String({ maxLength: 500 })),
}, { additionalProperties: false })

export const Caller = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 50, description: '报告人 · caller' }),
  phone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{3,20}$', description: '电话 · phone' })),
  calledAt: Type.Optional(Type.String({ format: 'date-time', description: '来电时间 · time of the call' })),
  place: Type.Optional(Type.String({ maxLength: 200, description: '报告的地点 · place as told' })),
  account: Type.Optional(Type.String({ maxLength: 4000, description: '报告内容 · what happened, as told' })),
}, { additionalProperties: false })

export const CreateIncidentBody = Type.Object({
  category: Category,
  subtype: Type.String({ minLength: 1, maxLength: 40, description: '子类（见 GET /api/incidents/classification）· subtype' }),
  title: Type.String({ minLength: 1, maxLength: 200 }),
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  divisionCode: Type.String({ description: '行政区划代码（6/9/12位）· division code' }),
  location: Type.Optional(LonLat),
  address: Type.Optional(Type.String({ maxLength: 200 })),
  occurredAt: Type.String({ format: 'date-time' }),
  source: Type.Union([Type.Literal('call'), Type.Literal('village_report'), Type.Literal('manual')], { description: 'call 值班接报 · village_report 村级报告 · manual 手工录入' }),
  caller: Type.Optional(Caller),
  facts: Type.Optional(Facts),
}, { additionalProperties: false })

export const IdParams = Type.Object({ id: Uuid })
export const AlarmParams = Type.Object({ alarmId: Uuid })
export const TaskParams = Type.Object({ taskId: Uuid })
export const SitrepParams = Type.Object({ id: Uuid, sitrepId: Uuid })
export const StepParams = Type.Object({ id: Uuid, step: Type.Union([Type.Literal('county'), Type.Literal('city'), Type.Literal('province'), Type.Literal('national')]) })

export const IncidentListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('responding'), Type.Literal('closed'), Type.Literal('active')], { description: 'active = open + responding' })),
  category: Type.Optional(Category),
  divisionCode: Type.Optional(Type.String()),
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
}, { additionalProperties: false })

export const CloseBody = Type.Object({ summary: Type.String({ minLength: 1, maxLength: 4000, description: '处置结果 · how it ended' }) }, { additionalProperties: false })

export const NearbyQuery = Type.Object({
  radiusKm: Type.Number({ minimum: 0.1, maximum: 100, default: 10, description: '半径（公里）· radius, km' }),
}, { additionalProperties: false })

export const ActivateBody = Type.Object({
  planId: Uuid,
  level: Type.Integer({ minimum: 1, maximum: 4, description: '响应等级 1=Ⅰ级 … 4=Ⅳ级 · response level' }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
}, { additionalProperties: false })

export const CreateTaskBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 500 }),
  detail: Type.Optional(Type.String({ maxLength: 4000 })),
  assigneeKind: Type.Union([Type.Literal('department'), Type.Literal('township'), Type.Literal('team'), Type.Literal('user')], { description: 'department 部门 · township 乡镇 · team 队伍 · user 人员' }),
  assigneeName: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '部门或乡镇名称（assigneeKind 为 department/township 时必填）· department or township name' })),
  assigneeTeamId: Type.Optional(Uuid),
  assigneeUserId: Type.Optional(Uuid),
  deadline: Type.Optional(DateTime),
}, { additionalProperties: false })

const Photo = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  mediaType: Type.Union([Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp')]),
  dataBase64: Type.String({ minLength: 4, maxLength: 7_000_000, description: 'base64，解码后不超过 5 MB · base64, at most 5 MB decoded' }),
}, { additionalProperties: false })

export const TaskActionBody = Type.Object({
  text: Type.Optional(Type.String({ minLength: 1, maxLength: 4000, description: '反馈 · feedback' })),
  photos: Type.Optional(Type.Array(Photo, { maxItems: 6 })),
}, { additionalProperties: false })

export const FeedbackBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 4000 }),
  photos: Type.Optional(Type.Array(Photo, { maxItems: 6 })),
}, { additionalProperties: false })

export const AttachmentBody = Type.Object({
  fileName: Type.String({ minLength: 1, maxLength: 200 }),
  mediaType: Type.Union([
    Type.Literal('image/jpeg'), Type.Literal('image/png'), Type.Literal('image/webp'), Type.Literal('application/pdf'),
    Type.Literal('application/vnd.openxmlformats-officedocument.wordprocessingml.document'),
  ]),
  dataBase64: Type.String({ minLength: 4, maxLength: 14_000_000, description: 'base64，解码后不超过 10 MB · at most 10 MB decoded' }),
}, { additionalProperties: false })

export const LogEntryBody = Type.Object({
  kind: Type.Union([Type.Literal('decision'), Type.Literal('call'), Type.Literal('note')], { description: 'decision 决策 · call 电话 · note 记事' }),
  text: Type.String({ minLength: 1, maxLength: 4000 }),
  at: Type.Optional(DateTime),
}, { additionalProperties: false })

export const AnnotationBody = Type.Object({ text: Type.String({ minLength: 1, maxLength: 4000 }) }, { additionalProperties: false })
export const LogParams = Type.Object({ id: Uuid, entryId: Type.Integer({ minimum: 1 }) })

export const SitrepCreateBody = Type.Object({
  issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '发文单位 · issuing office' })),
  signer: Type.Optional(Type.String({ maxLength: 50, description: '签发人 · signed by' })),
}, { additionalProperties: false })

const SectionKey = Type.Union([Type.Literal('basic'), Type.Literal('actions'), Type.Literal('next')])
export const SitrepPatchBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  issuer: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  signer: Type.Optional(Type.String({ maxLength: 50 })),
  sections: Type.Optional(Type.Array(Type.Object({
    key: SectionKey,
    heading: Type.String({ minLength: 1, maxLength: 50 }),
    text: Type.String({ maxLength: 20000 }),
  }, { additionalProperties: false }), { minItems: 1, maxItems: 10 })),
}, { additionalProperties: false })

export const ShiftBody = Type.Object({
  divisionCode: Type.String(),
  role: Type.Union([Type.Literal('leader'), Type.Literal('officer')], { description: 'leader 带班领导 · officer 值班员' }),
  userId: Type.Optional(Uuid),
  personName: Type.String({ minLength: 1, maxLength: 50 }),
  phone: Type.Optional(Type.String({ pattern: '^[0-9+\\- ]{3,20}$' })),
  startsAt: DateTime,
  endsAt: DateTime,
}, { additionalProperties: false })

export const ShiftQuery = Type.Object({
  from: Type.Optional(DateTime),
  to: Type.Optional(DateTime),
  divisionCode: Type.Optional(Type.String()),
}, { additionalProperties: false })

export const DutyNowQuery = Type.Object({ divisionCode: Type.Optional(Type.String()), at: Type.Optional(DateTime) }, { additionalProperties: false })

export const HandoverBody = Type.Object({
  divisionCode: Type.String(),
  shiftId: Type.Optional(Uuid),
  fromName: Type.String({ minLength: 1, maxLength: 50 }),
  toName: Type.String({ minLength: 1, maxLength: 50 }),
  notes: Type.String({ minLength: 1, maxLength: 4000 }),
}, { additionalProperties: false })
