/** Rescue teams (救援队伍), members and certificates: request and response schemas. */
import { Type } from '@fastify/type-provider-typebox'
import { Code12, DateOnly, DivisionCodeInput, KeyEnum, ListQuery, LonLatSchema, Nullable, Phone, PointFeatureCollection, ShortText, Timestamp, Uuid } from '../core/schemas.ts'
import { certificateWarningDays, hazardKeys, teamLevels, teamStatuses, teamTypes } from './vocabulary.ts'

const TypeKey = KeyEnum(teamTypes, '类型：comprehensive 综合 / forest_fire 森林消防 / flood 防汛抢险 / mine 矿山 / hazmat 危化 / medical 医疗 / social 社会应急力量')
const Level = KeyEnum(teamLevels, '级别：city 市级 / township 乡镇级 / village 村级 / enterprise 企业')
const Status = KeyEnum(teamStatuses, '状态：ready 待命 / deployed 出动 / resting 休整 / unavailable 不可用')
const Hazard = KeyEnum(hazardKeys, '灾种 · hazard key')
const Equipment = Type.Array(Type.Object({
  name: ShortText(50),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
}, { additionalProperties: false }), { maxItems: 200, description: '装备：名称与数量 · equipment: name and quantity' })

export const Team = Type.Object({
  id: Uuid,
  name: Type.String(),
  type: TypeKey,
  level: Level,
  divisionCode: Code12,
  divisionName: Nullable(Type.String()),
  enterpriseId: Nullable(Uuid),
  location: Nullable(LonLatSchema),
  baseAddress: Nullable(Type.String()),
  leaderName: Nullable(Type.String()),
  leaderPhone: Nullable(Type.String()),
  headcount: Type.Integer(),
  status: Status,
  capabilities: Type.Array(Hazard),
  equipment: Equipment,
  memberCount: Type.Integer(),
  synthetic: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

const editable = {
  enterpriseId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  location: Type.Optional(Nullable(LonLatSchema)),
  baseAddress: Type.Optional(Nullable(ShortText(200))),
  leaderName: Type.Optional(Nullable(ShortText(50))),
  leaderPhone: Type.Optional(Nullable(Phone)),
  headcount: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  status: Type.Optional(Status),
  capabilities: Type.Optional(Type.Array(Hazard, { uniqueItems: true, maxItems: hazardKeys.length })),
  equipment: Type.Optional(Equipment),
}

export const CreateTeamBody = Type.Object({
  name: ShortText(100),
  type: TypeKey,
  level: Level,
  divisionCode: DivisionCodeInput,
  ...editable,
}, { additionalProperties: false })

export const UpdateTeamBody = Type.Object({
  name: Type.Optional(ShortText(100)),
  type: Type.Optional(TypeKey),
  level: Type.Optional(Level),
  divisionCode: Type.Optional(DivisionCodeInput),
  ...editable,
}, { additionalProperties: false, minProperties: 1 })

export const TeamListQuery = ListQuery({
  type: Type.Optional(TypeKey),
  status: Type.Optional(Status),
  capability: Type.Optional(Hazard),
})

export const TeamMap = PointFeatureCollection(
  Type.Object({ id: Uuid, name: Type.String(), type: TypeKey, status: Status, headcount: Type.Integer(), capabilities: Type.Array(Hazard), synthetic: Type.Boolean() }),
  '救援队伍点位（按类型或状态着色）· team points, coloured by type or status',
)

const CertificateInput = Type.Object({
  name: ShortText(100),
  number: Type.Optional(Nullable(ShortText(64))),
  expiresOn: Type.Optional(Nullable(DateOnly)),
}, { additionalProperties: false })

export const Certificate = Type.Object({
  name: Type.String(),
  number: Nullable(Type.String()),
  expiresOn: Nullable(DateOnly),
  daysLeft: Nullable(Type.Integer()),
  state: KeyEnum(['valid', 'expiring', 'expired', 'no_expiry'] as const, `valid 有效 / expiring ${certificateWarningDays} 天内到期 / expired 已过期 / no_expiry 长期有效`),
})

export const Member = Type.Object({
  id: Uuid,
  teamId: Uuid,
  name: Type.String(),
  phone: Nullable(Type.String()),
  role: Nullable(Type.String()),
  skills: Type.Array(Type.String()),
  certificates: Type.Array(Certificate),
  synthetic: Type.Boolean(),
})

const Skills = Type.Array(ShortText(50), { maxItems: 30 })
const Certificates = Type.Array(CertificateInput, { maxItems: 30 })

export const CreateMemberBody = Type.Object({
  name: ShortText(50),
  phone: Type.Optional(Nullable(Phone)),
  role: Type.Optional(Nullable(ShortText(50))),
  skills: Type.Optional(Skills),
  certificates: Type.Optional(Certificates),
}, { additionalProperties: false })

export const UpdateMemberBody = Type.Object({
  name: Type.Optional(ShortText(50)),
  phone: Type.Optional(Nullable(Phone)),
  role: Type.Optional(Nullable(ShortText(50))),
  skills: Type.Optional(Skills),
  certificates: Type.Optional(Certificates),
}, { additionalProperties: false, minProperties: 1 })

export const MemberParams = Type.Object({ id: Uuid, memberId: Uuid })

export const CertificateWarningsQuery = Type.Object({
  divisionCode: Type.Optional(DivisionCodeInput),
  days: Type.Integer({ minimum: 0, maximum: 3650, default: certificateWarningDays }),
})

export const CertificateWarnings = Type.Object({
  days: Type.Integer(),
  items: Type.Array(Type.Object({
    teamId: Uuid,
    teamName: Type.String(),
    divisionCode: Code12,
    memberId: Uuid,
    memberName: Type.String(),
    phone: Nullable(Type.String()),
    certificateName: Type.String(),
    number: Nullable(Type.String()),
    expiresOn: DateOnly,
    daysLeft: Type.Integer(),
    expired: Type.Boolean(),
  })),
})
