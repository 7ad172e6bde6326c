import { describe, expect, it } from 'vitest'
import { buildCapAlert, CapAlertInvalidError } from './buildCapAlert.ts'
import { everyElement, goldenAlerts, landslide, rainstorm } from './goldenAlerts.test-data.ts'
import type { CapAlert, CapArea, CapInfo } from './types.ts'
import { validateCapAlert } from './validateCapAlert.ts'

const info = (changes: Partial<CapInfo>): CapAlert => ({ ...rainstorm, infos: [{ ...rainstorm.infos[0]!, ...changes }] })
const area = (changes: Partial<CapArea>): CapAlert => info({ areas: [{ areaDesc: '乐平市', ...changes }] })
const cancelOf = (references: string | undefined): CapAlert => ({ ...rainstorm, msgType: 'Cancel', references })

describe('valid alerts have no problems', () => {
  it.each(goldenAlerts)('$name', ({ alert }) => {
    expect(validateCapAlert(alert)).toEqual([])
  })
})

describe('CAP 1.2 §3.2 rules the schema cannot express', () => {
  it.each([
    { rule: 'identifier required', alert: { ...rainstorm, identifier: '' }, path: 'identifier', code: 'required' },
    { rule: 'identifier without spaces', alert: { ...rainstorm, identifier: 'LP 2026 001' }, path: 'identifier', code: 'forbidden_characters' },
    { rule: 'identifier without commas', alert: { ...rainstorm, identifier: 'LP,001' }, path: 'identifier', code: 'forbidden_characters' },
    { rule: 'identifier without <', alert: { ...rainstorm, identifier: 'LP<001' }, path: 'identifier', code: 'forbidden_characters' },
    { rule: 'sender without &', alert: { ...rainstorm, sender: 'yjj&sw@leping' }, path: 'sender', code: 'forbidden_characters' },
    { rule: 'sent with a time zone', alert: { ...rainstorm, sent: '2026-06-21T10:20:00' }, path: 'sent', code: 'date_time_invalid' },
    { rule: 'sent without Z (UTC is -00:00)', alert: { ...rainstorm, sent: '2026-06-21T02:20:00Z' }, path: 'sent', code: 'date_time_invalid' },
    { rule: 'sent a real date', alert: { ...rainstorm, sent: '2026-02-30T10:20:00+08:00' }, path: 'sent', code: 'date_time_invalid' },
    { rule: 'Yingji writes Beijing time', alert: { ...rainstorm, sent: '2026-06-21T02:20:00-00:00' }, path: 'sent', code: 'time_zone_not_allowed' },
    { rule: 'status from the enumeration', alert: { ...rainstorm, status: 'Live' as never }, path: 'status', code: 'not_allowed' },
    { rule: 'scope Restricted needs restriction', alert: { ...rainstorm, scope: 'Restricted' as const }, path: 'restriction', code: 'required' },
    { rule: 'scope Private needs addresses', alert: { ...rainstorm, scope: 'Private' as const }, path: 'addresses', code: 'required' },
    { rule: 'msgType Error needs a note', alert: { ...cancelOf(`${rainstorm.sender},${rainstorm.identifier},${rainstorm.sent}`), msgType: 'Error' as const }, path: 'note', code: 'required' },
    { rule: 'Update needs references', alert: { ...rainstorm, msgType: 'Update' as const }, path: 'references', code: 'required' },
    { rule: 'Cancel needs references', alert: cancelOf(undefined), path: 'references', code: 'required' },
    { rule: 'references are sender,identifier,sent', alert: cancelOf(`${rainstorm.sender},${rainstorm.identifier}`), path: 'references', code: 'references_malformed' },
    { rule: 'a reference’s sent is a dateTime', alert: cancelOf(`${rainstorm.sender},${rainstorm.identifier},yesterday`), path: 'references', code: 'references_malformed' },
    { rule: 'a referenced message is earlier', alert: cancelOf(`${rainstorm.sender},x,2026-06-22T00:00:00+08:00`), path: 'references', code: 'reference_after_sent' },
    { rule: 'an Alert has an info block', alert: { ...rainstorm, infos: [] }, path: 'infos', code: 'info_required' },
    { rule: 'XML cannot carry control characters', alert: { ...rainstorm, note: 'bell\u0007' }, path: 'note', code: 'control_characters' },
  ])('$rule', ({ alert, path, code }) => {
    expect(validateCapAlert(alert)).toEqual([expect.objectContaining({ path, code })])
  })
})

