import { crudResource } from '../../../lib/crud-resource.ts'

/** An expert of the expert pool (专家库). */
export interface Expert {
  id: string
  divisionCode: string
  divisionName: string | null
  synthetic: boolean
  name: string
  /** 专业领域, e.g. 危险化学品, 地质灾害, 防汛抗旱 */
  field: string
  title: string
  organisation: string
  phone: string
  createdAt: string
  updatedAt: string
}

export type ExpertInput = Pick<Expert, 'name' | 'field' | 'title' | 'organisation' | 'phone' | 'divisionCode'>

/** `/api/registry/experts`. */
export const experts = crudResource<Expert, ExpertInput>('/api/registry/experts', ['registry', 'experts'])
