import { crudResource } from '../../../lib/crud-resource.ts'

/** 专业领域: 危化 矿山 防汛 地质 森林防火 医疗 消防 结构 气象 其他 */
export const expertFields = ['hazchem', 'mining', 'flood', 'geology', 'forest_fire', 'medical', 'fire', 'structural', 'meteorology', 'other'] as const

/** An expert of the expert pool (专家库). */
export interface Expert {
  id: string
  divisionCode: string
  divisionName: string | null
  synthetic: boolean
  name: string
  field: (typeof expertFields)[number]
  fieldName: string
  title: string
  organisation: string
  phone: string
  createdAt: string
  updatedAt: string
}

export type ExpertInput = Pick<Expert, 'name' | 'field' | 'title' | 'organisation' | 'phone' | 'divisionCode'>

/** `/api/registry/experts`. */
export const experts = crudResource<Expert, ExpertInput>('/api/registry/experts', ['registry', 'experts'])
