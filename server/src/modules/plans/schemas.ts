/** Emergency plans (应急预案): request and response schemas. */
import { Type } from '@fastify/type-provider-typebox'
import { assigneeKinds } from '@yingji/domain/plans/planContent'
import { drillTypes, filingStatuses, planStatuses, planTypes } from '@yingji/domain/plans/planTypes'
import { warningLevels } from '@yingji/domain/cap/warningLevels'
import { KeyEnum, Nullable } from '../../http/openapi.ts'

export { ErrorSchema, security } from '../../http/openapi.ts'

const Text = (maxLength: number, minLength = 1) => Type.String({ minLength, maxLength })
export const Uuid = Type.String({ format: 'uuid' })
const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' })
const Timestamp = Type.String({ format: 'date-time' })
const Code12 = Type.String({ pattern: '^[0-9]{12}$', description: '12 位行政区划代码 · 12-digit division code' })
const DivisionCodeInput = Type.String({ minLength: 6, maxLength: 12, description: '行政区划代码（6、9 或 12 位）· division code of 6, 9 or 12 digits' })
const HazardKey = Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,39}$', description: '灾种键 · hazard key (flood, rainstorm, hazmatLeak …)' })

export const PlanType = KeyEnum(planTypes, '类型：overall 总体 / special 专项 / department 部门 / grassroots 基层 / enterprise 企业 / majorEvent 重大活动保障')
export const PlanStatus = KeyEnum(planStatuses, '状态：draft 草稿 / effective 有效 / superseded 已废止')
const FilingStatus = KeyEnum(filingStatuses, '备案：notRequired 无需备案 / pending 未备案 / filed 已备案')
const IssuingLevel = KeyEnum(['county', 'township', 'village', 'department', 'enterprise'] as const, '发布层级：county 市(县)政府 / township 乡镇 / village 村 / department 部门 / enterprise 企业')
const DrillType = KeyEnum(drillTypes, '演练形式：tabletop 桌面 / live 实战')
const Level = Type.Integer({ minimum: 1, maximum: 4, description: '响应等级：1 = Ⅰ级（最高）… 4 = Ⅳ级' })

export const IdParams = Type.Object({ id: Uuid })
export const AttachmentParams = Type.Object({ id: Uuid, attachmentId: Uuid })
export const DrillParams = Type.Object({ id: Uuid, drillId: Uuid })

const Flag = Type.Object({
  kind: KeyEnum(['revisionOverdue', 'revisionDueSoon', 'filingMissing', 'filingOverdue', 'drillOverdue', 'drillDueSoon'] as const, '提醒类型 · flag kind'),
  severity: KeyEnum(['error', 'warning'] as const, 'error 逾期 / warning 临期'),
  dueOn: DateOnly,
  message: Type.String(),
  messageEn: Type.String(),
})

const WorkingGroup = Type.Object({
  name: Text(50),
  lead: Text(100),
  members: Type.Array(Text(100), { maxItems: 50 }),
  duties: Text(1000, 0),
}, { additionalProperties: false })

const Organisation = Type.Object({
  headquarters: Text(100),
  commander: Text(100),
  deputyCommanders: Type.Array(Text(100), { maxItems: 20 }),
  office: Text(200, 0),
  memberDepartments: Type.Array(Text(100), { maxItems: 100 }),
  groups: Type.Array(WorkingGroup, { maxItems: 30 }),
}, { additionalProperties: false, description: '指挥部与工作组 · command organisation' })

const ChecklistItem = Type.Object({
  assigneeKind: KeyEnum(assigneeKinds, '对象：department 部门（名称）/ township 事发乡镇政府 / teamType 队伍类型（flood、hazmat …）'),
  assignee: Text(100),
  task: Text(500),
  deadlineMinutes: Type.Integer({ minimum: 1, maximum: 43200, description: '启动后多少分钟内完成 · minutes after activation' }),
}, { additionalProperties: false })

const Criteria = Type.Unknown({ description: '启动条件（JSON 条件语言，见 domain/src/plans/criteria.ts）· activation criteria: {all|any:[…]} or {fact, op, value|values}; null: decided by a person' })

const LevelInput = Type.Object({
  level: Level,
  name: Text(50),
  description: Text(1000, 0),
  criteria: Criteria,
  checklist: Type.Array(ChecklistItem, { maxItems: 100 }),
}, { additionalProperties: false })

const metadata = {
  name: Text(200),
  type: PlanType,
  hazardTypes: Type.Array(HazardKey, { maxItems: 30, uniqueItems: true }),
  ownerDepartment: Text(100),
  issuingLevel: IssuingLevel,
  issuingAuthority: Text(100),
  documentNumber: Nullable(Text(100)),
  version: Text(30),
  issuedOn: Nullable(DateOnly),
  effectiveOn: Nullable(DateOnly),
  revisionDue: Nullable(DateOnly),
  filingStatus: FilingStatus,
  filedOn: Nullable(DateOnly),
  filedWith: Nullable(Text(100)),
  drillIntervalMonths: Nullable(Type.Integer({ minimum: 1, maximum: 120 })),
  divisionCode: DivisionCodeInput,
  status: PlanStatus,
  summary: Nullable(Text(4000, 0)),
}

/** The whole plan as one validated document: metadata, organisation, levels and checklists. */
export const PlanInput = Type.Object({
  ...metadata,
  organisation: Nullable(Organisation),
  levels: Type.Array(LevelInput, { maxItems: 4 }),
  revisionNote: Type.Optional(Text(500)),
}, { additionalProperties: false })

