/** The supplies catalogue (物资目录): request and response schemas. */
import { Type } from '@fastify/type-provider-typebox'
import { Code12, DivisionCodeInput, KeyEnum, ListQuery, Nullable, ShortText, Timestamp, Uuid } from '../core/schemas.ts'

export const supplyCategories = ['living', 'rescue'] as const
export type SupplyCategory = (typeof supplyCategories)[number]
/** 生活类 / 抢险类 */
export const supplyCategoryNames: Record<SupplyCategory, { zh: string; en: string }> = {
  living: { zh: '生活类', en: 'Living' },
  rescue: { zh: '抢险类', en: 'Rescue' },
}
const Category = KeyEnum(supplyCategories, '类别：living 生活类 / rescue 抢险类 · category')

export const Supply = Type.Object({
  id: Uuid,
  code: Type.String(),
  name: Type.String(),
  category: Category,
  unit: Type.String({ description: '计量单位：顶/床/箱/瓶/台/条/件… · unit' }),
  spec: Nullable(Type.String()),
  shelfLifeMonths: Nullable(Type.Integer({ description: '保质期（月），null 表示不过期 · shelf life in months, null = none' })),
  divisionCode: Code12,
  synthetic: Type.Boolean(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
})

const SupplyCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$', description: '物资编码 · code', examples: ['SH-ZP-01'] })
const Unit = ShortText(10)
const ShelfLife = Nullable(Type.Integer({ minimum: 1, maximum: 600 }))

export const CreateSupplyBody = Type.Object({
  code: SupplyCode,
  name: ShortText(100),
  category: Category,
  unit: Unit,
  spec: Type.Optional(Nullable(ShortText(200))),
  shelfLifeMonths: Type.Optional(ShelfLife),
  divisionCode: Type.Optional(DivisionCodeInput),
}, { additionalProperties: false })

export const UpdateSupplyBody = Type.Object({
  code: Type.Optional(SupplyCode),
  name: Type.Optional(ShortText(100)),
  category: Type.Optional(Category),
  unit: Type.Optional(Unit),
  spec: Type.Optional(Nullable(ShortText(200))),
  shelfLifeMonths: Type.Optional(ShelfLife),
}, { additionalProperties: false, minProperties: 1 })

export const SupplyListQuery = ListQuery({ category: Type.Optional(Category) })
