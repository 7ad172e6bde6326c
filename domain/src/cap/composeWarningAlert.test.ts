import { describe, expect, it } from 'vitest'
import { formatWarningIdentifier } from './capIdentifier.ts'
import { composeWarningAlert, defaultWarningAlertConfig } from './composeWarningAlert.ts'
import { rainstormCancel, rainstorm as rainstormAlert, rainstormInput, rainstormUpdate } from './goldenAlerts.test-data.ts'
import { defaultHazardEvents, hazardEventKeys, hazardOfEventCodes, withEventCodes } from './hazardEvents.ts'
import { validateCapAlert } from './validateCapAlert.ts'
import { warningLevelOfSeverity } from './warningLevels.ts'

describe('the four warning levels in CAP (突发事件应对法 四级预警; mapping per cap.md, NV → configuration)', () => {
  it.each([
    { level: 'red', colour: '红色', severity: 'Extreme', urgency: 'Immediate', certainty: 'Likely' },
    { level: 'orange', colour: '橙色', severity: 'Severe', urgency: 'Immediate', certainty: 'Likely' },
    { level: 'yellow', colour: '黄色', severity: 'Moderate', urgency: 'Expected', certainty: 'Likely' },
    { level: 'blue', colour: '蓝色', severity: 'Minor', urgency: 'Expected', certainty: 'Possible' },
  ] as const)('$colour预警 → $severity, $urgency, $certainty', ({ level, colour, severity, urgency, certainty }) => {
    const [zh] = composeWarningAlert({ ...rainstormInput, level }).infos
    expect(zh).toMatchObject({ severity, urgency, certainty, parameters: [{ valueName: '预警级别', value: colour }] })
    expect(warningLevelOfSeverity(severity)).toBe(level)
  })

  it('a deployment may configure another mapping', () => {
    const levels = { ...defaultWarningAlertConfig.levels, blue: { severity: 'Minor' as const, urgency: 'Future' as const, certainty: 'Unlikely' as const } }
    const [zh] = composeWarningAlert({ ...rainstormInput, level: 'blue' }, { ...defaultWarningAlertConfig, levels }).infos
    expect(zh).toMatchObject({ urgency: 'Future', certainty: 'Unlikely' })
  })

  it('an observed event overrides the level’s certainty', () => {
    expect(composeWarningAlert({ ...rainstormInput, certainty: 'Observed' }).infos[0]).toMatchObject({ certainty: 'Observed', severity: 'Severe' })
  })
})

describe('composed warnings', () => {
  it('zh-CN info first, en-US second, same codes and area geocodes', () => {
    expect(rainstormAlert).toMatchObject({ sent: '2026-06-21T10:20:00+08:00', status: 'Actual', msgType: 'Alert', scope: 'Public' })
    const [zh, en] = rainstormAlert.infos
    expect(zh).toMatchObject({
      language: 'zh-CN',
      event: '暴雨',
      categories: ['Met'],
      eventCodes: [{ valueName: 'YINGJI', value: 'rainstorm' }],
      onset: '2026-06-21T11:00:00+08:00',
      expires: '2026-06-21T22:20:00+08:00',
      headline: '乐平市应急管理局发布暴雨橙色预警',
      areas: [{ areaDesc: '乐平市塔山街道、洎阳街道', geocodes: [{ valueName: 'GB/T 2260', value: '360281001000' }, { valueName: 'GB/T 2260', value: '360281002000' }] }],
    })
    expect(en).toMatchObject({
      language: 'en-US',
      event: 'Rainstorm',
      headline: 'Orange rainstorm warning issued by Leping Emergency Management Bureau',
      parameters: [{ valueName: '预警级别', value: 'Orange' }],
      areas: [{ areaDesc: 'Tashan and Jiyang subdistricts, Leping' }],
    })
  })

  it('English is optional: without an English description there is one zh-CN block', () => {
    const alert = composeWarningAlert({ ...rainstormInput, description: { zh: '暴雨' } })
    expect(alert.infos.map((info) => info.language)).toEqual(['zh-CN'])
  })

  it('Update and Cancel reference the original as sender,identifier,sent', () => {
    expect(rainstormUpdate).toMatchObject({ msgType: 'Update', references: 'yjj@leping.gov.cn,360281000000_20260621102000_0,2026-06-21T10:20:00+08:00' })
    expect(rainstormCancel.references!.split(' ')).toEqual([
      'yjj@leping.gov.cn,360281000000_20260621102000_0,2026-06-21T10:20:00+08:00',
      'yjj@leping.gov.cn,360281000000_20260621124000_0,2026-06-21T12:40:00+08:00',
    ])
    expect(validateCapAlert(rainstormUpdate)).toEqual([])
  })

  it('expiry before onset is caught when the alert is validated', () => {
    const alert = composeWarningAlert({ ...rainstormInput, onset: new Date('2026-06-21T15:00:00Z'), expires: new Date('2026-06-21T14:00:00Z') })
    expect(validateCapAlert(alert)).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'infos.0.expires', code: 'expires_before_start' })]))
  })
})

