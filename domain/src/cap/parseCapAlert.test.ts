import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildCapAlert } from './buildCapAlert.ts'
import { rainstorm } from './goldenAlerts.test-data.ts'
import { parseCapAlert } from './parseCapAlert.ts'

const specExample = readFileSync(new URL('../../../server/test-fixtures/cap/example-amber-alert.xml', import.meta.url), 'utf8')

describe('CAP 1.2 specification example (Appendix A, AMBER alert)', () => {
  it('reads every element of the example, both language blocks', () => {
    const parsed = parseCapAlert(specExample)
    expect(parsed.ok).toBe(true)
    if (!parsed.ok) return
    const { alert } = parsed
    expect({ ...alert, infos: undefined }).toEqual({
      identifier: 'KAR0-0306112239-SW',
      sender: 'KARO@CLETS.DOJ.CA.GOV',
      sent: '2003-06-11T22:39:00-07:00',
      status: 'Actual',
      msgType: 'Alert',
      source: 'SW',
      scope: 'Public',
      infos: undefined,
    })
    expect(alert.infos).toHaveLength(2)
    expect(alert.infos[0]).toEqual({
      language: 'en-US',
      categories: ['Rescue'],
      event: 'Child Abduction',
      urgency: 'Immediate',
      severity: 'Severe',
      certainty: 'Likely',
      eventCodes: [{ valueName: 'SAME', value: 'CAE' }],
      senderName: 'Los Angeles Police Dept - LAPD',
      headline: 'Amber Alert in Los Angeles County',
      description: expect.stringMatching(/^DATE\/TIME: 06\/11\/03, 1915 HRS\. {2}VICTIM\(S\): KHAYRI DOE JR\..*VEHICLE: 81' BUICK 2-DR, BLUE \(4XXX000\)\.$/),
      contact: 'DET. SMITH, 77TH DIV, LOS ANGELES POLICE DEPT-LAPD AT 213 485-2389',
      areas: [{ areaDesc: 'Los Angeles County', geocodes: [{ valueName: 'SAME', value: '006037' }] }],
    })
    expect(alert.infos[0]!.description).toContain(`BLK/BRO 3'0", 40 LBS.`)
    expect(alert.infos[1]).toMatchObject({
      language: 'es-US',
      event: 'Abducción de Niño',
      senderName: 'Departamento de Policía de Los Ángeles - LAPD',
      areas: [{ areaDesc: 'condado de Los Ángeles', geocodes: [{ valueName: 'SAME', value: '006037' }] }],
    })
  })

  it('with Yingji’s own profile (+08:00 only) the example’s Pacific time is reported, not silently accepted', () => {
    const parsed = parseCapAlert(specExample, { timeZoneOffset: '+08:00' })
    expect(parsed).toEqual({ ok: false, problems: [expect.objectContaining({ path: 'sent', code: 'time_zone_not_allowed' })] })
  })

  it('reads an alert whose CAP namespace carries a prefix', () => {
    const prefixed = specExample.replace('<alert xmlns = "urn', '<cap:alert xmlns:cap = "urn').replace('</alert>', '</cap:alert>').replace(/<(\/?)(?!cap:|\?)(\w+)>/g, '<$1cap:$2>')
    const parsed = parseCapAlert(prefixed)
    expect(parsed).toMatchObject({ ok: true, alert: { identifier: 'KAR0-0306112239-SW', infos: [{ event: 'Child Abduction' }, { event: 'Abducción de Niño' }] } })
  })
})

describe('bad documents are rejected with every reason', () => {
  const yingji = buildCapAlert(rainstorm)

  it.each([
    { why: 'not well-formed XML names the line', xml: '<alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>x</alert>', problems: [{ path: '', code: 'xml_malformed', messageEn: expect.stringMatching(/line 1/) }] },
    { why: 'a document type (entity expansion) is refused', xml: yingji.replace('<alert', '<!DOCTYPE alert [<!ENTITY x "xx">]><alert'), problems: [{ path: '', code: 'doctype_not_allowed' }] },
    { why: 'a CAP 1.1 alert is not a CAP 1.2 alert', xml: yingji.replace('cap:1.2', 'cap:1.1'), problems: [{ path: '', code: 'not_cap_alert' }] },
    { why: 'a root other than alert', xml: '<feed xmlns="urn:oasis:names:tc:emergency:cap:1.2"/>', problems: [{ path: '', code: 'not_cap_alert' }] },
    {
      why: 'missing sender and msgType are both listed',
      xml: yingji.replace(/\s*<sender>.*<\/sender>/, '').replace(/\s*<msgType>.*<\/msgType>/, ''),
      problems: [{ path: 'sender', code: 'required' }, { path: 'msgType', code: 'required' }],
    },
    { why: 'a severity outside the enumeration', xml: yingji.replaceAll('<severity>Severe</severity>', '<severity>Orange</severity>'), problems: [{ path: 'infos.0.severity', code: 'not_allowed' }, { path: 'infos.1.severity', code: 'not_allowed' }] },
    { why: 'an element CAP does not define', xml: yingji.replace('<scope>', '<colour>orange</colour><scope>'), problems: [{ path: 'colour', code: 'unknown_element' }] },
    { why: 'identifier given twice', xml: yingji.replace(/(<identifier>.*<\/identifier>)/, '$1$1'), problems: [{ path: 'identifier', code: 'repeated_element' }] },
    { why: 'an info without category', xml: yingji.replace('<category>Met</category>', ''), problems: [{ path: 'infos.0.categories', code: 'required' }] },
    {
      why: 'a resource size that is not an integer',
      xml: yingji.replace('<area>', '<resource><resourceDesc>map</resourceDesc><mimeType>image/png</mimeType><size>1.5</size></resource><area>'),
      problems: [{ path: 'infos.0.resources.0.size', code: 'number_invalid' }],
    },
    { why: 'an unclosed polygon', xml: yingji.replace('<areaDesc>乐平市塔山街道、洎阳街道</areaDesc>', '<areaDesc>x</areaDesc><polygon>29,117 29.1,117 29.1,117.1 29.05,117</polygon>'), problems: [{ path: 'infos.0.areas.0.polygons.0', code: 'polygon_not_closed' }] },
  ])('$why', ({ xml, problems }) => {
    expect(parseCapAlert(xml)).toEqual({ ok: false, problems: problems.map((problem) => expect.objectContaining(problem)) })
  })

  it('every problem speaks Chinese first and English second', () => {
    const parsed = parseCapAlert(yingji.replace('<status>Actual</status>', '<status>Real</status>'))
    expect(parsed).toEqual({ ok: false, problems: [{ path: 'status', code: 'not_allowed', message: expect.stringContaining('无效'), messageEn: expect.stringContaining('must be one of Actual, Exercise') }] })
  })
})
