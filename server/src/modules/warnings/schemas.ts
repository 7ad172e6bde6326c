/** TypeBox schemas of the warnings routes (authoring, approval, subscribers). */
import { Type } from '@fastify/type-provider-typebox'
import { hazardEventKeys, type HazardEventKey } from '@yingji/domain/cap/hazardEvents'
import { warningLevels, type WarningLevel } from '@yingji/domain/cap/warningLevels'
import type { WarningAction } from '@yingji/domain/warnings/approvalPolicy'
import { warningActions } from '@yingji/domain/warnings/warningActions'
import { Nullable } from '../../http/openapi.ts'

export { ErrorSchema, security } from '../../http/openapi.ts'

export const Uuid = Type.String({ format: 'uuid' })
export const IdParams = Type.Object({ id: Uuid })
export const AlarmParams = Type.Object({ alarmId: Uuid })
const Timestamp = Type.String({ format: 'date-time' })

export const HazardKey = Type.Unsafe<HazardEventKey>({ type: 'string', enum: [...hazardEventKeys], description: '灾种 · hazard event key' })
export const LevelKey = Type.Unsafe<WarningLevel>({ type: 'string', enum: [...warningLevels], description: '预警级别 蓝黄橙红 · level' })
export type WarningStatusKey = 'draft' | 'submitted' | 'rejected' | 'issued' | 'superseded' | 'cancelled'
export const WarningStatus = Type.Unsafe<WarningStatusKey>({ type: 'string', enum: ['draft', 'submitted', 'rejected', 'issued', 'superseded', 'cancelled'] })

export const WarningActionKey = Type.Unsafe<WarningAction>({ type: 'string', enum: [...warningActions] })

const PositionInput = Type.Array(Type.Number(), { description: '[经度, 纬度] · [lon, lat] WGS 84' })

/** Exactly one of the three (checked by the service, which names the field of any problem). */
export const AreaInput = Type.Object({
  divisionCodes: Type.Optional(Type.Array(Type.String({ maxLength: 20 }), { description: '行政区划代码（6、9 或 12 位）· division codes' })),
  polygon: Type.Optional(Type.Array(PositionInput, { description: '闭合多边形 · closed ring of [lon, lat]' })),
  circle: Type.Optional(Type.Object({ center: PositionInput, radiusKm: Type.Number() }, { additionalProperties: false })),
}, { additionalProperties: false, description: '预警范围：divisionCodes | polygon | circle · area' })

const texts = {
  headline: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  description: Type.String({ minLength: 1, maxLength: 4000 }),
  instruction: Type.Optional(Type.String({ maxLength: 4000 })),
  headlineEn: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
  descriptionEn: Type.Optional(Type.String({ minLength: 1, maxLength: 6000 })),
  instructionEn: Type.Optional(Type.String({ maxLength: 6000 })),
}

export const CreateWarningBody = Type.Object({
  event: HazardKey,
  level: LevelKey,
  ...texts,
  onset: Type.Optional(Timestamp),
  expires: Timestamp,
  area: AreaInput,
  sourceAlarmId: Type.Optional(Uuid),
}, { additionalProperties: false })

export const UpdateWarningBody = Type.Object({
  event: Type.Optional(HazardKey),
  level: Type.Optional(LevelKey),
  headline: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  description: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
  instruction: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  headlineEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 300 }))),
  descriptionEn: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 6000 }))),
  instructionEn: Type.Optional(Nullable(Type.String({ maxLength: 6000 }))),
  onset: Type.Optional(Nullable(Timestamp)),
  expires: Type.Optional(Timestamp),
  area: Type.Optional(AreaInput),
}, { additionalProperties: false })

export const CommentBody = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false })
export const ReasonBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false })

const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() })
const Person = Type.Object({ id: Type.String(), name: Type.String() })

export const Warning = Type.Object({
  id: Uuid,
  identifier: Type.String(),
  status: WarningStatus,
  msgType: Type.Union([Type.Literal('Alert'), Type.Literal('Update'), Type.Literal('Cancel')]),
  referencesId: Nullable(Type.String()),
  event: Type.String(),
  eventName: Bilingual,
  level: Type.String(),
  levelName: Bilingual,
  headline: Type.String(),
  headlineEn: Nullable(Type.String()),
  description: Type.String(),
  descriptionEn: Nullable(Type.String()),
  instruction: Nullable(Type.String()),
  instructionEn: Nullable(Type.String()),
  onset: Nullable(Type.String()),
  expires: Type.String(),
  expired: Type.Boolean(),
  area: Type.Unknown({ description: '作者给出的范围 · the area as given' }),
  areaDesc: Type.String(),
  /** GeoJSON MultiPolygon */
  areaGeometry: Type.Unknown(),
  /** Some of the divisions' areas are synthetic (Voronoi cells, not official boundaries) */
  syntheticArea: Type.Boolean(),
  divisionCodes: Type.Array(Type.String()),
  divisionCode: Type.String(),
  sourceAlarmId: Nullable(Type.String()),
  createdBy: Person,
  submittedAt: Nullable(Type.String()),
  approvedBy: Nullable(Person),
  emergencyIssue: Type.Boolean(),
  reviewComment: Nullable(Type.String()),
  sent: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  /** What the caller may do to it now (jurisdiction, role, authorship, status): the UI shows these and no others */
  allowedActions: Type.Array(WarningActionKey),
})

export const WarningDetail = Type.Object({
  ...Warning.properties,
  /** The CAP document: as issued, or a preview (drafts) */
  capXml: Nullable(Type.String()),
  capPreview: Type.Boolean(),
})

export const WarningListQuery = Type.Object({
  status: Type.Optional(WarningStatus),
  event: Type.Optional(HazardKey),
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
})

export const WarningPage = Type.Object({ items: Type.Array(Warning), total: Type.Integer(), page: Type.Integer(), pageSize: Type.Integer() })

export const Hazards = Type.Object({
  items: Type.Array(Type.Object({ key: Type.String(), name: Bilingual, categories: Type.Array(Type.String()), responseTypes: Type.Array(Type.String()) })),
  levels: Type.Array(Type.Object({ key: Type.String(), rank: Type.Integer(), name: Bilingual, severity: Type.String() })),
})

export const TemplatesQuery = Type.Object({ hazard: Type.Optional(HazardKey), level: Type.Optional(LevelKey) })
export const Templates = Type.Object({
  items: Type.Array(Type.Object({ hazard: Type.String(), level: Type.String(), description: Bilingual, instruction: Bilingual, generic: Type.Boolean() })),
})

export const DraftFromAlarm = Type.Object({
  body: CreateWarningBody,
  /** The same draft with a 2 km circle around the device instead of its township */
  circleArea: AreaInput,
  alarm: Type.Object({ id: Type.String(), level: Type.String(), deviceType: Type.String(), deviceName: Type.String(), divisionCode: Type.String(), message: Type.String() }),
})
