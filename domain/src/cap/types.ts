/**
 * OASIS Common Alerting Protocol 1.2 (CAP, 公共预警协议) as plain data. One `alert` holds 0..n
 * `info` blocks (one per language), each with 0..n `resource` and `area`. Element names and
 * enumerations are those of the CAP 1.2 XML schema (namespace below); GB/T 35965.1-2018
 * 应急信息交互协议 第1部分：预警信息 follows the same alert/info/area pattern (cap.md §6).
 */

export const capNamespace = 'urn:oasis:names:tc:emergency:cap:1.2'

export const capStatuses = ['Actual', 'Exercise', 'System', 'Test', 'Draft'] as const
export const capMsgTypes = ['Alert', 'Update', 'Cancel', 'Ack', 'Error'] as const
export const capScopes = ['Public', 'Restricted', 'Private'] as const
export const capCategories = ['Geo', 'Met', 'Safety', 'Security', 'Rescue', 'Fire', 'Health', 'Env', 'Transport', 'Infra', 'CBRNE', 'Other'] as const
export const capResponseTypes = ['Shelter', 'Evacuate', 'Prepare', 'Execute', 'Avoid', 'Monitor', 'Assess', 'AllClear', 'None'] as const
export const capUrgencies = ['Immediate', 'Expected', 'Future', 'Past', 'Unknown'] as const
export const capSeverities = ['Extreme', 'Severe', 'Moderate', 'Minor', 'Unknown'] as const
export const capCertainties = ['Observed', 'Likely', 'Possible', 'Unlikely', 'Unknown'] as const

export type CapStatus = (typeof capStatuses)[number]
export type CapMsgType = (typeof capMsgTypes)[number]
export type CapScope = (typeof capScopes)[number]
export type CapCategory = (typeof capCategories)[number]
export type CapResponseType = (typeof capResponseTypes)[number]
export type CapUrgency = (typeof capUrgencies)[number]
export type CapSeverity = (typeof capSeverities)[number]
export type CapCertainty = (typeof capCertainties)[number]

/** `eventCode`, `parameter`, `geocode`: a system-specific name and a value. */
export interface CapValuePair {
  valueName: string
  value: string
}

/**
 * A CAP dateTime: `2026-06-21T10:20:00+08:00` (seconds, numeric offset; never `Z`). Kept as
 * text so an alert parses and rebuilds byte for byte; `formatCapDateTime` makes one.
 */
export type CapDateTime = string

export interface CapResource {
  resourceDesc: string
  mimeType: string
  /** bytes */
  size?: number
  uri?: string
  /** base64 content of the resource */
  derefUri?: string
  /** SHA-1 hash of the resource */
  digest?: string
}

export interface CapArea {
  /** 区域描述, required */
  areaDesc: string
  /** Each "lat,lon lat,lon …", WGS 84, first pair = last pair, ≥ 4 pairs */
  polygons?: string[]
  /** Each "lat,lon radius" with the radius in kilometres */
  circles?: string[]
  /** e.g. {valueName: 'GB/T 2260', value: '360281'} */
  geocodes?: CapValuePair[]
  /** feet above mean sea level (as the spec defines it) */
  altitude?: number
  ceiling?: number
}

export interface CapInfo {
  /** RFC 3066 code; the spec's default is en-US. Yingji writes zh-CN first. */
  language?: string
  categories: CapCategory[]
  event: string
  responseTypes?: CapResponseType[]
  urgency: CapUrgency
  severity: CapSeverity
  certainty: CapCertainty
  audience?: string
  eventCodes?: CapValuePair[]
  effective?: CapDateTime
  onset?: CapDateTime
  expires?: CapDateTime
  senderName?: string
  headline?: string
  description?: string
  instruction?: string
  web?: string
  contact?: string
  parameters?: CapValuePair[]
  resources?: CapResource[]
  areas?: CapArea[]
}

export interface CapAlert {
  identifier: string
  sender: string
  sent: CapDateTime
  status: CapStatus
  msgType: CapMsgType
  source?: string
  scope: CapScope
  /** required when scope is Restricted */
  restriction?: string
  /** required when scope is Private; space-delimited, quoted when an address has spaces */
  addresses?: string
  codes?: string[]
  note?: string
  /** space-separated "sender,identifier,sent" triples; required for Update, Cancel, Ack, Error */
  references?: string
  incidents?: string
  infos: CapInfo[]
}

/** One thing wrong with an alert or its XML, with where it is (`infos.0.areas.1.polygons.0`). */
export interface CapProblem {
  path: string
  code: string
  message: string
  messageEn: string
}
