/**
 * A CAP 1.2 alert as XML, elements in the order the schema's sequences require. An alert that
 * breaks a CAP rule is a programmer error here (authoring validates first with
 * `validateCapAlert`), so it throws rather than emit a document others would reject.
 */
import { XMLBuilder } from 'fast-xml-parser'
import { validateCapAlert, type CapValidationOptions } from './validateCapAlert.ts'
import { capNamespace, type CapAlert, type CapArea, type CapInfo, type CapProblem, type CapResource, type CapValuePair } from './types.ts'

export class CapAlertInvalidError extends Error {
  constructor(readonly problems: CapProblem[]) {
    super(`CAP alert invalid: ${problems.map((p) => `${p.path}: ${p.messageEn}`).join('; ')}`)
    this.name = 'CapAlertInvalidError'
  }
}

type XmlNode = { [name: string]: string | number | XmlNode | (string | XmlNode)[] }

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, indentBy: '  ', processEntities: true })

/** Drops absent and empty-list elements, keeping the order the entries are given in. */
function element(entries: [string, string | number | XmlNode | (string | XmlNode)[] | undefined][]): XmlNode {
  const node: XmlNode = {}
  for (const [name, value] of entries) {
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    node[name] = value
  }
  return node
}

const pairs = (list: readonly CapValuePair[] | undefined) => list?.map((pair) => element([['valueName', pair.valueName], ['value', pair.value]]))

const resourceNode = (resource: CapResource) =>
  element([
    ['resourceDesc', resource.resourceDesc],
    ['mimeType', resource.mimeType],
    ['size', resource.size],
    ['uri', resource.uri],
    ['derefUri', resource.derefUri],
    ['digest', resource.digest],
  ])

const areaNode = (area: CapArea) =>
  element([
    ['areaDesc', area.areaDesc],
    ['polygon', area.polygons],
    ['circle', area.circles],
    ['geocode', pairs(area.geocodes)],
    ['altitude', area.altitude],
    ['ceiling', area.ceiling],
  ])

const infoNode = (info: CapInfo) =>
  element([
    ['language', info.language],
    ['category', info.categories],
    ['event', info.event],
    ['responseType', info.responseTypes],
    ['urgency', info.urgency],
    ['severity', info.severity],
    ['certainty', info.certainty],
    ['audience', info.audience],
    ['eventCode', pairs(info.eventCodes)],
    ['effective', info.effective],
    ['onset', info.onset],
    ['expires', info.expires],
    ['senderName', info.senderName],
    ['headline', info.headline],
    ['description', info.description],
    ['instruction', info.instruction],
    ['web', info.web],
    ['contact', info.contact],
    ['parameter', pairs(info.parameters)],
    ['resource', info.resources?.map(resourceNode)],
    ['area', info.areas?.map(areaNode)],
  ])

/** The alert as a UTF-8 XML document; throws `CapAlertInvalidError` when it breaks a CAP rule. */
export function buildCapAlert(alert: CapAlert, options: CapValidationOptions = {}): string {
  const problems = validateCapAlert(alert, options)
  if (problems.length > 0) throw new CapAlertInvalidError(problems)
  const root = element([
    ['@_xmlns', capNamespace],
    ['identifier', alert.identifier],
    ['sender', alert.sender],
    ['sent', alert.sent],
    ['status', alert.status],
    ['msgType', alert.msgType],
    ['source', alert.source],
    ['scope', alert.scope],
    ['restriction', alert.restriction],
    ['addresses', alert.addresses],
    ['code', alert.codes],
    ['note', alert.note],
    ['references', alert.references],
    ['incidents', alert.incidents],
    ['info', alert.infos.map(infoNode)],
  ])
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build({ alert: root })}`
}
