import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs } from '../../testing/session.ts'
import { ingest, monitoringTestApp, registerDevice, waitFor, type MonitoringTestApp } from './testSupport.ts'

describe('monitoring devices', () => {
  let t: MonitoringTestApp
  beforeAll(async () => { t = await monitoringTestApp() })
  afterAll(async () => { await t?.close() })

  it('lists the device types with their metrics and units', async () => {
    const res = await t.app.inject({ url: '/api/monitoring/device-types', headers: t.admin })
    expect(res.statusCode).toBe(200)
    const types = res.json<{ type: string; metrics: { metric: string; unit: string }[] }[]>()
    expect(types.map((x) => x.type)).toEqual(['rain_gauge', 'water_level', 'gas_lel', 'toxic_gas', 'tank', 'tailings_pond', 'gnss', 'weather', 'video_ai'])
    expect(types.find((x) => x.type === 'tank')!.metrics.map((m) => `${m.metric} ${m.unit}`)).toEqual(['temperature_c °C', 'pressure_mpa MPa', 'level_pct %'])
  })

  it('is in the OpenAPI document, ingest included', async () => {
    const res = await t.app.inject({ url: '/api/openapi.json' })
    expect(res.statusCode).toBe(200)
    expect(Object.keys(res.json<{ paths: object }>().paths)).toEqual(expect.arrayContaining(['/api/ingest/readings', '/api/monitoring/devices', '/api/monitoring/alarms/{id}/acknowledge']))
  })

  it('shows the machine key once, stores only its hash, and audits the registration', async () => {
    const device = await registerDevice(t, { type: 'water_level', name: '乐安河水位站', params: { warningLevelM: 27.5, guaranteedLevelM: 29 } })
    expect(device.apiKey).toMatch(/^yjd_/)
    const detail = await t.app.inject({ url: `/api/monitoring/devices/${device.id}`, headers: t.admin })
    expect(detail.statusCode).toBe(200)
    const body = detail.json<Record<string, unknown> & { rules: { id: string; levels: { level: string; when: { value: number } }[] }[] }>()
    expect(body).not.toHaveProperty('apiKey')
    expect(body).toMatchObject({ status: 'never', alarmLevel: null, divisionCode: '360281100000' })
    const flood = body.rules.find((r) => r.id === 'water_level.flood')!
    expect(flood.levels.map((l) => [l.level, l.when.value])).toEqual([['yellow', 27.5], ['orange', 29]])
    expect(JSON.stringify(body)).not.toContain(device.apiKey)
    const audit = await t.app.inject({ url: '/api/auth/audit?entity=monitoring.device', headers: t.admin })
    expect(audit.body).toContain(device.id)
    expect(audit.body).not.toContain(device.apiKey)
  })

  it('refuses a duplicate code (409), an unknown type (400 body.type) and a bad rule override (400)', async () => {
    const device = await registerDevice(t)
    const again = await t.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: t.admin,
      payload: { code: device.code, type: 'rain_gauge', name: 'x', divisionCode: '360281100', location: { lon: 117.2, lat: 29 } } })
    expect(again.statusCode).toBe(409)
    const badType = await t.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: t.admin,
      payload: { code: 'X-1', type: 'volcano', name: 'x', divisionCode: '360281100', location: { lon: 117.2, lat: 29 } } })
    expect(badType.statusCode).toBe(400)
    expect(badType.json().error.field).toBe('body.type')
    const badRule = await t.app.inject({ method: 'PATCH', url: `/api/monitoring/devices/${device.id}`, headers: t.admin, payload: { ruleOverride: { rules: { 'no.such.rule': { disabled: true } } } } })
    expect(badRule.statusCode).toBe(400)
    expect(badRule.json().error.code).toBe('invalid_rule_override')
  })

  it('applies a per-device override: a rule switched off disappears from the effective rules', async () => {
    const device = await registerDevice(t)
    const res = await t.app.inject({ method: 'PATCH', url: `/api/monitoring/devices/${device.id}`, headers: t.admin, payload: { ruleOverride: { rules: { 'rain_gauge.no_data': { disabled: true } } }, name: '改名' } })
    expect(res.statusCode).toBe(200)
    expect(res.json<{ name: string; rules: { id: string }[] }>()).toMatchObject({ name: '改名' })
    expect(res.json<{ rules: { id: string }[] }>().rules.map((r) => r.id)).toEqual(['rain_gauge.rainstorm'])
  })

  it('scopes lists by jurisdiction: a township officer elsewhere sees none of 镇桥镇 devices and cannot register there', async () => {
    await registerDevice(t)
    const other = (await loginAs(t.app, t.platform, { role: 'township', jurisdiction: '360281101' })).headers
    const list = await t.app.inject({ url: '/api/monitoring/devices?pageSize=200', headers: other })
    expect(list.statusCode).toBe(200)
    expect(list.json<{ items: { divisionCode: string }[] }>().items.filter((d) => d.divisionCode.startsWith('360281100'))).toEqual([])
    const mine = (await loginAs(t.app, t.platform, { role: 'township', jurisdiction: '360281100' })).headers
    const own = await t.app.inject({ url: '/api/monitoring/devices?pageSize=200', headers: mine })
    expect(own.json<{ total: number }>().total).toBeGreaterThan(0)
    const dept = (await loginAs(t.app, t.platform, { role: 'department', jurisdiction: '360281101' })).headers
    const refused = await t.app.inject({ method: 'POST', url: '/api/monitoring/devices', headers: dept,
      payload: { code: 'X-2', type: 'rain_gauge', name: 'x', divisionCode: '360281100', location: { lon: 117.2, lat: 29 } } })
    expect(refused.statusCode).toBe(403)
    const map = await t.app.inject({ url: '/api/monitoring/devices/map', headers: mine })
    expect(map.json<{ features: { properties: { status: string } }[] }>().features.length).toBeGreaterThan(0)
  })
})

describe('enterprise users', () => {
  let t: MonitoringTestApp
  beforeAll(async () => { t = await monitoringTestApp() })
  afterAll(async () => { await t?.close() })

  it('see only their own enterprise devices and alarms', async () => {
    const enterpriseId = '11111111-1111-4111-8111-111111111111'
    const own = await registerDevice(t, { type: 'gas_lel', name: '本企业可燃气体探测器', divisionCode: '360281401', enterpriseId })
    const other = await registerDevice(t, { type: 'gas_lel', name: '他企业可燃气体探测器', divisionCode: '360281401' })
    for (const d of [own, other]) {
      await ingest(t, d.apiKey, [{ metric: 'lel_pct', ts: Date.now() - 1000, value: 60 }])
    }
    await waitFor(async () => (await t.app.inject({ url: '/api/monitoring/alarms', headers: t.admin })).json<{ items: { deviceId: string }[] }>().items.filter((a) => a.deviceId === own.id || a.deviceId === other.id).length === 2)
    const user = (await loginAs(t.app, t.platform, { role: 'enterprise', enterpriseId })).headers
    const devices = (await t.app.inject({ url: '/api/monitoring/devices?pageSize=500', headers: user })).json<{ items: { id: string }[] }>().items
    expect(devices.map((d) => d.id)).toEqual([own.id])
    const alarms = (await t.app.inject({ url: '/api/monitoring/alarms', headers: user })).json<{ items: { deviceId: string; level: string }[] }>().items
    expect(alarms.map((a) => [a.deviceId, a.level])).toEqual([[own.id, 'red']])
    expect((await t.app.inject({ url: `/api/monitoring/devices/${other.id}`, headers: user })).statusCode).toBe(404)
  })
})