describe('info, resource and area rules', () => {
  it.each([
    { rule: 'language is an RFC 3066 code', alert: info({ language: 'zh_CN' }), path: 'infos.0.language', code: 'language_invalid' },
    { rule: 'at least one category', alert: info({ categories: [] }), path: 'infos.0.categories', code: 'required' },
    { rule: 'event required', alert: info({ event: ' ' }), path: 'infos.0.event', code: 'required' },
    { rule: 'urgency from the enumeration', alert: info({ urgency: 'Now' as never }), path: 'infos.0.urgency', code: 'not_allowed' },
    { rule: 'certainty "Very Likely" was dropped after CAP 1.0', alert: info({ certainty: 'Very Likely' as never }), path: 'infos.0.certainty', code: 'not_allowed' },
    { rule: 'expiry after onset', alert: info({ onset: '2026-06-21T15:00:00+08:00', expires: '2026-06-21T14:00:00+08:00' }), path: 'infos.0.expires', code: 'expires_before_start' },
    { rule: 'expiry after sent', alert: info({ onset: undefined, expires: '2026-06-21T10:00:00+08:00' }), path: 'infos.0.expires', code: 'expires_before_start' },
    { rule: 'expires in Beijing time', alert: info({ expires: '2026-06-21T14:20:00+09:00' }), path: 'infos.0.expires', code: 'time_zone_not_allowed' },
    { rule: 'web is an absolute URI', alert: info({ web: '/public/warnings/1' }), path: 'infos.0.web', code: 'uri_invalid' },
    { rule: 'eventCode has a valueName', alert: info({ eventCodes: [{ valueName: '', value: 'x' }] }), path: 'infos.0.eventCodes.0.valueName', code: 'required' },
    { rule: 'resource needs mimeType', alert: info({ resources: [{ resourceDesc: 'map', mimeType: '' }] }), path: 'infos.0.resources.0.mimeType', code: 'required' },
    { rule: 'resource size in whole bytes', alert: info({ resources: [{ resourceDesc: 'map', mimeType: 'image/png', size: -1 }] }), path: 'infos.0.resources.0.size', code: 'size_invalid' },
    { rule: 'digest is SHA-1', alert: info({ resources: [{ resourceDesc: 'map', mimeType: 'image/png', digest: 'abc' }] }), path: 'infos.0.resources.0.digest', code: 'digest_invalid' },
    { rule: 'areaDesc required', alert: area({ areaDesc: '' }), path: 'infos.0.areas.0.areaDesc', code: 'required' },
    { rule: 'polygon closed', alert: area({ polygons: ['29,117 29.1,117 29.1,117.1 29,117.1'] }), path: 'infos.0.areas.0.polygons.0', code: 'polygon_not_closed' },
    { rule: 'polygon of ≥ 4 points', alert: area({ polygons: ['29,117 29.1,117 29,117'] }), path: 'infos.0.areas.0.polygons.0', code: 'polygon_too_few_points' },
    { rule: 'polygon does not cross itself', alert: area({ polygons: ['29,117 29.1,117.1 29.1,117 29,117.1 29,117'] }), path: 'infos.0.areas.0.polygons.0', code: 'polygon_self_intersecting' },
    { rule: 'polygon latitude within ±90', alert: area({ polygons: ['117,29 117.1,29 117.1,29.1 117,29'] }), path: 'infos.0.areas.0.polygons.0', code: 'latitude_out_of_range' },
    { rule: 'circle is "lat,lon radius"', alert: area({ circles: ['28.96,117.13'] }), path: 'infos.0.areas.0.circles.0', code: 'circle_malformed' },
    { rule: 'circle longitude within ±180', alert: area({ circles: ['28.96,217.13 5'] }), path: 'infos.0.areas.0.circles.0', code: 'longitude_out_of_range' },
    { rule: 'ceiling only with altitude', alert: area({ ceiling: 100 }), path: 'infos.0.areas.0.ceiling', code: 'ceiling_without_altitude' },
  ])('$rule', ({ alert, path, code }) => {
    expect(validateCapAlert(alert)).toEqual([expect.objectContaining({ path, code })])
  })

  it('lists every problem at once, each in Chinese and English', () => {
    const problems = validateCapAlert({ ...landslide, identifier: 'a b', msgType: 'Update', infos: [{ ...landslide.infos[0]!, severity: 'Red' as never }] })
    expect(problems.map((p) => p.path)).toEqual(['identifier', 'references', 'infos.0.severity'])
    expect(problems[1]).toMatchObject({ message: expect.stringContaining('引用'), messageEn: 'references is required' })
  })

  it('alerts from elsewhere may carry any offset when the caller allows it', () => {
    const pacific = { ...everyElement, sent: '2026-06-30T18:00:00-07:00', infos: [{ ...everyElement.infos[0]!, effective: undefined, onset: undefined }] }
    expect(validateCapAlert(pacific)).toEqual(expect.arrayContaining([expect.objectContaining({ code: 'time_zone_not_allowed' })]))
    expect(validateCapAlert(pacific, { timeZoneOffset: null })).toEqual([])
  })
})

describe('buildCapAlert refuses what it cannot emit', () => {
  it('throws CapAlertInvalidError carrying the problems', () => {
    const alert = { ...rainstorm, msgType: 'Cancel' as const }
    expect(() => buildCapAlert(alert)).toThrow(CapAlertInvalidError)
    expect(() => buildCapAlert(alert)).toThrow(/references: references is required/)
  })
})
