/** Plans (应急预案) as the server gives them (server/src/modules/plans/schemas.ts). */
export const planTypes = ['overall', 'special', 'department', 'grassroots', 'enterprise', 'majorEvent'] as const
export type PlanType = (typeof planTypes)[number]
export const planStatuses = ['draft', 'effective', 'superseded'] as const
export type PlanStatus = (typeof planStatuses)[number]
export const filingStatuses = ['notRequired', 'pending', 'filed'] as const
export type FilingStatus = (typeof filingStatuses)[number]
export const issuingLevels = ['county', 'township', 'village', 'department', 'enterprise'] as const
export type IssuingLevel = (typeof issuingLevels)[number]
export const assigneeKinds = ['department', 'township', 'teamType'] as const
export type AssigneeKind = (typeof assigneeKinds)[number]
export const drillTypes = ['tabletop', 'live'] as const
export type DrillType = (typeof drillTypes)[number]
/** Hazard keys plans are written for (domain/src/plans/incidentFacts.ts knownHazardTypes) */
export const planHazardTypes = [
  'rainstorm', 'flood', 'geologicalHazard', 'forestFire', 'hazmatLeak', 'typhoon', 'heatWave', 'coldWave', 'gale', 'thunderstorm', 'drought',
  'earthquake', 'hazmatAccident', 'fire', 'roadTraffic', 'mining', 'construction', 'specialEquipment', 'epidemic', 'foodSafety', 'massGathering',
] as const

/** Roles that write plans (the server checks again, with the jurisdiction) */
export const planWriterRoles: readonly string[] = ['admin', 'commander', 'department']

export type FlagKind = 'revisionOverdue' | 'revisionDueSoon' | 'filingMissing' | 'filingOverdue' | 'drillOverdue' | 'drillDueSoon'
export interface PlanFlag { kind: FlagKind; severity: 'error' | 'warning'; dueOn: string; message: string; messageEn: string }

export interface PlanSummary {
  id: string
  name: string
  type: PlanType
  hazardTypes: string[]
  ownerDepartment: string
  issuingLevel: IssuingLevel
  issuingAuthority: string
  documentNumber: string | null
  version: string
  issuedOn: string | null
  effectiveOn: string | null
  revisionDue: string | null
  revisionDueComputed: string | null
  filingStatus: FilingStatus
  filedOn: string | null
  filedWith: string | null
  drillIntervalMonths: number | null
  drillIntervalEffective: number | null
  lastDrillOn: string | null
  divisionCode: string
  divisionName: string | null
  status: PlanStatus
  levelCount: number
  flags: PlanFlag[]
  synthetic: boolean
  updatedAt: string
}

export interface WorkingGroup { name: string; lead: string; members: string[]; duties: string }
export interface Organisation {
  headquarters: string
  commander: string
  deputyCommanders: string[]
  office: string
  memberDepartments: string[]
  groups: WorkingGroup[]
}
export interface ChecklistItem { assigneeKind: AssigneeKind; assignee: string; task: string; deadlineMinutes: number }
export interface PlanLevel {
  level: 1 | 2 | 3 | 4
  name: string
  description: string
  criteria: unknown
  criteriaText: { zh: string; en: string } | null
  checklist: ChecklistItem[]
}
export interface Attachment { id: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string; uploadedByName: string; uploadedAt: string }
export interface Drill {
  id: string
  planId: string
  drillType: DrillType
  name: string
  heldOn: string
  participants: string
  participantCount: number | null
  evaluation: string
  problems: string
  synthetic: boolean
  createdAt: string
}
export interface Revision { id: number; version: string; at: string; actorName: string; summary: string }

export interface PlanDetail extends PlanSummary {
  summary: string | null
  organisation: Organisation | null
  levels: PlanLevel[]
  attachments: Attachment[]
  drills: Drill[]
  revisions: Revision[]
}

export interface PlanInput {
  name: string
  type: PlanType
  hazardTypes: string[]
  ownerDepartment: string
  issuingLevel: IssuingLevel
  issuingAuthority: string
  documentNumber: string | null
  version: string
  issuedOn: string | null
  effectiveOn: string | null
  revisionDue: string | null
  filingStatus: FilingStatus
  filedOn: string | null
  filedWith: string | null
  drillIntervalMonths: number | null
  divisionCode: string
  status: PlanStatus
  summary: string | null
  organisation: Organisation | null
  levels: { level: number; name: string; description: string; criteria: unknown; checklist: ChecklistItem[] }[]
  revisionNote?: string
}

export type DrillInput = Omit<Drill, 'id' | 'planId' | 'synthetic' | 'createdAt'>

export interface PlanSuggestion {
  planId: string
  planName: string
  planType: PlanType
  level: number
  levelName: { zh: string; en: string }
  reasons: { fact: string; zh: string; en: string }[]
  reason: string
  reasonEn: string
}
