/**
 * The CAP 1.2 rules the XML schema cannot express (OASIS CAP 1.2 §3.2), plus Yingji's profile:
 * every time in Beijing time (+08:00) unless the caller allows any offset (alerts received from
 * elsewhere). Returns every problem found, each with its path; an empty list means valid.
 */
import { parseCapCircle, parseCapPolygon } from './capArea.ts'
import { beijingOffset, offsetOfCapDateTime, parseCapDateTime } from './capDateTime.ts'
import { capForbiddenIdCharacters, parseCapReferences } from './capReferences.ts'
import {
  capCategories, capCertainties, capMsgTypes, capResponseTypes, capScopes, capSeverities, capStatuses, capUrgencies,
  type CapAlert, type CapArea, type CapInfo, type CapProblem, type CapResource, type CapValuePair,
} from './types.ts'

export interface CapValidationOptions {
  /** Offset every dateTime must carry; null accepts any offset. Default +08:00. */
  timeZoneOffset?: string | null
}

/** Message types that act on earlier messages named in `references` (§3.2.1 msgType). */
const referringMsgTypes = new Set(['Update', 'Cancel', 'Ack', 'Error'])
// XML 1.0 forbids these characters anywhere in a document, so matching them is the point.
// eslint-disable-next-line no-control-regex
const xmlForbidden = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u
const languagePattern = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/
const sha1Pattern = /^[0-9a-fA-F]{40}$/
const base64Pattern = /^[A-Za-z0-9+/\s]*={0,2}\s*$/

