/** The four warning levels (预警级别 蓝黄橙红), most severe last in rank order red → blue. */
export const alarmLevels = ['red', 'orange', 'yellow', 'blue'] as const
export type AlarmLevel = (typeof alarmLevels)[number]

export const deviceStatuses = ['online', 'offline', 'never'] as const
export type DeviceStatus = (typeof deviceStatuses)[number]

/** `active` = raised or escalated and not yet acknowledged or cleared. */
export const alarmStatuses = ['active', 'acknowledged', 'cleared', 'closed'] as const
export type AlarmStatus = (typeof alarmStatuses)[number]
/** List filter values: the statuses plus `open` (anything not closed). */
export type AlarmStatusFilter = AlarmStatus | 'open'

export interface MetricInfo {
  metric: string
  name: string
  nameEn: string
  unit: string
}

/** `GET /api/monitoring/device-types`: one device type with the metrics it reports. */
export interface DeviceTypeInfo {
  type: string
  name: string
  nameEn: string
  metrics: MetricInfo[]
}

export interface LonLat {
  lon: number
  lat: number
}

/** A device row of `GET /api/monitoring/devices`. */
export interface Device {
  id: string
  code: string
  type: string
  name: string
  divisionCode: string
  location: LonLat
  status: DeviceStatus
  lastSeenAt: string | null
  alarmLevel: AlarmLevel | null
  synthetic: boolean
  expectedIntervalS?: number
  enterpriseId?: string | null
  hazardPointId?: string | null
  params?: Record<string, number> | null
}

/** One rule of a device's effective rule set (the server's shape; only these fields are read). */
export interface DeviceRule {
  id: string
  name?: { zh: string; en: string } | string
  /** The rule's parameters as in force (thresholds, hold times …) */
  params?: Record<string, number | null>
  [more: string]: unknown
}

/** A device's overrides of its type's default rules (`ruleOverride`). */
export interface RuleOverride {
  params?: Record<string, number | null>
  rules?: Record<string, { disabled?: boolean; params?: Record<string, number | null> }>
  add?: unknown[]
}

/** `GET /api/monitoring/devices/{id}`. */
export interface DeviceDetail extends Device {
  rules?: DeviceRule[]
  /** Every rule, also those switched off, with its own parameters as in force */
  ruleSettings?: { id: string; name: { zh: string; en: string }; params: Record<string, number | null>; disabled: boolean }[]
  ruleOverride?: RuleOverride
  ruleProblems?: { ruleId: string; field: string; message: string; messageEn: string }[]
}

/** What the rules drawer saves (`PATCH /api/monitoring/devices/{id}`). */
export interface DeviceSettings {
  params?: Record<string, number | null>
  ruleOverride?: RuleOverride
}

/** `POST /api/monitoring/devices` answer: the device with its key, shown once. */
export interface CreatedDevice extends DeviceDetail {
  apiKey: string
}

export interface DeviceInput {
  code: string
  type: string
  name: string
  divisionCode: string
  location: LonLat
  expectedIntervalS?: number
}

/** Properties of a device on the map (`GET /api/monitoring/devices/map`). */
export interface DeviceMapProperties {
  id: string
  code: string
  name: string
  type: string
  status: DeviceStatus
  alarmLevel: AlarmLevel | null
}

export interface Threshold {
  level: AlarmLevel
  value: number
  label: string
}

export interface ReadingPoint {
  ts: string
  value: number
}

/** `GET /api/monitoring/devices/{id}/readings`. */
export interface ReadingSeries {
  metric: string
  unit: string
  points: ReadingPoint[]
  thresholds: Threshold[]
}

export type Bucket = 'raw' | '1m' | '1h'

export interface Alarm {
  id: string
  deviceId: string
  deviceCode: string
  deviceName: string
  divisionCode: string
  ruleId: string
  ruleName: string
  /** English rule name, when the server sends it. */
  ruleNameEn?: string
  level: AlarmLevel
  status: AlarmStatus
  value: number | null
  message: string
  raisedAt: string
  lastChangedAt: string
  acknowledgedBy: string | null
  acknowledgedAt: string | null
  comment: string | null
}

export type AlarmHistoryKind = 'raised' | 'escalated' | 'deescalated' | 'acknowledged' | 'cleared' | 'closed' | 'commented' | 'notified'

export interface AlarmHistoryEntry {
  at: string
  kind: AlarmHistoryKind
  level?: AlarmLevel | null
  actor?: string | null
  text?: string | null
}

export interface AlarmDetail extends Alarm {
  history: AlarmHistoryEntry[]
}

/** `event: reading` of the stream. */
export interface ReadingEvent {
  deviceId: string
  metric: string
  ts: string
  value: number
}

/** `event: lag` of the stream and `GET /api/monitoring/lag`. */
export interface IngestLag {
  queueDepth: number
  oldestUnprocessedAgeMs: number
  acceptedTotal: number
  storedTotal: number
  droppedTotal: number
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}
