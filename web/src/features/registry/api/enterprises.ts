import { crudResource } from '../../../lib/crud-resource.ts'

/** 监管类别 */
export const supervisionCategories = [
  'hazchem_production', 'hazchem_trading', 'hazchem_use', 'fireworks', 'non_coal_mine', 'tailings_pond', 'metallurgy_trade', 'other',
] as const
/** 安全生产标准化等级 */
export const standardizationLevels = ['level1', 'level2', 'level3', 'none'] as const
/** 经营状态 */
export const enterpriseStatuses = ['operating', 'suspended', 'closed'] as const
/** 生产单元 / 储存单元 (GB 18218-2018 3.4, 3.5) */
export const unitKinds = ['production', 'storage'] as const
/** 重大危险源级别 一级 … 四级 */
export const majorHazardLevels = [1, 2, 3, 4] as const

export type SupervisionCategory = (typeof supervisionCategories)[number]
export type MajorHazardLevel = (typeof majorHazardLevels)[number]

export interface Contact {
  name: string
  role?: string
  phone?: string
}

/** An enterprise as the list returns it. */
export interface Enterprise {
  id: string
  /** 统一社会信用代码 (GB 32100-2015) */
  uscc: string
  name: string
  /** GB/T 4754 行业代码 */
  industryCode: string | null
  supervisionCategory: SupervisionCategory
  address: string | null
  location: { lon: number; lat: number } | null
  divisionCode: string
  divisionName: string | null
  contacts: Contact[]
  employees: number | null
  standardizationLevel: (typeof standardizationLevels)[number] | null
  status: (typeof enterpriseStatuses)[number]
  /** The highest grade among its units; null when none is a major hazard. */
  majorHazardLevel: MajorHazardLevel | null
  unitCount: number
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

/** A substance of a unit as entered: by CAS, name, Table 1 row or Table 2 category. */
export interface SubstanceInput {
  cas?: string
  name?: string
  row?: number
  category?: string | string[]
  mixture?: boolean
  quantityT: number
}

/** A production or storage unit (生产单元/储存单元) with its computed GB 18218 grade. */
export interface HazardUnit {
  id: string
  enterpriseId: string
  name: string
  kind: (typeof unitKinds)[number]
  exposedPeople: number
  substances: (SubstanceInput & { resolvedName: string; criticalQuantityT: number; ratio: number; beta: number })[]
  /** S = Σ q/Q */
  sumRatio: number
  isMajor: boolean
  alpha: number
  R: number
  level: MajorHazardLevel | null
  levelName: string | null
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

export interface EnterpriseDetail extends Enterprise {
  units: HazardUnit[]
}

export interface EnterpriseInput {
  uscc: string
  name: string
  divisionCode: string
  industryCode?: string | null
  supervisionCategory?: SupervisionCategory
  address?: string | null
  location?: { lon: number; lat: number } | null
  contacts?: Contact[]
  employees?: number | null
  standardizationLevel?: Enterprise['standardizationLevel']
  status?: Enterprise['status']
}

export interface EnterpriseMapProperties {
  id: string
  name: string
  category: SupervisionCategory
  majorHazardLevel: MajorHazardLevel | null
  status: Enterprise['status']
}

/** `/api/registry/enterprises`: list, detail (with units), create, edit, delete, map, Excel. */
export const enterprises = crudResource<Enterprise, EnterpriseInput, EnterpriseDetail, EnterpriseMapProperties>(
  '/api/registry/enterprises',
  ['registry', 'enterprises'],
)