export function validateCapAlert(alert: CapAlert, options: CapValidationOptions = {}): CapProblem[] {
  const offset = options.timeZoneOffset === undefined ? beijingOffset : options.timeZoneOffset
  const problems: CapProblem[] = []
  const report = (path: string, code: string, message: string, messageEn: string) => problems.push({ path, code, message, messageEn })

  const required = (path: string, value: string | undefined, zh: string) => {
    if (value === undefined || value.trim() === '') {
      report(path, 'required', `缺少必填项${zh}（${path}）`, `${path} is required`)
      return false
    }
    return true
  }
  const oneOf = (path: string, value: string, allowed: readonly string[]) => {
    if (!allowed.includes(value)) report(path, 'not_allowed', `${path}的值“${value}”无效，应为 ${allowed.join('、')} 之一`, `${path} "${value}" must be one of ${allowed.join(', ')}`)
  }
  const identifierLike = (path: string, value: string, zh: string) => {
    if (required(path, value, zh) && capForbiddenIdCharacters.test(value)) {
      report(path, 'forbidden_characters', `${zh}不能含空格、逗号、< 或 &`, `${path} may not contain spaces, commas, < or &`)
    }
  }
  const dateTime = (path: string, value: string | undefined): Date | null => {
    if (value === undefined) return null
    const instant = parseCapDateTime(value)
    if (!instant) {
      report(path, 'date_time_invalid', `${path}“${value}”不是带时区的日期时间（如 2026-06-21T10:20:00+08:00）`, `${path} "${value}" is not a dateTime with a time zone (e.g. 2026-06-21T10:20:00+08:00)`)
      return null
    }
    if (offset !== null && offsetOfCapDateTime(value) !== offset) {
      report(path, 'time_zone_not_allowed', `${path}应使用北京时间（${offset}）`, `${path} must be given at offset ${offset} (Beijing time)`)
    }
    return instant
  }
  const pairs = (path: string, list: readonly CapValuePair[] | undefined) => {
    list?.forEach((pair, i) => required(`${path}.${i}.valueName`, pair.valueName, '名称valueName'))
  }

  identifierLike('identifier', alert.identifier, '标识符identifier')
  identifierLike('sender', alert.sender, '发布者sender')
  const sent = required('sent', alert.sent, '发布时间sent') ? dateTime('sent', alert.sent) : null
  oneOf('status', alert.status, capStatuses)
  oneOf('msgType', alert.msgType, capMsgTypes)
  oneOf('scope', alert.scope, capScopes)
  if (alert.scope === 'Restricted') required('restriction', alert.restriction, '限制说明restriction（scope为Restricted时）')
  if (alert.scope === 'Private') required('addresses', alert.addresses, '接收地址addresses（scope为Private时）')
  if (alert.msgType === 'Error') required('note', alert.note, '说明note（msgType为Error时）')

  if (referringMsgTypes.has(alert.msgType)) {
    if (required('references', alert.references, `引用references（msgType为${alert.msgType}时须引用原消息）`)) checkReferences(alert.references!, sent)
  } else if (alert.references !== undefined) {
    checkReferences(alert.references, sent)
  }

  if ((alert.msgType === 'Alert' || alert.msgType === 'Update') && alert.infos.length === 0) {
    report('infos', 'info_required', '预警消息至少需要一个info信息块', 'An Alert or Update needs at least one info block')
  }
  alert.infos.forEach((info, i) => checkInfo(`infos.${i}`, info))
  checkCharacters('', alert)
  return problems

  function checkReferences(text: string, sentAt: Date | null) {
    const parsed = parseCapReferences(text)
    if (!parsed.ok) {
      report('references', 'references_malformed', `引用“${parsed.part}”应为“发布者,标识符,发布时间”`, `Reference "${parsed.part}" must be "sender,identifier,sent"`)
      return
    }
    for (const ref of parsed.references) {
      if ([ref.sender, ref.identifier].some((part) => capForbiddenIdCharacters.test(part))) {
        report('references', 'references_malformed', `引用“${ref.sender},${ref.identifier}”含空格、< 或 &`, `Reference "${ref.sender},${ref.identifier}" contains a space, < or &`)
      }
      if (sentAt && parseCapDateTime(ref.sent)!.getTime() > sentAt.getTime()) {
        report('references', 'reference_after_sent', `被引用的消息（${ref.sent}）晚于本消息发布时间`, `The referenced message (${ref.sent}) was sent after this one`)
      }
    }
  }

  function checkInfo(path: string, info: CapInfo) {
    if (info.language !== undefined && !languagePattern.test(info.language)) {
      report(`${path}.language`, 'language_invalid', `语言代码“${info.language}”无效（如 zh-CN）`, `Language "${info.language}" is not an RFC 3066 code (e.g. zh-CN)`)
    }
    if (info.categories.length === 0) report(`${path}.categories`, 'required', '至少需要一个类别category', 'At least one category is required')
    info.categories.forEach((category, i) => oneOf(`${path}.categories.${i}`, category, capCategories))
    required(`${path}.event`, info.event, '事件类型event')
    info.responseTypes?.forEach((type, i) => oneOf(`${path}.responseTypes.${i}`, type, capResponseTypes))
    oneOf(`${path}.urgency`, info.urgency, capUrgencies)
    oneOf(`${path}.severity`, info.severity, capSeverities)
    oneOf(`${path}.certainty`, info.certainty, capCertainties)
    pairs(`${path}.eventCodes`, info.eventCodes)
    pairs(`${path}.parameters`, info.parameters)
    const effective = dateTime(`${path}.effective`, info.effective)
    const onset = dateTime(`${path}.onset`, info.onset)
    const expires = dateTime(`${path}.expires`, info.expires)
    if (expires) {
      for (const [name, start] of [['sent', sent], ['effective', effective], ['onset', onset]] as const) {
        if (start && expires.getTime() <= start.getTime()) {
          report(`${path}.expires`, 'expires_before_start', `失效时间expires应晚于${name}`, `expires must be later than ${name}`)
        }
      }
    }
    if (info.web !== undefined && !URL.canParse(info.web)) report(`${path}.web`, 'uri_invalid', `网址“${info.web}”不是完整的URI`, `web "${info.web}" is not an absolute URI`)
    info.resources?.forEach((resource, i) => checkResource(`${path}.resources.${i}`, resource))
    info.areas?.forEach((area, i) => checkArea(`${path}.areas.${i}`, area))
  }

  function checkResource(path: string, resource: CapResource) {
    required(`${path}.resourceDesc`, resource.resourceDesc, '资源描述resourceDesc')
    required(`${path}.mimeType`, resource.mimeType, '媒体类型mimeType')
    if (resource.size !== undefined && !(Number.isSafeInteger(resource.size) && resource.size >= 0)) {
      report(`${path}.size`, 'size_invalid', '资源大小size应为非负整数（字节）', 'size must be a non-negative integer (bytes)')
    }
    if (resource.uri !== undefined && !URL.canParse(resource.uri)) report(`${path}.uri`, 'uri_invalid', `资源地址“${resource.uri}”不是完整的URI`, `uri "${resource.uri}" is not an absolute URI`)
    if (resource.derefUri !== undefined && !base64Pattern.test(resource.derefUri)) report(`${path}.derefUri`, 'base64_invalid', 'derefUri应为Base64编码内容', 'derefUri must be base64 content')
    if (resource.digest !== undefined && !sha1Pattern.test(resource.digest)) report(`${path}.digest`, 'digest_invalid', 'digest应为40位十六进制SHA-1摘要', 'digest must be a 40-digit hexadecimal SHA-1 hash')
  }

  function checkArea(path: string, area: CapArea) {
    required(`${path}.areaDesc`, area.areaDesc, '区域描述areaDesc')
    area.polygons?.forEach((text, i) => {
      const parsed = parseCapPolygon(text)
      if (!parsed.ok) report(`${path}.polygons.${i}`, parsed.problem.code, parsed.problem.message, parsed.problem.messageEn)
    })
    area.circles?.forEach((text, i) => {
      const parsed = parseCapCircle(text)
      if (!parsed.ok) report(`${path}.circles.${i}`, parsed.problem.code, parsed.problem.message, parsed.problem.messageEn)
    })
    pairs(`${path}.geocodes`, area.geocodes)
    for (const key of ['altitude', 'ceiling'] as const) {
      if (area[key] !== undefined && !Number.isFinite(area[key])) report(`${path}.${key}`, 'number_invalid', `${key}应为数字`, `${key} must be a number`)
    }
    if (area.ceiling !== undefined && area.altitude === undefined) report(`${path}.ceiling`, 'ceiling_without_altitude', 'ceiling只能与altitude一起使用', 'ceiling may only be used together with altitude')
    if (area.ceiling !== undefined && area.altitude !== undefined && area.ceiling < area.altitude) {
      report(`${path}.ceiling`, 'ceiling_below_altitude', 'ceiling不能低于altitude', 'ceiling may not be below altitude')
    }
  }

  function checkCharacters(path: string, value: unknown) {
    if (typeof value === 'string') {
      if (xmlForbidden.test(value)) report(path, 'control_characters', `${path}含XML不允许的控制字符`, `${path} contains control characters XML does not allow`)
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => checkCharacters(path ? `${path}.${i}` : String(i), item))
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) checkCharacters(path ? `${path}.${key}` : key, item)
    }
  }
}