describe('hazard events (warnings.md, issue #5)', () => {
  it.each(hazardEventKeys.map((key) => ({ key, hazard: defaultHazardEvents[key] })))('$hazard.name.zh $hazard.name.en composes a valid alert', ({ key }) => {
    const alert = composeWarningAlert({ ...rainstormInput, hazard: key })
    expect(validateCapAlert(alert)).toEqual([])
    expect(hazardOfEventCodes(alert.infos[0]!.eventCodes!)?.key).toBe(key)
  })

  it.each([
    { key: 'rainstorm', zh: '暴雨', category: 'Met' },
    { key: 'flood', zh: '洪水', category: 'Met' },
    { key: 'geologicalHazard', zh: '地质灾害', category: 'Geo' },
    { key: 'forestFire', zh: '森林火险', category: 'Fire' },
    { key: 'hazmatLeak', zh: '危化品泄漏', category: 'CBRNE' },
  ] as const)('$zh is CAP category $category', ({ key, zh, category }) => {
    expect(defaultHazardEvents[key]).toMatchObject({ name: { zh }, categories: expect.arrayContaining([category]) })
  })

  it('national codes (GB/T 35561, NV) are added by configuration and recognised when received', () => {
    const hazards = withEventCodes(defaultHazardEvents, { flood: [{ valueName: 'GB/T 35561', value: 'configured-flood-code' }] })
    const alert = composeWarningAlert({ ...rainstormInput, hazard: 'flood' }, { ...defaultWarningAlertConfig, hazards })
    expect(alert.infos[0]!.eventCodes).toEqual([{ valueName: 'YINGJI', value: 'flood' }, { valueName: 'GB/T 35561', value: 'configured-flood-code' }])
    expect(hazardOfEventCodes([{ valueName: 'GB/T 35561', value: 'configured-flood-code' }], hazards)?.key).toBe('flood')
    expect(hazardOfEventCodes([{ valueName: 'SAME', value: 'CAE' }], hazards)).toBeNull()
  })
})

describe('warning identifier ZZZZZZDDDUUUXX_YYYYMMDDhhmmss_N (cap.md §6, V1)', () => {
  it('31 characters, area code from a 12-digit division code, Beijing time', () => {
    const id = formatWarningIdentifier({ areaCode: '360281000000', sectorCode: '123', sent: new Date('2026-06-21T02:20:05Z'), sequence: 3 })
    expect(id).toBe('36028112300000_20260621102005_3')
    expect(id).toHaveLength(31)
  })

  it.each([{ areaCode: '3602', sectorCode: '123' }, { areaCode: '360281', sectorCode: '12' }, { areaCode: '360281', sectorCode: '123', sequence: 10 }])('refuses %o', (parts) => {
    expect(() => formatWarningIdentifier({ ...parts, sent: new Date() })).toThrow(RangeError)
  })
})