export const PlanListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 50, description: '名称关键字 · part of a name' })),
  type: Type.Optional(PlanType),
  status: Type.Optional(PlanStatus),
  hazardType: Type.Optional(HazardKey),
  flagged: Type.Optional(Type.Boolean({ description: '只看有逾期/临期提醒的预案 · only plans with flags' })),
})

const summaryProps = {
  id: Uuid,
  name: Type.String(),
  type: PlanType,
  hazardTypes: Type.Array(Type.String()),
  ownerDepartment: Type.String(),
  issuingLevel: IssuingLevel,
  issuingAuthority: Type.String(),
  documentNumber: Nullable(Type.String()),
  version: Type.String(),
  issuedOn: Nullable(DateOnly),
  effectiveOn: Nullable(DateOnly),
  revisionDue: Nullable(DateOnly),
  /** Stored revision due, or effective date + interval */
  revisionDueComputed: Nullable(DateOnly),
  filingStatus: FilingStatus,
  filedOn: Nullable(DateOnly),
  filedWith: Nullable(Type.String()),
  drillIntervalMonths: Nullable(Type.Integer()),
  drillIntervalEffective: Nullable(Type.Integer({ description: '实际采用的演练周期（月）· the interval used for the flag' })),
  lastDrillOn: Nullable(DateOnly),
  divisionCode: Code12,
  divisionName: Nullable(Type.String()),
  status: PlanStatus,
  levelCount: Type.Integer(),
  flags: Type.Array(Flag),
  synthetic: Type.Boolean(),
  updatedAt: Timestamp,
}

export const PlanSummary = Type.Object(summaryProps)
export const PlanList = Type.Object({ items: Type.Array(PlanSummary), total: Type.Integer() })

const Text2 = Type.Object({ zh: Type.String(), en: Type.String() })

export const Attachment = Type.Object({
  id: Uuid, fileName: Type.String(), mediaType: Type.String(), sizeBytes: Type.Integer(), sha256: Type.String(),
  uploadedByName: Type.String(), uploadedAt: Timestamp,
})

export const Drill = Type.Object({
  id: Uuid, planId: Uuid, drillType: DrillType, name: Type.String(), heldOn: DateOnly, participants: Type.String(),
  participantCount: Nullable(Type.Integer()), evaluation: Type.String(), problems: Type.String(), synthetic: Type.Boolean(), createdAt: Timestamp,
})

export const DrillInput = Type.Object({
  drillType: DrillType,
  name: Text(200),
  heldOn: DateOnly,
  participants: Text(2000, 0),
  participantCount: Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 })),
  evaluation: Text(4000, 0),
  problems: Text(4000, 0),
}, { additionalProperties: false })

export const DrillPatch = Type.Partial(DrillInput, { additionalProperties: false })

export const Revision = Type.Object({ id: Type.Integer(), version: Type.String(), at: Timestamp, actorName: Type.String(), summary: Type.String() })

export const PlanDetail = Type.Object({
  ...summaryProps,
  summary: Nullable(Type.String()),
  organisation: Nullable(Organisation),
  levels: Type.Array(Type.Object({
    level: Level,
    name: Type.String(),
    description: Type.String(),
    criteria: Criteria,
    criteriaText: Nullable(Text2),
    checklist: Type.Array(ChecklistItem),
  })),
  attachments: Type.Array(Attachment),
  drills: Type.Array(Drill),
  revisions: Type.Array(Revision),
})

const Count = (description: string) => Type.Integer({ minimum: 0, maximum: 100_000_000, description })

export const IncidentFactsSchema = Type.Object({
  hazardType: Type.Optional(HazardKey),
  incidentType: Type.Optional(KeyEnum(['natural', 'accident', 'publicHealth', 'socialSecurity'] as const, '事件类别：natural 自然灾害 / accident 事故灾难 / publicHealth 公共卫生 / socialSecurity 社会安全')),
  incidentSubtype: Type.Optional(HazardKey),
  deaths: Type.Optional(Count('死亡人数 · deaths')),
  missing: Type.Optional(Count('失踪人数 · missing')),
  injured: Type.Optional(Count('受伤人数 · injured')),
  seriousInjuries: Type.Optional(Count('重伤人数（含急性工业中毒）· serious injuries')),
  affectedPeople: Type.Optional(Count('受灾人口 · affected people')),
  evacuated: Type.Optional(Count('紧急转移安置人口 · evacuated')),
  needingEmergencyAid: Type.Optional(Count('需紧急生活救助人口 · needing emergency aid')),
  damagedRooms: Type.Optional(Count('倒塌和严重损坏房屋（间）· collapsed or severely damaged rooms')),
  directLossYuan: Type.Optional(Type.Number({ minimum: 0, description: '直接经济损失（元）· direct loss, yuan' })),
  waterLevelAboveWarningM: Type.Optional(Type.Number({ minimum: -100, maximum: 100, description: '超警戒水位（米，负数为低于）· metres above the warning stage' })),
  warningLevel: Type.Optional(KeyEnum(warningLevels, '预警级别 blue/yellow/orange/red')),
  divisionCode: Type.Optional(Code12),
}, { additionalProperties: false })

export const MatchBody = Type.Object({ facts: IncidentFactsSchema }, { additionalProperties: false })

const ReasonSchema = Type.Object({ fact: Type.String(), zh: Type.String(), en: Type.String() })
export const Suggestion = Type.Object({
  planId: Uuid, planName: Type.String(), planType: PlanType, level: Level, levelName: Text2,
  reasons: Type.Array(ReasonSchema), reason: Type.String(), reasonEn: Type.String(),
})
export const MatchResult = Type.Object({ suggestions: Type.Array(Suggestion) })
