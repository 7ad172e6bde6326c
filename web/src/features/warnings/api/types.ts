import type { MultiPolygon, Polygon } from 'geojson'

export const warningLevels = ['blue', 'yellow', 'orange', 'red'] as const
export type WarningLevel = (typeof warningLevels)[number]
export const warningStatuses = ['draft', 'submitted', 'rejected', 'issued', 'superseded', 'cancelled'] as const
export type WarningStatus = (typeof warningStatuses)[number]
export const hazardKeys = ['rainstorm', 'flood', 'geologicalHazard', 'forestFire', 'hazmatLeak', 'typhoon', 'heatWave', 'coldWave', 'gale', 'thunderstorm', 'drought'] as const
export const channels = ['sms', 'email', 'wecom', 'dingtalk', 'app'] as const
export type Channel = (typeof channels)[number]
export const subscriberRoles = ['township_leader', 'village_leader', 'grid_officer', 'hazard_monitor', 'enterprise_safety', 'department', 'public'] as const

export type LonLat = [number, number]

/** The area as the author gives it (`POST /api/warnings`). */
export type WarningAreaInput =
  | { divisionCodes: string[] }
  | { polygon: LonLat[] }
  | { circle: { center: LonLat; radiusKm: number } }

export interface WarningInput {
  event: string
  level: WarningLevel
  headline?: string
  description: string
  instruction?: string
  headlineEn?: string
  descriptionEn?: string
  instructionEn?: string
  onset?: string
  expires: string
  area: WarningAreaInput
  sourceAlarmId?: string
}

/** A warning as `GET /api/warnings/:id` answers (fields the pages read; the rest is optional). */
export interface Warning {
  id: string
  identifier: string
  status: WarningStatus
  msgType?: 'Alert' | 'Update' | 'Cancel'
  referencesId?: string | null
  event?: string
  hazard?: string
  level: WarningLevel
  headline: string
  headlineEn?: string | null
  description: string
  descriptionEn?: string | null
  instruction?: string | null
  instructionEn?: string | null
  onset?: string | null
  expires: string
  area?: WarningAreaInput
  areaDesc?: string
  /** The resolved area (GeoJSON), when the server sends it */
  areaGeometry?: Polygon | MultiPolygon | null
  geometry?: Polygon | MultiPolygon | null
  divisionCodes?: string[]
  divisionCode?: string
  sourceAlarmId?: string | null
  eventName?: { zh: string; en: string }
  expired?: boolean
  syntheticArea?: boolean
  createdBy?: { id: string; name: string }
  createdAt?: string
  submittedAt?: string | null
  approvedBy?: { id: string; name: string } | null
  emergencyIssue?: boolean
  reviewComment?: string | null
  sent?: string | null
  capXml?: string | null
  /** The CAP XML is a preview (not issued yet) */
  capPreview?: boolean
  updatedAt?: string
  /** What the signed-in user may do to it now, as the server decides (jurisdiction, role, authorship, status) */
  allowedActions?: WarningActionKey[]
}

export type WarningActionKey = 'edit' | 'delete' | 'submit' | 'approve' | 'reject' | 'issueEmergency' | 'update' | 'cancel'

export const hazardOf = (warning: Pick<Warning, 'event' | 'hazard'>) => warning.hazard ?? warning.event ?? ''
export const geometryOf = (warning: Warning) => warning.areaGeometry ?? warning.geometry ?? null

export interface Page<T> {
  items: T[]
  total: number
}

export interface Audience {
  warningId: string
  /** A warning from above: a township or village officer's share (their township) only */
  scope: { townshipCode: string; townshipName: string | null } | null
  totalPeople: number
  responsiblePeople: number
  totalMessages: number
  byChannel: { channel: string; recipients: number; missingAddress: number }[]
  byRole: { role: string; kind: string; people: number }[]
  byTownship: { townshipCode: string | null; townshipName: string | null; people: number }[]
  exposedPopulation: { population: number; villages: number; synthetic: boolean; note: string }
}

export interface Counts {
  total: number
  queued: number
  sent: number
  delivered: number
  failed: number
  acknowledged: number
  reachedPercent: number
}

export interface DeliveryReport {
  warningId: string
  sentAt: string | null
  /** Township and village officers see their township's recipients only. */
  scope: { townshipCode: string; townshipName: string | null } | null
  totals: Counts
  byChannel: (Counts & { channel: string })[]
  byTownship: (Counts & { townshipCode: string | null; townshipName: string | null })[]
  timeline: { minute: number; reached: number; percent: number }[]
  secondsToFirstDelivered: number | null
  secondsTo95Percent: number | null
  goals: { responsibleWithin5MinPercent: number | null; publicWithin10MinPercent: number | null }
  smsPartsPerMessage: number | null
  /** Channels that went to the built-in simulated gateway (demo without real endpoints). */
  simulatedChannels: string[]
}

export interface Subscriber {
  id: string
  name: string
  kind: 'responsible' | 'public'
  role: string
  divisionCode: string | null
  divisionName?: string | null
  location?: { lon: number; lat: number } | null
  lon?: number | null
  lat?: number | null
  phone?: string | null
  email?: string | null
  wecomWebhook?: string | null
  dingtalkWebhook?: string | null
  channels: Channel[]
  active?: boolean
  synthetic?: boolean
}

export interface PublicWarning {
  identifier: string
  msgType: 'Alert' | 'Update'
  hazard: string
  hazardName: { zh: string; en: string }
  level: WarningLevel
  headline: string
  headlineEn: string | null
  description: string
  descriptionEn: string | null
  instruction: string | null
  instructionEn: string | null
  onset: string | null
  sent: string
  expires: string
  areaDesc: string
  divisionCodes: string[]
  area: MultiPolygon
  capUrl: string
}
