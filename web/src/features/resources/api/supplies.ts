import { crudResource } from '../../../lib/crud-resource.ts'

/** 生活类 / 抢险类 */
export const supplyCategories = ['living', 'rescue'] as const
export type SupplyCategory = (typeof supplyCategories)[number]

/** A catalogue entry (物资目录) as `GET /api/resources/supplies` returns it. */
export interface Supply {
  id: string
  code: string
  name: string
  category: SupplyCategory
  /** 顶/床/箱/瓶/台… */
  unit: string
  spec: string | null
  /** null: does not expire */
  shelfLifeMonths: number | null
  divisionCode: string
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

export interface SupplyInput {
  code: string
  name: string
  category: SupplyCategory
  unit: string
  spec?: string | null
  shelfLifeMonths?: number | null
  divisionCode?: string
}

/** `/api/resources/supplies`: the supplies catalogue. */
export const supplies = crudResource<Supply, SupplyInput>('/api/resources/supplies', ['resources', 'supplies'])
