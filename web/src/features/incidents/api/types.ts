/**
 * The incidents API's shapes as the web reads them (server: server/src/modules/incidents,
 * `incidentView` and `getIncidentDetail`). Only the fields the pages use are typed.
 */

export interface LonLat {
  lon: number
  lat: number
}

/** 突发事件类别 (Emergency Response Law Art. 2). */
export const incidentCategories = ['natural', 'accident', 'publicHealth', 'socialSecurity'] as const
export type IncidentCategory = (typeof incidentCategories)[number]

/** `GET /api/incidents/classification`: categories with their subtypes. */
export interface Classification {
  categories: { code: IncidentCategory; name: string; nameEn: string; subtypes: { code: string; name: string; nameEn: string }[] }[]
}

export const incidentStatuses = ['open', 'responding', 'closed'] as const
export type IncidentStatus = (typeof incidentStatuses)[number]

export const warningLevels = ['blue', 'yellow', 'orange', 'red'] as const
export type WarningLevel = (typeof warningLevels)[number]

/** Casualties, damage and hazard facts (all optional). */
export interface IncidentFacts {
  deaths?: number
  missing?: number
  injured?: number
  seriousInjuries?: number
  affected?: number
  evacuated?: number
  needingEmergencyAid?: number
  damagedRooms?: number
  damagedHouseholds?: number
  directLossYuan?: number
  hazardType?: string
  warningLevel?: WarningLevel
  waterLevelAboveWarningM?: number
}

/** One reporting deadline (事故报告时限, Decree 493 Art. 9–11) with its state. */
export interface ReportingDeadline {
  step: 'county' | 'city' | 'province' | 'national'
  authority: string
  authorityEn: string
  article: string
  limitHours: number
  dueAt: string
  doneAt: string | null
  doneBy: string | null
  state: 'pending' | 'overdue' | 'done' | 'done_late'
  secondsLeft: number | null
}

export interface Grade {
  level: number | null
  name: string
  nameEn: string
  reason: string
  reasonEn: string
}

export interface IncidentResponse {
  planId: string
  planName: string
  level: number
  levelName: string
  activatedBy: string
  activatedAt: string | null
}

/** The caller of a 值班接报. */
export interface Caller {
  name: string
  phone?: string
  calledAt?: string
  place?: string
  account?: string
}

/** An incident as `GET /api/incidents` lists it. */
export interface IncidentView {
  id: string
  category: IncidentCategory
  categoryName: string
  categoryNameEn: string
  subtype: string
  subtypeName: string
  subtypeNameEn: string
  title: string
  description: string
  divisionCode: string
  divisionName: string | null
  location: LonLat | null
  address: string | null
  occurredAt: string
  reportedAt: string
  source: 'alarm' | 'call' | 'village_report' | 'manual'
  sourceAlarmId: string | null
  caller: Caller | null
  facts: IncidentFacts
  status: IncidentStatus
  response: IncidentResponse | null
  accidentGrade: Grade | null
  reliefSuggestion: (Grade & { verified?: boolean }) | null
  reportingDeadlines: ReportingDeadline[]
  createdBy: string | null
  closedAt: string | null
  closeSummary: string | null
  synthetic: boolean
  tasks?: { total: number; done: number; overdue: number }
}

/** An incident without its task counts (the detail replaces them with the tasks). */
export type IncidentCore = Omit<IncidentView, 'tasks'>

export const taskStatuses = ['assigned', 'accepted', 'in_progress', 'done', 'blocked'] as const
export type TaskStatus = (typeof taskStatuses)[number]

export const taskActions = ['accept', 'start', 'done', 'block'] as const
export type TaskAction = (typeof taskActions)[number]

