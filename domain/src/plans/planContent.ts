/**
 * The structured content of a plan (预案结构化内容): command organisation, response levels with
 * activation criteria, and per-level checklists that become tasks when a level is activated.
 */
import type { Condition } from './criteria.ts'
import type { ResponseLevel } from './planTypes.ts'

export interface WorkingGroup {
  /** 抢险救援组 */
  name: string
  /** Lead department (牵头单位) */
  lead: string
  /** Member departments (成员单位) */
  members: string[]
  duties: string
}

export interface PlanOrganisation {
  /** 指挥部 name, e.g. 乐平市防汛抗旱指挥部 */
  headquarters: string
  /** 总指挥 (a post, not a person) */
  commander: string
  deputyCommanders: string[]
  /** 指挥部办公室 location (设在…) */
  office: string
  /** 成员单位 */
  memberDepartments: string[]
  groups: WorkingGroup[]
}

/**
 * Who a checklist item goes to: a department by name (水利局), the township governments of the
 * incident's area ('township'), or teams of a resources.teams type (flood, hazmat …).
 */
export const assigneeKinds = ['department', 'township', 'teamType'] as const
export type AssigneeKind = (typeof assigneeKinds)[number]

export interface ChecklistItem {
  assigneeKind: AssigneeKind
  /** Department name, '各乡镇人民政府', or a team type key */
  assignee: string
  task: string
  /** Deadline, minutes after activation */
  deadlineMinutes: number
}

export interface PlanLevel {
  level: ResponseLevel
  /** Ⅳ级响应 (一般) … */
  name: string
  description: string
  /** null: activated only by a person's decision */
  criteria: Condition | null
  /** In order */
  checklist: ChecklistItem[]
}

export interface PlanContent {
  organisation: PlanOrganisation | null
  levels: PlanLevel[]
}
