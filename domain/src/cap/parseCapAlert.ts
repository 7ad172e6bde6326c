/**
 * Reads a CAP 1.2 XML document into a `CapAlert`, or lists everything wrong with it: XML that is
 * not well-formed, a root that is not a CAP 1.2 `alert`, missing, repeated or unknown elements,
 * values outside the enumerations, and the rules of `validateCapAlert`. fast-xml-parser checks
 * well-formedness only; element order is not checked here (the XSD does that in tests).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { compact } from './compact.ts'
import { validateCapAlert, type CapValidationOptions } from './validateCapAlert.ts'
import {
  capNamespace, type CapAlert, type CapArea, type CapCategory, type CapCertainty, type CapInfo, type CapMsgType, type CapProblem,
  type CapResource, type CapResponseType, type CapScope, type CapSeverity, type CapStatus, type CapUrgency, type CapValuePair,
} from './types.ts'

export type ParsedCapAlert = { ok: true; alert: CapAlert } | { ok: false; problems: CapProblem[] }

type XmlNode = { [name: string]: unknown }

const repeatable = new Set(['code', 'info', 'category', 'responseType', 'eventCode', 'parameter', 'resource', 'area', 'polygon', 'circle', 'geocode'])
const localName = (tag: string) => tag.slice(tag.indexOf(':') + 1)

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (tagName) => repeatable.has(localName(tagName)),
})

const allowed = {
  alert: ['identifier', 'sender', 'sent', 'status', 'msgType', 'source', 'scope', 'restriction', 'addresses', 'code', 'note', 'references', 'incidents', 'info'],
  info: ['language', 'category', 'event', 'responseType', 'urgency', 'severity', 'certainty', 'audience', 'eventCode', 'effective', 'onset', 'expires',
    'senderName', 'headline', 'description', 'instruction', 'web', 'contact', 'parameter', 'resource', 'area'],
  resource: ['resourceDesc', 'mimeType', 'size', 'uri', 'derefUri', 'digest'],
  area: ['areaDesc', 'polygon', 'circle', 'geocode', 'altitude', 'ceiling'],
  pair: ['valueName', 'value'],
}

/** Options for alerts received from elsewhere: any time-zone offset is accepted by default. */
export function parseCapAlert(xml: string, options: CapValidationOptions = { timeZoneOffset: null }): ParsedCapAlert {
  // CAP needs no document type; refusing one keeps entity expansion out of received alerts.
  if (/<!DOCTYPE/i.test(xml)) {
    return { ok: false, problems: [{ path: '', code: 'doctype_not_allowed', message: 'CAP文档不能包含DOCTYPE声明', messageEn: 'A CAP document may not contain a DOCTYPE declaration' }] }
  }
  const wellFormed = XMLValidator.validate(xml)
  if (wellFormed !== true) {
    const { msg, line, col } = wellFormed.err
    return { ok: false, problems: [{ path: '', code: 'xml_malformed', message: `XML格式错误（第${line}行第${col}列）：${msg}`, messageEn: `Malformed XML at line ${line}, column ${col}: ${msg}` }] }
  }
  const document = parser.parse(xml) as XmlNode
  const rootTag = Object.keys(document).find((tag) => !tag.startsWith('?') && !tag.startsWith('#'))
  const prefix = rootTag?.includes(':') ? rootTag.slice(0, rootTag.indexOf(':')) : ''
  const root = rootTag ? document[rootTag] : undefined
  const declared = root && typeof root === 'object' ? (root as XmlNode)[prefix ? `@_xmlns:${prefix}` : '@_xmlns'] : undefined
  if (!rootTag || localName(rootTag) !== 'alert' || declared !== capNamespace || Array.isArray(root)) {
    return { ok: false, problems: [{ path: '', code: 'not_cap_alert', message: `根元素不是CAP 1.2 alert（命名空间 ${capNamespace}）`, messageEn: `The root element is not a CAP 1.2 alert (namespace ${capNamespace})` }] }
  }

  const problems: CapProblem[] = []
  const tag = (name: string) => (prefix ? `${prefix}:${name}` : name)
  const report = (path: string, code: string, message: string, messageEn: string) => problems.push({ path, code, message, messageEn })

  /** Flags elements CAP does not define here (other namespaces, e.g. an XML signature, pass). */
  const onlyKnown = (node: XmlNode, path: string, names: readonly string[]) => {
    for (const key of Object.keys(node)) {
      if (key.startsWith('@_') || key === '#text') continue
      const inCap = prefix ? key.startsWith(`${prefix}:`) : !key.includes(':')
      if (inCap && !names.includes(localName(key))) report(path ? `${path}.${localName(key)}` : localName(key), 'unknown_element', `未知元素<${localName(key)}>`, `Unknown element <${localName(key)}>`)
    }
  }
  const texts = (node: XmlNode, name: string, path: string): string[] => {
    const value = node[tag(name)]
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value]
    return list.flatMap((item, i) => {
      if (typeof item === 'string') return [item]
      report(`${path}.${i}`, 'not_text', `<${name}>应只含文本`, `<${name}> must hold text only`)
      return []
    })
  }
  const text = (node: XmlNode, name: string, path: string, required = false): string | undefined => {
    const value = node[tag(name)]
    if (Array.isArray(value)) {
      report(path, 'repeated_element', `<${name}>只能出现一次`, `<${name}> may appear only once`)
      return undefined
    }
    if (value === undefined) {
      if (required) report(path, 'required', `缺少必填元素<${name}>`, `Required element <${name}> is missing`)
      return undefined
    }
    if (typeof value !== 'string') {
      report(path, 'not_text', `<${name}>应只含文本`, `<${name}> must hold text only`)
      return undefined
    }
    return value
  }
  const number = (node: XmlNode, name: string, path: string, integer: boolean): number | undefined => {
    const value = text(node, name, path)
    if (value === undefined) return undefined
    const pattern = integer ? /^[-+]?\d+$/ : /^[-+]?(\d+(\.\d*)?|\.\d+)$/
    if (!pattern.test(value)) {
      report(path, 'number_invalid', `<${name}>“${value}”不是${integer ? '整数' : '数字'}`, `<${name}> "${value}" is not ${integer ? 'an integer' : 'a decimal number'}`)
      return undefined
    }
    return Number(value)
  }
  const nodes = (node: XmlNode, name: string, path: string): XmlNode[] => {
    const value = node[tag(name)]
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value]
    return list.map((item, i) => {
      if (item && typeof item === 'object') return item as XmlNode
      report(`${path}.${i}`, 'not_element', `<${name}>应包含子元素`, `<${name}> must hold child elements`)
      return {}
    })
  }
  const pairs = (node: XmlNode, name: string, path: string): CapValuePair[] | undefined => {
    const list = nodes(node, name, path).map((pair, i) => {
      onlyKnown(pair, `${path}.${i}`, allowed.pair)
      return { valueName: text(pair, 'valueName', `${path}.${i}.valueName`, true) ?? '', value: text(pair, 'value', `${path}.${i}.value`, true) ?? '' }
    })
    return list.length > 0 ? list : undefined
  }
  const optionalList = <T>(list: T[]) => (list.length > 0 ? list : undefined)

  const readResource = (node: XmlNode, path: string): CapResource => {
    onlyKnown(node, path, allowed.resource)
    return compact({
      resourceDesc: text(node, 'resourceDesc', `${path}.resourceDesc`, true) ?? '',
      mimeType: text(node, 'mimeType', `${path}.mimeType`, true) ?? '',
      size: number(node, 'size', `${path}.size`, true),
      uri: text(node, 'uri', `${path}.uri`),
      derefUri: text(node, 'derefUri', `${path}.derefUri`),
      digest: text(node, 'digest', `${path}.digest`),
    })
  }
  const readArea = (node: XmlNode, path: string): CapArea => {
    onlyKnown(node, path, allowed.area)
    return compact({
      areaDesc: text(node, 'areaDesc', `${path}.areaDesc`, true) ?? '',
      polygons: optionalList(texts(node, 'polygon', `${path}.polygons`)),
      circles: optionalList(texts(node, 'circle', `${path}.circles`)),
      geocodes: pairs(node, 'geocode', `${path}.geocodes`),
      altitude: number(node, 'altitude', `${path}.altitude`, false),
      ceiling: number(node, 'ceiling', `${path}.ceiling`, false),
    })
  }
  const readInfo = (node: XmlNode, path: string): CapInfo => {
    onlyKnown(node, path, allowed.info)
    const categories = texts(node, 'category', `${path}.categories`)
    if (categories.length === 0) report(`${path}.categories`, 'required', '缺少必填元素<category>', 'Required element <category> is missing')
    return compact({
      language: text(node, 'language', `${path}.language`),
      categories: categories as CapCategory[],
      event: text(node, 'event', `${path}.event`, true) ?? '',
      responseTypes: optionalList(texts(node, 'responseType', `${path}.responseTypes`) as CapResponseType[]),
      urgency: (text(node, 'urgency', `${path}.urgency`, true) ?? 'Unknown') as CapUrgency,
      severity: (text(node, 'severity', `${path}.severity`, true) ?? 'Unknown') as CapSeverity,
      certainty: (text(node, 'certainty', `${path}.certainty`, true) ?? 'Unknown') as CapCertainty,
      audience: text(node, 'audience', `${path}.audience`),
      eventCodes: pairs(node, 'eventCode', `${path}.eventCodes`),
      effective: text(node, 'effective', `${path}.effective`),
      onset: text(node, 'onset', `${path}.onset`),
      expires: text(node, 'expires', `${path}.expires`),
      senderName: text(node, 'senderName', `${path}.senderName`),
      headline: text(node, 'headline', `${path}.headline`),
      description: text(node, 'description', `${path}.description`),
      instruction: text(node, 'instruction', `${path}.instruction`),
      web: text(node, 'web', `${path}.web`),
      contact: text(node, 'contact', `${path}.contact`),
      parameters: pairs(node, 'parameter', `${path}.parameters`),
      resources: optionalList(nodes(node, 'resource', `${path}.resources`).map((child, i) => readResource(child, `${path}.resources.${i}`))),
      areas: optionalList(nodes(node, 'area', `${path}.areas`).map((child, i) => readArea(child, `${path}.areas.${i}`))),
    })
  }

  const node = root as XmlNode
  onlyKnown(node, '', allowed.alert)
  const alert: CapAlert = compact({
    identifier: text(node, 'identifier', 'identifier', true) ?? '',
    sender: text(node, 'sender', 'sender', true) ?? '',
    sent: text(node, 'sent', 'sent', true) ?? '',
    status: (text(node, 'status', 'status', true) ?? 'Actual') as CapStatus,
    msgType: (text(node, 'msgType', 'msgType', true) ?? 'Alert') as CapMsgType,
    source: text(node, 'source', 'source'),
    scope: (text(node, 'scope', 'scope', true) ?? 'Public') as CapScope,
    restriction: text(node, 'restriction', 'restriction'),
    addresses: text(node, 'addresses', 'addresses'),
    codes: optionalList(texts(node, 'code', 'codes')),
    note: text(node, 'note', 'note'),
    references: text(node, 'references', 'references'),
    incidents: text(node, 'incidents', 'incidents'),
    infos: nodes(node, 'info', 'infos').map((child, i) => readInfo(child, `infos.${i}`)),
  })
  // An element already reported as missing or malformed would only be repeated by the validator.
  const reported = new Set(problems.map((p) => p.path))
  problems.push(...validateCapAlert(alert, options).filter((p) => !reported.has(p.path)))
  return problems.length > 0 ? { ok: false, problems } : { ok: true, alert }
}
