import { crudResource } from '../../../lib/crud-resource.ts'

/** 协议储备 (a supplier holds goods on call) / 产能储备 (an enterprise can produce so much a day) */
export const reserveKinds = ['agreement', 'capacity'] as const

export interface ReserveItem {
  /** The catalogue entry, when the item is one. */
  supplyId?: string | null
  name: string
  unit: string
  /** Agreement: quantity on call; capacity: units per day. */
  quantity: number
}

/** A reserve (储备) with its items. */
export interface Reserve {
  id: string
  kind: (typeof reserveKinds)[number]
  supplierName: string
  enterpriseId: string | null
  divisionCode: string
  divisionName: string | null
  contactName: string | null
  contactPhone: string | null
  /** 响应时间（小时） */
  responseHours: number
  contractStart: string | null
  contractEnd: string | null
  /** The contract covers today. */
  inForce: boolean
  note: string | null
  items: ReserveItem[]
  synthetic: boolean
  createdAt: string
  updatedAt: string
}

export type ReserveInput = Pick<Reserve, 'kind' | 'supplierName' | 'divisionCode' | 'contactName' | 'contactPhone' | 'responseHours' | 'contractStart' | 'contractEnd' | 'note' | 'items'>

/** `/api/resources/reserves` (with the Excel template, export and import of reserves and their items). */
export const reserves = crudResource<Reserve, ReserveInput>('/api/resources/reserves', ['resources', 'reserves'])
