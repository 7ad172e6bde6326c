/** Stock (库存): movements of the ledger, quantities on hand, minimums, warnings. */
import { Type } from '@fastify/type-provider-typebox'
import { Code12, DateOnly, KeyEnum, ListQuery, Nullable, ShortText, Timestamp, Uuid } from '../core/schemas.ts'
import { supplyCategories } from '../supplies/schemas.ts'
import { depotLevels } from '../depots/schemas.ts'

/** What a clerk records: 入库 in, 出库 out, 调拨 transfer (one document, two ledger rows), 报损 loss. */
export const movementRequestKinds = ['in', 'out', 'transfer', 'loss'] as const
export type MovementRequestKind = (typeof movementRequestKinds)[number]
/** What the ledger stores: a transfer is a transfer_out row and a transfer_in row. */
export const ledgerKinds = ['in', 'out', 'transfer_out', 'transfer_in', 'loss'] as const
export type LedgerKind = (typeof ledgerKinds)[number]

export const ledgerKindNames: Record<LedgerKind, { zh: string; en: string }> = {
  in: { zh: '入库', en: 'In' },
  out: { zh: '出库', en: 'Out' },
  transfer_out: { zh: '调出', en: 'Transfer out' },
  transfer_in: { zh: '调入', en: 'Transfer in' },
  loss: { zh: '报损', en: 'Loss' },
}

const Quantity = Type.Integer({ minimum: 1, maximum: 100_000_000, description: '数量（正整数，按物资计量单位）· quantity, in the supply\'s unit' })

export const CreateMovementBody = Type.Object({
  kind: KeyEnum(movementRequestKinds, 'in 入库 / out 出库 / transfer 调拨 / loss 报损'),
  depotId: Type.String({ format: 'uuid', description: '储备库（调拨时为调出库）· depot (the source of a transfer)' }),
  toDepotId: Type.Optional(Type.String({ format: 'uuid', description: '调入库（仅调拨）· destination depot (transfer only)' })),
  supplyId: Type.String({ format: 'uuid' }),
  quantity: Quantity,
  reason: ShortText(200),
  documentNo: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: '单据号；不填时自动生成 · document number, generated when absent' })),
  batchExpiry: Type.Optional(Type.String({ format: 'date', description: '批次有效期：有保质期的物资入库时必填；出库时可指定批次，否则先到期先出 · batch expiry; required when stock that expires comes in; on the way out it picks a batch, else first-expiry-first-out' })),
  occurredAt: Type.Optional(Type.String({ format: 'date-time', description: '发生时间，默认当前 · when it happened, default now' })),
}, { additionalProperties: false })

export const Movement = Type.Object({
  id: Uuid,
  kind: KeyEnum(ledgerKinds, 'in 入库 / out 出库 / transfer_out 调出 / transfer_in 调入 / loss 报损'),
  depotId: Uuid,
  depotName: Type.String(),
  supplyId: Uuid,
  supplyCode: Type.String(),
  supplyName: Type.String(),
  unit: Type.String(),
  quantity: Type.Integer(),
  batchExpiry: Nullable(DateOnly),
  reason: Type.String(),
  documentNo: Type.String(),
  transferId: Nullable(Uuid),
  divisionCode: Code12,
  actorName: Type.String(),
  occurredAt: Timestamp,
  recordedAt: Timestamp,
  synthetic: Type.Boolean(),
})

export const MovementDocument = Type.Object({
  documentNo: Type.String(),
  kind: KeyEnum(movementRequestKinds, 'in / out / transfer / loss'),
  transferId: Nullable(Uuid),
  movements: Type.Array(Movement, { description: '写入台账的行（按批次，调拨为调出与调入成对）· ledger rows written (per batch; a transfer in pairs)' }),
})

export const MovementListQuery = ListQuery({
  depotId: Type.Optional(Type.String({ format: 'uuid' })),
  supplyId: Type.Optional(Type.String({ format: 'uuid' })),
  kind: Type.Optional(KeyEnum(ledgerKinds, 'ledger kind')),
  documentNo: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
})

export const StockQuery = ListQuery({
  depotId: Type.Optional(Type.String({ format: 'uuid' })),
  supplyId: Type.Optional(Type.String({ format: 'uuid' })),
  category: Type.Optional(KeyEnum(supplyCategories, 'living / rescue')),
})

export const StockItem = Type.Object({
  depotId: Uuid,
  depotName: Type.String(),
  depotLevel: KeyEnum(depotLevels, 'city / township / village'),
  divisionCode: Code12,
  supplyId: Uuid,
  supplyCode: Type.String(),
  supplyName: Type.String(),
  category: KeyEnum(supplyCategories, 'living / rescue'),
  unit: Type.String(),
  quantity: Type.Integer({ description: '现有库存（由台账计算）· on hand, derived from the ledger' }),
  minQuantity: Type.Integer({ description: '最低库存 · minimum stock' }),
  belowMinimum: Type.Boolean(),
  nearestExpiry: Nullable(DateOnly),
})

export const MinimumBody = Type.Object({
  depotId: Type.String({ format: 'uuid' }),
  supplyId: Type.String({ format: 'uuid' }),
  minQuantity: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
}, { additionalProperties: false })

export const WarningsQuery = Type.Object({
  divisionCode: Type.Optional(Type.String({ minLength: 6, maxLength: 12 })),
  depotId: Type.Optional(Type.String({ format: 'uuid' })),
  days: Type.Integer({ minimum: 0, maximum: 3650, default: 30, description: '临期天数 · expiring within this many days' }),
})

export const BatchWarning = Type.Object({
  depotId: Uuid,
  depotName: Type.String(),
  divisionCode: Code12,
  supplyId: Uuid,
  supplyCode: Type.String(),
  supplyName: Type.String(),
  unit: Type.String(),
  batchExpiry: DateOnly,
  quantity: Type.Integer(),
  daysLeft: Type.Integer({ description: '距有效期天数，负数为已过期 · days to expiry, negative when expired' }),
  expired: Type.Boolean(),
})

export const StockWarnings = Type.Object({
  days: Type.Integer(),
  belowMinimum: Type.Array(StockItem),
  expiring: Type.Array(BatchWarning),
})