export interface IncidentTask {
  id: string
  title: string
  detail: string | null
  assignee: { kind: 'department' | 'township' | 'team' | 'team_type' | 'user' | 'role'; name: string; teamId: string | null; userId: string | null }
  status: TaskStatus
  /** What the status allows next (the server's state machine). */
  actions: TaskAction[]
  deadline: string | null
  overdue: boolean
  feedback: string | null
  level: number | null
  updates: { at: string; by: string; from: string | null; to: string | null; text: string | null }[]
  photos: { id: string; fileName: string; url: string }[]
}

export interface LogEntry {
  id: number
  at: string
  kind: string
  manual: boolean
  actor: { kind: string; id: string | null; name: string }
  text: string
  annotates: number | null
}

export interface SitrepSection {
  key: 'basic' | 'actions' | 'next'
  heading: string
  text: string
}

/** A situation report (续报 第N期) at its latest version. */
export interface Sitrep {
  id: string
  number: number
  version: number
  title: string
  issuer: string
  signer: string
  sections: SitrepSection[]
  savedAt?: string
  savedBy?: string
  createdAt?: string
}

export interface IncidentWarning {
  id: string
  headline: string
  level: WarningLevel
  levelName: string
  status: string
  sentAt: string | null
}

/** A file on an incident (photos, PDF, DOCX); a task's photos carry its id. */
export interface IncidentAttachment {
  id: string
  taskId: string | null
  fileName: string
  mediaType: string
  sizeBytes: number
  uploadedBy: string
  createdAt: string
  url: string
}

/** The media types the server takes for attachments (checked against the bytes there). */
export const attachmentMediaTypes: Record<string, string> = {
  jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp',
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
}
export const photoExtensions = ['jpg', 'jpeg', 'png', 'webp'] as const

/** `GET /api/incidents/:id`: the incident with everything the board shows. */
export type IncidentDetail = Omit<IncidentView, 'tasks'> & {
  tasks: IncidentTask[]
  log: LogEntry[]
  sitreps: Sitrep[]
  warnings: IncidentWarning[]
  attachments: IncidentAttachment[]
}

/** `GET /api/incidents/notifications`: what was sent to the user (as the officer on duty, or to their role in their area). */
export interface IncidentNotification {
  id: number
  incidentId: string | null
  kind: string
  title: string
  body: string
  createdAt: string
  read: boolean
}

/** A suggested plan and level, with why. */
export interface PlanSuggestion {
  planId: string
  planName: string
  level: number
  levelName: string
  reasons: { fact: string; zh: string; en: string }[]
  reason: string
  reasonEn: string
}

/** One thing near the incident (teams, depots with stock, shelters with capacity, risks). */
export const nearbyKinds = ['team', 'depot', 'shelter', 'hazard_point', 'risk_point', 'enterprise'] as const
export type NearbyKind = (typeof nearbyKinds)[number]

export interface NearbyItem {
  kind: NearbyKind
  id: string
  name: string
  divisionCode: string
  location: LonLat
  distanceM: number
  /** Kind-specific: team type/status/headcount, depot stock, shelter capacity, risk level … */
  detail: Record<string, unknown>
}

/** `GET /api/incidents/:id/suggestions`. */
export interface Suggestions {
  plans: PlanSuggestion[]
  nearby: NearbyItem[]
  radiusKm?: number
}

export interface DutyShift {
  id: string
  divisionCode: string
  role: 'leader' | 'officer'
  personName: string
  roleName?: string
  divisionName?: string | null
  phone: string | null
  startsAt: string
  endsAt: string
  synthetic?: boolean
}

export interface HandoverNote {
  id: string
  at: string
  fromName: string
  toName: string
  notes: string
}

/** The dispatch module's team ranking for an incident (`GET /api/dispatch/teams/recommend?incidentId=`). */
export interface TeamSuggestion {
  id: string; name: string; type: string; rank: number; score: number; travelMinutes: number | null
  held: boolean; heldReason: 'unavailable' | 'unreachable' | 'reserve' | null; why: string; whyEn: string
}
export interface TeamSuggestions { hazard: string; hazardName: string; hazardNameEn: string; items: TeamSuggestion[] }
