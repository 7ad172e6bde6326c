/** Reserves (储备): agreement reserves (协议储备) and production-capacity reserves (产能储备). */
import { Type } from '@fastify/type-provider-typebox'
import { Code12, DateOnly, DivisionCodeInput, KeyEnum, ListQuery, Nullable, Phone, ShortText, Timestamp, Uuid } from '../core/schemas.ts'

export const reserveKinds = ['agreement', 'capacity'] as const
export type ReserveKind = (typeof reserveKinds)[number]
const Kind = KeyEnum(reserveKinds, 'agreement 协议储备（供应方按协议储存、随调随供）/ capacity 产能储备（企业按日产能紧急生产）')

const ItemInput = Type.Object({
  supplyId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '物资目录中的物资 · the catalogue entry' }))),
  name: Type.Optional(ShortText(100)),
  unit: Type.Optional(ShortText(10)),
  quantity: Type.Integer({ minimum: 1, maximum: 100_000_000, description: '协议储备：可调用数量；产能储备：日产能 · agreement: quantity on call; capacity: units per day' }),
}, { additionalProperties: false })

export const ReserveItem = Type.Object({
  supplyId: Nullable(Uuid),
  name: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
})

export const Reserve = Type.Object({
  id: Uuid,
  kind: Kind,
  supplierName: Type.String(),
  enterpriseId: Nullable(Uuid),
  divisionCode: Code12,
  divisionName: Nullable(Type.String()),
  contactName: Nullable(Type.String()),
  contactPhone: Nullable(Type.String()),
  responseHours: Type.Number({ description: '响应时间（小时）· hours from call to delivery' }),
  contractStart: Nullable(DateOnly),
  contractEnd: Nullable(DateOnly),
  inForce: Type.Boolean({ description: '今天在协议期内 · the contract covers today' }),
  note: Nullable(Type.String()),
  items: Type.Array(ReserveItem),
  synthetic: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

const editable = {
  enterpriseId: Type.Optional(Nullable(Type.String({ format: 'uuid', description: '登记在册的企业 · the registry enterprise' }))),
  contactName: Type.Optional(Nullable(ShortText(50))),
  contactPhone: Type.Optional(Nullable(Phone)),
  contractStart: Type.Optional(Nullable(DateOnly)),
  contractEnd: Type.Optional(Nullable(DateOnly)),
  note: Type.Optional(Nullable(ShortText(500))),
}
const ResponseHours = Type.Number({ exclusiveMinimum: 0, maximum: 720 })
const Items = Type.Array(ItemInput, { minItems: 1, maxItems: 100 })

export const CreateReserveBody = Type.Object({
  kind: Kind,
  supplierName: ShortText(100),
  divisionCode: DivisionCodeInput,
  responseHours: ResponseHours,
  items: Items,
  ...editable,
}, { additionalProperties: false })

export const UpdateReserveBody = Type.Object({
  supplierName: Type.Optional(ShortText(100)),
  divisionCode: Type.Optional(DivisionCodeInput),
  responseHours: Type.Optional(ResponseHours),
  items: Type.Optional(Items),
  ...editable,
}, { additionalProperties: false, minProperties: 1 })

export const ReserveListQuery = ListQuery({
  kind: Type.Optional(Kind),
  supplyId: Type.Optional(Type.String({ format: 'uuid', description: '含该物资的储备 · reserves holding this supply' })),
})
