/**
 * The incidents API's shapes as the web reads them (server: server/src/modules/incidents).
 * Only the fields the pages use are typed; the server may send more.
 */

export interface LonLat {
  lon: number
  lat: number
}

/** 事件分类 (national classification): 自然灾害 / 事故灾难 / 公共卫生事件 / 社会安全事件. */
export const incidentTypes = ['natural', 'accident', 'publicHealth', 'socialSecurity'] as const
export type IncidentType = (typeof incidentTypes)[number]

/** Subtypes offered per type in the call form (open keys; the server may know more). */
export const incidentSubtypes: Record<IncidentType, readonly string[]> = {
  natural: ['flood', 'rainstorm', 'geologicalHazard', 'forestFire', 'drought', 'earthquake', 'typhoon'],
  accident: ['hazmatAccident', 'hazmatLeak', 'fire', 'roadTraffic', 'mining', 'construction', 'specialEquipment'],
  publicHealth: ['epidemic', 'foodSafety'],
  socialSecurity: ['massGathering'],
}

export const incidentStatuses = ['open', 'responding', 'closed'] as const
export type IncidentStatus = (typeof incidentStatuses)[number]

export const incidentSources = ['alarm', 'call', 'village_report', 'manual'] as const
export type IncidentSource = (typeof incidentSources)[number]

export const warningLevels = ['blue', 'yellow', 'orange', 'red'] as const
export type WarningLevel = (typeof warningLevels)[number]

/** Casualties, damage and hazard facts (all optional). */
export interface IncidentFacts {
  deaths?: number | null
  missing?: number | null
  injured?: number | null
  seriousInjuries?: number | null
  affectedPeople?: number | null
  evacuated?: number | null
  directLossYuan?: number | null
  hazardType?: string | null
  warningLevel?: WarningLevel | null
  waterLevelAboveWarningM?: number | null
  [more: string]: unknown
}

/** One reporting deadline (事故报告时限) with its state. */
export interface ReportingDeadline {
  step: string
  authority: string
  authorityEn?: string
  dueAt: string
  limitHours?: number
  article?: string
  /** pending / done / overdue */
  status?: string
  doneAt?: string | null
}

export interface IncidentGrade {
  level: number
  name: string
  nameEn?: string
}

export interface IncidentResponse {
  planId: string
  planName?: string | null
  level: number
  activatedBy?: string | null
  activatedAt?: string | null
}

/** The caller of a 值班接报. */
export interface CallInfo {
  callerName?: string | null
  callerPhone?: string | null
  calledAt?: string | null
  place?: string | null
  whatHappened?: string | null
}

/** A row of `GET /api/incidents`. */
export interface IncidentSummary {
  id: string
  title: string
  type: IncidentType | string
  subtype?: string | null
  divisionCode: string
  divisionName?: string | null
  status: IncidentStatus
  source: IncidentSource | string
  occurredAt: string
  reportedAt?: string | null
  grade?: IncidentGrade | null
  response?: IncidentResponse | null
  deadlines?: ReportingDeadline[]
  synthetic?: boolean
}

/** `GET /api/incidents/:id`: everything the board shows about the incident itself. */
export interface Incident extends IncidentSummary {
  description?: string | null
  location?: LonLat | null
  facts: IncidentFacts
  alarmId?: string | null
  call?: CallInfo | null
  reliefSuggestion?: { level: number | null; name?: string; reasons?: string[] } | null
  /** Warnings issued for the incident, when the server links them. */
  warnings?: { id: string; title: string; level?: string; status?: string; issuedAt?: string | null }[]
}

/** A suggested plan and level, with why. */
export interface PlanSuggestion {
  planId: string
  planName: string
  level: number
  levelName?: string
  reasons: (string | { zh: string; en: string })[]
}

/** One resource near the incident. */
export interface NearbyItem {
  id: string
  name: string
  distanceM: number
  location?: LonLat | null
  [more: string]: unknown
}

export const nearbyKinds = ['teams', 'depots', 'shelters', 'enterprises', 'hazardPoints', 'riskPoints'] as const
export type NearbyKind = (typeof nearbyKinds)[number]

/** `GET /api/incidents/:id/suggestions`. */
export interface Suggestions {
  plans: PlanSuggestion[]
  nearby: Partial<Record<NearbyKind, NearbyItem[]>>
  radiusKm?: number
  reliefResponse?: unknown
  accidentGrade?: unknown
}

export const taskStatuses = ['assigned', 'accepted', 'in_progress', 'done', 'blocked'] as const
export type TaskStatus = (typeof taskStatuses)[number]

export interface IncidentTask {
  id: string
  incidentId: string
  title: string
  assignee: string
  assigneeKind?: string
  status: TaskStatus
  deadlineAt: string | null
  overdue?: boolean
  feedback?: string | null
  level?: number | null
  updatedAt?: string
}

export interface LogEntry {
  id: string
  at: string
  kind: string
  actor?: string | null
  text: string
  textEn?: string | null
  annotates?: string | null
}

export interface SitrepSection {
  key: string
  title: string
  text: string
}

export interface Sitrep {
  id: string
  incidentId: string
  number: number
  version: number
  title: string
  sections: SitrepSection[]
  issuer?: string | null
  signer?: string | null
  createdAt: string
  createdBy?: string | null
}

export interface DutyShift {
  id: string
  personName: string
  phone?: string | null
  role: string
  startsAt: string
  endsAt: string
  divisionCode?: string
  userId?: string | null
  synthetic?: boolean
}

export interface HandoverNote {
  id: string
  at: string
  author?: string | null
  text: string
}
