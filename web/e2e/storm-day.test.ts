/**
 * The storm day (shared SCENARIO.md, steps 1–12) as one journey in real Chromium against one
 * running platform on the prepared embedded database: the duty officer (值班员), the commander
 * (指挥长) and 镇桥镇's township officer each at their own screen; the rain gauge reports over
 * MQTT with its device key and the river station over HTTP, as devices do; warnings go out
 * through an SMS gateway and a WeCom robot listening on local ports. Each step is its own test,
 * in order, sharing the day's state; a screenshot per step lands in test-artifacts/storm-*.png.
 */
import fs from 'node:fs'
import mqtt, { type MqttClient } from 'mqtt'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import { lepingDemoPlans } from '../../domain/src/plans/lepingDemoPlans.ts'
import { buildApp } from '../../server/src/http/app.ts'
import { stopSolver } from '../../server/src/modules/dispatch/planning/solver.ts'
import { startMqttIngest, telemetryTopic, type MqttIngest } from '../../server/src/modules/monitoring/mqtt.ts'
import { monitoringRuntime } from '../../server/src/modules/monitoring/runtime.ts'
import { docxText } from '../../server/src/modules/registry/places/core/zipEntry.ts'
import { startReceiver, type LocalReceiver } from '../../server/src/modules/warnings/channels/testing.ts'
import { configureDelivery } from '../../server/src/modules/warnings/delivery/settings.ts'
import { createTestPlatform, type TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, loginAs, type TestUser } from '../../server/src/testing/session.ts'
import { baseUrlOf, ensureWebBuilt, launchChromium, screenshotPath } from './browser.ts'
import { signIn, streamOpen, watchStreams, type Person } from './session.ts'

const zhenqiao = '360281100000'
const citySeat = '360281001000'
const floodPlanName = '乐平市防汛抗旱应急预案'
const minute = 60_000

/** The slice of maplibre's Map the test drives (the app exposes its maps to automation). */
interface ExposedMap {
  loaded(): boolean
  isMoving(): boolean
  areTilesLoaded(): boolean
  getSource(id: string): unknown
  querySourceFeatures(source: string): Array<{ properties: Record<string, unknown> }>
  jumpTo(options: { center: [number, number]; zoom: number }): void
  project(lngLat: [number, number]): { x: number; y: number }
}
type MapWindow = Window & Record<string, ExposedMap | undefined>
/** The chime: every oscillator note the page starts, with its frequency (recorded by `listenForChimes`). */
type ChimeWindow = Window & { __chimeNotes?: number[] }

/** Records the notes of the Web Audio chime (the product plays it through an OscillatorNode). */
const listenForChimes = () => {
  const notes: number[] = []
  ;(window as unknown as ChimeWindow).__chimeNotes = notes
  const start = OscillatorNode.prototype.start
  OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
    notes.push(this.frequency.value)
    return start.call(this, when)
  }
}

describe('the storm day in Chromium (SCENARIO steps 1–12)', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let broker: MqttIngest
  let smsGateway: LocalReceiver
  let wecomRobot: LocalReceiver
  let browser: Browser
  let baseUrl: string
  let admin: { cookie: string }
  let officerUser: TestUser
  let commanderUser: TestUser
  let townshipUser: TestUser
  let officer: Person
  let commander: Person
  let township: Person
  let gauge: { id: string; code: string; apiKey: string; location: [number, number] }
  let river: { id: string; apiKey: string }
  let device: MqttClient
  // What the day produces, step by step.
  let rainAlarmId = ''
  let warningId = ''
  let headline = ''
  let incidentId = ''
  let teamRows: string[] = []

  beforeAll(async () => {
    ensureWebBuilt()
    smsGateway = await startReceiver({ kind: 'sms' })
    wecomRobot = await startReceiver({ kind: 'webhook' })
    platform = await createTestPlatform()
    configureDelivery(platform, { sms: { gatewayUrl: smsGateway.url } })
    app = await buildApp(platform, { logger: false })
    // As `npm start` runs it (server/src/main.ts): the outbox hands issued warnings to delivery.
    platform.outbox.start()
    await app.listen({ port: 0, host: '127.0.0.1' })
    baseUrl = baseUrlOf(app.server.address())
    broker = await startMqttIngest(monitoringRuntime(platform), { port: 0, host: '127.0.0.1', log: () => {} })
    officerUser = await createTestUser(platform, { role: 'duty_officer', displayName: '赵值班' })
    commanderUser = await createTestUser(platform, { role: 'commander', displayName: '钱指挥' })
    townshipUser = await createTestUser(platform, { role: 'township', jurisdiction: '360281100', displayName: '孙镇长' })
    admin = (await loginAs(app, platform, { role: 'admin' })).headers
    // The SMS gateway reports each message delivered a moment after taking it, as gateways do
    // (delivery receipts to the platform's receipt route, with the gateway's API account).
    const gatewayAccount = (await loginAs(app, platform, { role: 'api_client' })).headers
    let receipts = Promise.resolve()
    smsGateway.onRequest = (request) => {
      const ids = ((request.body as { messages?: { id: string }[] }).messages ?? [request.body as { id: string }]).map((message) => message.id)
      receipts = receipts.then(async () => {
        for (const id of ids) {
          await fetch(`${baseUrl}/api/warnings/deliveries/receipts`, {
            method: 'POST', headers: { ...gatewayAccount, 'content-type': 'application/json' }, body: JSON.stringify({ id, status: 'delivered' }),
          }).catch(() => {})
        }
      })
    }
    await prepareTheWeek()
    browser = await launchChromium()
  }, 600_000)

  afterAll(async () => {
    await device?.endAsync()
    await stopSolver()
    await browser?.close()
    await broker?.close()
    await app?.close()
    await platform?.close()
    await smsGateway?.close()
    await wecomRobot?.close()
  })

  // A failed step leaves a picture of every person's screen.
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail' || task.fails) return
    const step = task.name.split('.')[0]
    for (const [who, person] of Object.entries({ officer, commander, township })) {
      await person?.page.screenshot({ path: screenshotPath(`failure-storm-${step}-${who}.png`) }).catch(() => {})
    }
  })

  const shoot = (page: Page, name: string) => page.screenshot({ animations: 'disabled', path: screenshotPath(`storm-${name}.png`) })
  const api = async <T>(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const response = await app.inject({ method, url, headers: admin, ...(payload ? { payload } : {}) })
    expect(response.statusCode, `${method} ${url}: ${response.body}`).toBeLessThan(300)
    return response.json<T>()
  }
  const placeOf = async (code: string): Promise<[number, number]> => {
    const division = await api<{ location: { lon: number; lat: number } }>('GET', `/api/divisions/${code}`)
    return [division.location.lon, division.location.lat]
  }

  /**
   * Before the storm, as the administrator sets it up: the gauge and the river station
   * registered (the gauge expecting a report every 2 h, so the six hours of rain it reports at
   * once below do not also read as a silent gauge); 镇桥镇's responsible person has a Yingji account (so warnings reach his 我的预警)
   * and the township's WeCom group robot posts to the robot listening here.
   */
  async function prepareTheWeek(): Promise<void> {
    const [lon, lat] = await placeOf(zhenqiao)
    gauge = {
      ...(await api<{ id: string; code: string; apiKey: string }>('POST', '/api/monitoring/devices', {
        code: 'ZQ-RAIN-STORM', type: 'rain_gauge', name: '镇桥镇雨量站', divisionCode: zhenqiao, location: { lon: lon + 0.012, lat: lat - 0.008 }, expectedIntervalS: 7200,
      })),
      location: [lon + 0.012, lat - 0.008],
    }
    river = await api<{ id: string; apiKey: string }>('POST', '/api/monitoring/devices', {
      code: 'LAH-WL-STORM', type: 'water_level', name: '乐安河镇桥水位站', divisionCode: zhenqiao,
      location: { lon: lon + 0.01, lat: lat + 0.006 }, expectedIntervalS: 900, params: { warningLevelM: 27.5, guaranteedLevelM: 29 },
    })
    const leaders = await api<{ items: { id: string; channels: string[] }[] }>('GET', `/api/warnings/subscribers?role=township_leader&divisionCode=${zhenqiao}&pageSize=50`)
    const person = leaders.items.find((s) => s.channels.includes('app'))
    const robot = leaders.items.find((s) => s.channels.includes('wecom'))
    expect(person && robot, 'the demo recipients of 镇桥镇').toBeTruthy()
    await api('PATCH', `/api/warnings/subscribers/${person!.id}`, { userId: townshipUser.id })
    await api('PATCH', `/api/warnings/subscribers/${robot!.id}`, { wecomWebhook: `${wecomRobot.url}/cgi-bin/webhook/send?key=zhenqiao` })
  }

  /** The gauge publishes its reports (rain since its previous report) at the given minutes before now, QoS 1. */
  async function rain(reports: [minutesAgo: number, mm: number][]): Promise<void> {
    device ??= await mqtt.connectAsync(`mqtt://127.0.0.1:${broker.port}`, { username: gauge.code, password: gauge.apiKey, reconnectPeriod: 0 })
    const now = Date.now()
    const readings = reports.map(([ago, mm]) => ({ metric: 'rainfall_mm', ts: new Date(now - ago * minute).toISOString(), value: mm }))
    // The broker acknowledges a QoS 1 message once the readings are stored.
    await device.publishAsync(telemetryTopic(gauge.code), JSON.stringify(readings), { qos: 1 })
  }

  const rainstormAlarms = async () => (await api<{ items: { id: string; level: string; ruleId: string }[] }>('GET', `/api/monitoring/alarms?deviceId=${gauge.id}`))
    .items.filter((alarm) => alarm.ruleId === 'rain_gauge.rainstorm')

  const mapOf = (page: Page, name: string) => ({
    settled: (timeout = 60_000) => page.waitForFunction((n) => {
      const map = (window as unknown as MapWindow)[n]
      return !!map && map.loaded() && !map.isMoving()
    }, name, { timeout }),
    jump: (center: [number, number], zoom: number) => page.evaluate(([n, c, z]) => (window as unknown as MapWindow)[n as string]!.jumpTo({ center: c as [number, number], zoom: z as number }), [name, center, zoom] as const),
    click: async (container: string, at: [number, number]) => {
      const box = (await page.getByTestId(container).boundingBox())!
      const p = await page.evaluate(([n, ll]) => (window as unknown as MapWindow)[n as string]!.project(ll as [number, number]), [name, at] as const)
      await page.mouse.click(box.x + p.x, box.y + p.y)
    },
  })

  /** Confirms a pop-up confirmation opened by `button` (opened again should a refresh of the page have closed it) until `done`. */
  async function confirmPopup(page: Page, button: string, done: () => Promise<boolean>): Promise<void> {
    const confirm = page.locator('.ant-popconfirm .ant-btn-primary:visible')
    await expect.poll(async () => {
      if (await done()) return true
      if (await confirm.count() === 0) await page.getByTestId(button).click({ timeout: 2_000 }).catch(() => {})
      await confirm.click({ timeout: 2_000 }).catch(() => {})
      await page.waitForTimeout(500)
      return done()
    }, { timeout: 60_000, interval: 250 }).toBe(true)
  }

  it('1. rain arrives over MQTT: the gauge shows on the monitoring map, green, then yellow', { timeout: 180_000 }, async () => {
    officer = await signIn(browser, baseUrl, officerUser, { initScripts: [watchStreams, listenForChimes], acceptDownloads: true })
    commander = await signIn(browser, baseUrl, commanderUser, { initScripts: [watchStreams] })
    township = await signIn(browser, baseUrl, townshipUser)
    const page = officer.page
    await page.getByRole('menuitem', { name: /监测预警/ }).click()
    await page.waitForURL('**/monitoring/map')
    await streamOpen(page, '/api/monitoring')
    const map = mapOf(page, '__yingjiMap')
    await map.settled()
    await map.jump(gauge.location, 12.5)

    // 30 mm over five hours: no band reached.
    await rain([[330, 8], [300, 10], [270, 12]])
    const deviceLevel = () => page.evaluate(() => {
      const m = (window as unknown as MapWindow).__yingjiMap
      const feature = m?.querySourceFeatures('monitoring-devices').find((f) => f.properties.code === 'ZQ-RAIN-STORM' || f.properties.name === '镇桥镇雨量站')
      return feature ? String(feature.properties.alarmLevel ?? 'none') : null
    })
    await expect.poll(deviceLevel, { timeout: 30_000 }).not.toBeNull()
    expect(await deviceLevel()).toMatch(/none|null|undefined|green/)
    await map.settled()
    await shoot(page, '01a-rain-green')

    // 22 mm more, four hours ago: 52 mm in 6 h, the yellow band (暴雨黄色: ≥ 50 mm in 6 h).
    await rain([[240, 10], [210, 12]])
    await expect.poll(deviceLevel, { timeout: 60_000 }).toBe('yellow')
    const notice = page.locator('[data-testid="alarm-notification"][data-level="yellow"]')
    await notice.waitFor({ timeout: 60_000 })
    await map.settled()
    await shoot(page, '01b-rain-yellow')
  })

  it('2. 52 mm in under 3 h: the same alarm turns orange, the duty officer is chimed and notified, and acknowledges it with a comment', { timeout: 180_000 }, async () => {
    const page = officer.page
    const before = (await page.evaluate(() => (window as unknown as ChimeWindow).__chimeNotes?.length ?? 0))
    await rain([[150, 16], [90, 18], [30, 18]])
    const notice = page.locator('[data-testid="alarm-notification"][data-level="orange"]')
    await notice.waitFor({ timeout: 60_000 })
    const card = page.locator('.ant-notification-notice').filter({ has: notice })
    await expect.poll(() => card.innerText()).toContain('橙色 · 镇桥镇雨量站')
    // The chime: the orange notes (880 Hz first) after the notice.
    await expect.poll(() => page.evaluate(() => (window as unknown as ChimeWindow).__chimeNotes?.slice(0) ?? [])).toEqual(expect.arrayContaining([880]))
    expect(await page.evaluate(() => (window as unknown as ChimeWindow).__chimeNotes?.length ?? 0)).toBeGreaterThan(before)
    // The device turns orange on the map, and the notice stays until acknowledged.
    await expect.poll(() => page.evaluate(() => (window as unknown as MapWindow).__yingjiMap?.querySourceFeatures('monitoring-devices')
      .find((f) => f.properties.code === 'ZQ-RAIN-STORM')?.properties.alarmLevel), { timeout: 30_000 }).toBe('orange')
    expect(await notice.isVisible()).toBe(true)
    await shoot(page, '02a-orange-notification')

    // One alarm for the gauge (the yellow one escalated), acknowledged with a comment from the list.
    await page.getByRole('menuitem', { name: '报警列表' }).click()
    const rows = page.getByTestId('alarm-list').locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '镇桥镇雨量站' })
    await rows.first().waitFor({ timeout: 30_000 })
    await expect.poll(() => rows.count()).toBe(1)
    const row = rows.first()
    expect(await row.getByTestId('alarm-level').innerText()).toBe('橙色')
    await row.getByTestId('alarm-acknowledge').click()
    const modal = page.getByRole('dialog').filter({ hasText: '确认报警' })
    await modal.getByLabel('处置意见').fill('已通知镇桥镇防汛责任人，加强巡查')
    await modal.getByRole('button', { name: '确认' }).click()
    await expect.poll(() => row.getByTestId('alarm-status').innerText(), { timeout: 30_000 }).toBe('已确认')
    expect(await row.innerText()).toContain('已通知镇桥镇防汛责任人')
    await shoot(page, '02b-orange-acknowledged')
    const alarms = await rainstormAlarms()
    expect(alarms).toHaveLength(1)
    rainAlarmId = alarms[0]!.id
  })

  it('3. 发布预警 from the alarm: prefilled orange rainstorm for 镇桥镇, two villages added, the audience shown', { timeout: 180_000 }, async () => {
    const page = officer.page
    const villages = (await api<{ features: { properties: { code: string; name: string; parentCode: string } }[] }>('GET', '/api/geo/divisions?level=village'))
      .features.map((f) => f.properties).filter((v) => v.parentCode === zhenqiao)
    expect(villages.length).toBeGreaterThan(2)
    await page.getByTestId('alarm-list').locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '镇桥镇雨量站' }).getByTestId('alarm-view').click()
    await page.getByTestId('alarm-to-warning').click()
    await page.waitForURL('**/warnings/new?alarmId=*')
    expect(page.url()).toContain(rainAlarmId)
    await page.getByTestId('warning-form').waitFor()
    await expect.poll(() => page.getByTestId('warning-level').innerText(), { timeout: 30_000 }).toContain('橙色')
    expect(await page.getByTestId('warning-hazard').innerText()).toContain('暴雨')
    await expect.poll(() => page.getByTestId('warning-instruction').inputValue()).not.toBe('')

    // The area: 镇桥镇 (prefilled) and two villages downstream.
    await page.getByTestId('area-mode-divisions').click()
    const picker = page.getByTestId('area-divisions')
    await expect.poll(() => picker.innerText()).toContain('镇桥镇')
    for (const village of villages.slice(0, 2)) {
      await picker.click()
      await page.keyboard.type(village.name)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: village.name }).first().click()
      await page.keyboard.press('Escape')
      await expect.poll(() => picker.innerText()).toContain(village.name)
    }
    await page.getByTestId('warning-save').click()
    await page.waitForURL(/\/warnings\/[0-9a-f-]{36}\/edit$/, { timeout: 30_000 })
    warningId = page.url().split('/').at(-2)!
    // Who will receive it: recipients by channel (SMS and WeCom), the exposed population.
    const audience = page.getByTestId('audience')
    await audience.waitFor({ timeout: 30_000 })
    await expect.poll(() => audience.innerText(), { timeout: 30_000 }).toContain('短信')
    expect(await audience.innerText()).toContain('企业微信')
    expect(await audience.innerText()).toMatch(/估算影响人口\s*[\d,]+/)
    await page.locator('[data-testid="area-map"][data-ready="true"]').waitFor({ timeout: 30_000 })
    await shoot(page, '03-warning-draft-audience')
    await page.getByTestId('warning-submit').click()
    await expect.poll(() => page.getByTestId('status-submitted').count(), { timeout: 30_000 }).toBeGreaterThan(0)
  })

  it('4. the commander approves: CAP alert issued, the gateway and robot get it, the delivery report climbs past 95%, the public page and the township officer see it', { timeout: 420_000 }, async () => {
    const page = commander.page
    await page.goto(`${baseUrl}/warnings/${warningId}`)
    await page.getByTestId('warning-detail').waitFor({ timeout: 30_000 })
    await confirmPopup(page, 'warning-approve', () => page.getByTestId('status-issued').count().then((n) => n > 0))
    headline = await page.getByTestId('warning-headline-text').innerText()
    expect(headline).toContain('暴雨橙色预警')
    // The SMS gateway and the WeCom robot receive their messages; the report climbs.
    await expect.poll(() => smsGateway.acceptedById.size, { timeout: 120_000 }).toBeGreaterThan(10)
    await expect.poll(() => wecomRobot.received.filter((r) => r.query.get('key') === 'zhenqiao').length, { timeout: 120_000 }).toBeGreaterThan(0)
    // The delivery report climbs past 95% as the receipts come in.
    const report = page.getByTestId('delivery-report')
    await report.waitFor({ timeout: 30_000 })
    await expect.poll(async () => Number(/(\d+(?:\.\d+)?)\s*%/.exec(await report.innerText())?.[1] ?? 0), { timeout: 240_000, interval: 2_000 }).toBeGreaterThanOrEqual(95)
    await page.getByText('CAP 1.2 文档').click()
    await expect.poll(() => page.getByTestId('cap-xml').innerText()).toContain('<msgType>Alert</msgType>')
    await report.scrollIntoViewIfNeeded()
    await shoot(page, '04a-issued-delivery')

    // The public, without login.
    const publicContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    try {
      const publicPage = await publicContext.newPage()
      await publicPage.goto(`${baseUrl}/alerts`)
      const item = publicPage.getByTestId('public-warning').filter({ hasText: headline })
      await item.waitFor({ timeout: 30_000 })
      expect(await item.innerText()).toContain('橙色')
      await publicPage.locator('[data-testid="public-map"][data-ready="true"]').waitFor({ timeout: 30_000 })
      await shoot(publicPage, '04b-public-page')
      expect(await (await fetch(`${baseUrl}/public/cap/feed.atom`)).text()).toContain(headline)
    } finally {
      await publicContext.close()
    }

    // 镇桥镇's officer finds it in 我的预警 and confirms he has read it.
    await township.page.goto(`${baseUrl}/warnings/inbox`)
    const inboxRow = township.page.getByTestId('inbox-table').locator('tr.ant-table-row').filter({ hasText: '暴雨橙色' })
    await inboxRow.waitFor({ timeout: 60_000 })
    await inboxRow.getByTestId('inbox-ack').click()
    await expect.poll(() => inboxRow.getByTestId('inbox-ack').count(), { timeout: 30_000 }).toBe(0)
    await shoot(township.page, '04c-township-inbox')
  })

  it('5. 104 mm in 3 h: the same alarm escalates to red; the warning is updated (CAP Update referencing the first)', { timeout: 240_000 }, async () => {
    const page = officer.page
    await rain([[0, 52]])
    const notice = page.locator('[data-testid="alarm-notification"][data-level="red"]')
    await notice.waitFor({ timeout: 60_000 })
    await expect.poll(() => page.evaluate(() => (window as unknown as ChimeWindow).__chimeNotes ?? [])).toEqual(expect.arrayContaining([988]))
    expect((await rainstormAlarms()).map((a) => [a.id, a.level])).toEqual([[rainAlarmId, 'red']])
    await page.locator('.ant-notification-notice').filter({ has: notice }).getByTestId('alarm-notification-acknowledge').click()

    // The duty officer updates the issued warning to red and submits it.
    await page.goto(`${baseUrl}/warnings/${warningId}`)
    await page.getByTestId('warning-update').click()
    await page.waitForURL(/\/warnings\/[0-9a-f-]{36}\/edit$/, { timeout: 30_000 })
    const updateId = page.url().split('/').at(-2)!
    expect(updateId).not.toBe(warningId)
    await page.getByTestId('warning-form').waitFor()
    await page.getByTestId('warning-level').click()
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '红色' }).click()
    await page.getByTestId('warning-description').fill('镇桥镇3小时降雨量已达104毫米，强降雨仍将持续，可能引发山洪、内涝和地质灾害。')
    await page.getByTestId('warning-save').click()
    await expect.poll(() => page.getByTestId('warning-level').innerText(), { timeout: 30_000 }).toContain('红色')
    await shoot(page, '05a-update-draft')
    await page.getByTestId('warning-submit').click()
    await expect.poll(() => page.getByTestId('status-submitted').count(), { timeout: 30_000 }).toBeGreaterThan(0)

    // The commander approves the Update: it references the first, which is superseded.
    await commander.page.goto(`${baseUrl}/warnings/${updateId}`)
    await commander.page.getByTestId('warning-detail').waitFor({ timeout: 30_000 })
    await confirmPopup(commander.page, 'warning-approve', () => commander.page.getByTestId('status-issued').count().then((n) => n > 0))
    await commander.page.getByText('CAP 1.2 文档').click()
    const cap = commander.page.getByTestId('cap-xml')
    await expect.poll(() => cap.innerText()).toContain('<msgType>Update</msgType>')
    expect(await cap.innerText()).toContain('<references>')
    await shoot(commander.page, '05b-update-issued')
    const first = await api<{ status: string }>('GET', `/api/warnings/${warningId}`)
    expect(first.status).toBe('superseded')

    const publicContext = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    try {
      const publicPage = await publicContext.newPage()
      await publicPage.goto(`${baseUrl}/alerts`)
      await publicPage.getByTestId('public-warning').filter({ hasText: '暴雨红色' }).waitFor({ timeout: 30_000 })
      expect(await publicPage.getByTestId('public-warning').filter({ hasText: headline }).count()).toBe(0)
      await shoot(publicPage, '05c-public-red')
    } finally {
      await publicContext.close()
    }
  })

  it('6. the 乐安河 passes its 警戒水位: a flood alarm; the duty officer turns it into an incident with one click', { timeout: 180_000 }, async () => {
    const now = Date.now()
    const readings = [26.9, 27.3, 27.9].map((value, i) => ({ metric: 'level_m', ts: new Date(now - (2 - i) * 5 * minute).toISOString(), value }))
    const response = await fetch(`${baseUrl}/api/ingest/readings`, {
      method: 'POST', headers: { authorization: `Bearer ${river.apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(readings),
    })
    expect(response.status).toBe(200)
    const page = officer.page
    await page.locator('[data-testid="alarm-notification"]').filter({ hasText: '乐安河' }).first().waitFor({ timeout: 60_000 }).catch(() => {})
    await page.goto(`${baseUrl}/monitoring/alarms`)
    const row = page.getByTestId('alarm-list').locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '乐安河镇桥水位站' })
    await row.waitFor({ timeout: 60_000 })
    await shoot(page, '06a-flood-alarm')
    await row.getByTestId('alarm-view').click()
    await page.getByTestId('alarm-to-incident').click()
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 30_000 })
    incidentId = page.url().split('/').at(-1)!
    await page.getByTestId('incident-board').waitFor()
    expect(await page.getByTestId('incident-title').innerText()).toContain('乐安河镇桥水位站')
    await expect.poll(() => page.getByTestId('fact-water').innerText(), { timeout: 30_000 }).toBe('0.40 m')
    await shoot(page, '06b-incident')
  })

  it('7. the flood plan is suggested at Ⅳ with its reasons; the commander activates it; tasks with countdowns and the command log', { timeout: 240_000 }, async () => {
    const page = officer.page
    const suggestion = page.getByTestId('plan-suggestion').filter({ hasText: floodPlanName })
    await suggestion.waitFor({ timeout: 30_000 })
    expect(await suggestion.getByTestId('response-level').innerText()).toBe('Ⅳ级响应')
    expect(await suggestion.getByTestId('plan-reasons').innerText()).toMatch(/警戒|洪|预警级别/)
    await streamOpen(page, `/api/incidents/${incidentId}/stream`)
    await shoot(page, '07a-plan-suggested')

    const chief = commander.page
    await chief.goto(`${baseUrl}/incidents/${incidentId}`)
    await chief.getByTestId('plan-suggestion').filter({ hasText: floodPlanName }).getByTestId('activate-plan').click()
    const confirm = chief.getByRole('dialog').filter({ hasText: '确认启动应急响应' })
    await confirm.getByLabel('意见').fill('乐安河超警戒，启动防汛Ⅳ级应急响应')
    await confirm.getByTestId('activate-confirm').click()
    await expect.poll(() => chief.getByTestId('task-card').count(), { timeout: 30_000 }).toBeGreaterThan(0)

    // On the duty officer's board, live: the checklist's tasks, each counting down.
    const checklist = lepingDemoPlans.find((plan) => plan.name === floodPlanName)!.levels.find((level) => level.level === 4)!.checklist
    await expect.poll(() => page.getByTestId('task-card').count(), { timeout: 30_000 }).toBe(checklist.length)
    const assigned = page.getByTestId('task-column-assigned')
    for (const item of checklist) expect(await assigned.innerText()).toContain(item.task)
    expect(await assigned.innerText()).toContain('市水利局')
    expect(await page.getByTestId('task-countdown').first().innerText()).toMatch(/^剩余 \d+:\d{2}:\d{2}$/)
    await page.getByTestId('task-board').scrollIntoViewIfNeeded()
    await shoot(page, '07b-tasks')
    await page.getByTestId('tab-log').click()
    const log = page.getByTestId('command-log')
    await expect.poll(() => log.innerText(), { timeout: 30_000 }).toContain('启动')
    await page.getByTestId('log-input').fill('通知镇桥镇组织巡堤查险')
    await page.getByTestId('log-add').click()
    await expect.poll(() => log.getByTestId('log-entry').first().innerText(), { timeout: 30_000 }).toContain('通知镇桥镇组织巡堤查险')
    await log.scrollIntoViewIfNeeded()
    await shoot(page, '07c-command-log')
  })

  it('8. a landslide closes a road: the duty officer marks it on the map and the route avoids it at once', { timeout: 240_000 }, async () => {
    const seat = await placeOf(citySeat)
    const to = await placeOf(zhenqiao)
    const planned = await api<{ durationS: number; geometry: { coordinates: [number, number][] } }>('GET', `/api/dispatch/route?from=${seat.join(',')}&to=${to.join(',')}`)
    const middle = planned.geometry.coordinates[Math.floor(planned.geometry.coordinates.length / 2)]!
    const page = officer.page
    await page.goto(`${baseUrl}/dispatch/routes`)
    await page.getByTestId('route-page').waitFor()
    const map = mapOf(page, '__routeMap')
    await expect.poll(() => page.evaluate(() => ((window as unknown as MapWindow).__routeMap?.querySourceFeatures('roads').length ?? 0) > 0), { timeout: 60_000 }).toBe(true)
    await map.settled()
    await map.click('route-map', seat)
    await map.click('route-map', to)
    await page.getByTestId('route-result').waitFor({ timeout: 30_000 })
    const minutes = async () => Number(await page.getByTestId('route-duration').innerText())
    const open = await minutes()
    expect(open).toBe(Math.round(planned.durationS / 60))

    await page.getByTestId('route-mode').getByText('画封路区').click()
    await map.jump(middle, 13)
    await map.settled()
    const d = 0.004
    for (const corner of [[-d, -d], [d, -d], [d, d], [-d, d]] as const) await map.click('route-map', [middle[0] + corner[0], middle[1] + corner[1]])
    await expect.poll(() => page.getByTestId('closure-form').innerText()).toContain('已选 4 个角点')
    await page.getByTestId('closure-reason').fill('山体滑坡阻断道路（群测群防员电话报告）')
    await page.getByTestId('closure-save').click()
    await page.getByTestId('closure-list').getByText('山体滑坡阻断道路').waitFor({ timeout: 30_000 })
    await expect.poll(minutes, { timeout: 30_000 }).toBeGreaterThan(open)
    await map.jump([(seat[0] + to[0]) / 2, (seat[1] + to[1]) / 2], 10.3)
    await map.settled()
    await shoot(page, '08-road-closed-rerouted')
  })

  it('9. evacuation for the warning: its area planned from the warning, then the riverside villages inside it — assigned to shelters under capacity, routes drawn, a village with no shelter in reach in red', { timeout: 300_000 }, async () => {
    // The three villages of 镇桥镇 nearest the 乐安河 (蔡家 160 m, 古塘 240 m, 护里 740 m from the
    // river; synthetic populations 1,280 + 1,433 + 1,730).
    const riverside = ['蔡家村委会', '古塘村委会', '护里村委会']
    const page = officer.page
    const issued = (await api<{ items: { id: string; status: string }[] }>('GET', '/api/warnings?status=issued&pageSize=200')).items
    const inForce = issued.find((w) => w.status === 'issued')!
    await page.goto(`${baseUrl}/warnings/${inForce.id}`)
    await page.getByTestId('warning-evacuation').click()
    await page.waitForURL(`**/dispatch/evacuation?warningId=${inForce.id}`)
    await expect.poll(() => page.getByTestId('evac-warning').innerText(), { timeout: 30_000 }).toContain('暴雨红色')
    await page.getByTestId('evac-plan').click()
    await expect.poll(() => page.getByTestId('evac-area-used').innerText(), { timeout: 120_000 }).toContain('预警“')
    const whole = /(\d+) 个村（社区）(\d+) 人/.exec(await page.getByTestId('evac-summary').innerText())
    expect(Number(whole?.[1])).toBeGreaterThan(3)
    await mapOf(page, '__evacuation-map').settled(90_000)
    await shoot(page, '09a-evacuation-warning-area')

    // The riverside villages inside it, at 30 minutes' drive: everyone placed, every shelter under its capacity.
    await page.getByTestId('evac-mode-villages').click()
    for (const village of riverside) {
      await page.getByTestId('evac-villages').click()
      await page.keyboard.type(village)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: village }).first().click()
      await page.keyboard.press('Escape')
    }
    await page.getByTestId('evac-plan').click()
    await expect.poll(() => page.getByTestId('evac-area-used').innerText(), { timeout: 120_000 }).toContain(riverside.join('、'))
    await expect.poll(async () => Number(await page.getByTestId('evacuation-map').getAttribute('data-lines')), { timeout: 60_000 }).toBeGreaterThan(0)
    expect(await page.getByTestId('evac-summary').innerText()).toMatch(/^3 个村（社区）4443 人：已安置 4443 人，无安置点 0 人/)
    const capacities = [...(await page.getByTestId('evac-result').innerText()).matchAll(/(\d+) \/ (\d+)/g)]
    expect(capacities.length).toBeGreaterThanOrEqual(3)
    for (const line of capacities) expect(Number(line[1])).toBeLessThanOrEqual(Number(line[2]))
    await mapOf(page, '__evacuation-map').settled(90_000)
    await shoot(page, '09b-evacuation-riverside')

    // Every shelter is within 23 minutes of these villages on the demo data, so the "no shelter
    // within 30 minutes" case shows at 15: 护里 (nearest shelter 19.6 min) is listed in red.
    await page.getByTestId('evac-max-minutes').locator('xpath=descendant-or-self::input').first().fill('15')
    await page.getByTestId('evac-plan').click()
    const red = page.locator('.ant-alert-error').filter({ hasText: '无安置点的村' })
    await red.waitFor({ timeout: 120_000 })
    expect(await red.innerText()).toContain('护里村委会')
    await mapOf(page, '__evacuation-map').settled(90_000)
    await shoot(page, '09c-evacuation-out-of-reach')
  })

  it('10. supplies: the commander allocates quilts, tents and water to the shelter and confirms; the ledger shows the stock movements', { timeout: 300_000 }, async () => {
    const page = commander.page
    await page.goto(`${baseUrl}/dispatch/allocation`)
    const pick = async (testId: string, text: string, nth = 0) => {
      await page.getByTestId(testId).nth(nth).click()
      await page.keyboard.type(text)
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click()
    }
    const quantity = (nth: number) => page.getByTestId('demand-quantity').nth(nth).locator('xpath=descendant-or-self::input').first()
    await pick('demand-shelter', '镇桥')
    const demand: [string, number][] = [['棉被', 600], ['单帐篷', 300], ['饮用水', 84]] // 2,000 bottles ≈ 84 boxes of 24
    for (const [i, [supply, amount]] of demand.entries()) {
      if (i > 0) await page.getByTestId('add-item').click()
      await pick('demand-supply', supply, i)
      await quantity(i).fill(String(amount))
    }
    await page.getByTestId('allocate').click()
    const result = page.getByTestId('allocation-result')
    await result.waitFor({ timeout: 120_000 })
    const orderNo = /DD-\d{8}-[0-9A-F]{6}/.exec(await result.innerText())![0]
    await expect.poll(async () => Number(await page.getByTestId('allocation-map').getAttribute('data-lines')), { timeout: 60_000 }).toBeGreaterThan(0)
    await mapOf(page, '__allocation-map').settled(90_000)
    await shoot(page, '10a-allocation-draft')
    await page.getByTestId('confirm-order').click()
    await result.getByText('已确认：储备库出库已写入台账').waitFor({ timeout: 60_000 })
    await shoot(page, '10b-allocation-confirmed')

    await page.goto(`${baseUrl}/resources/stock`)
    await page.getByRole('tab', { name: '台账' }).click()
    const movements = page.getByTestId('movement-ledger').locator('tr.ant-table-row').filter({ hasText: orderNo })
    await expect.poll(() => movements.count(), { timeout: 30_000 }).toBeGreaterThan(0)
    expect(await movements.first().innerText()).toContain('钱指挥')
    await shoot(page, '10c-ledger')
  })

  it('11. teams for the incident: the county flood team recommended first with its reasons, the hazmat team held back for the park', { timeout: 240_000 }, async () => {
    const page = officer.page
    await page.goto(`${baseUrl}/incidents/${incidentId}`)
    const card = page.getByTestId('team-suggestions')
    const suggested = card.getByTestId('team-suggestion')
    await suggested.first().waitFor({ timeout: 90_000 })
    const cards = await suggested.allInnerTexts()
    expect(cards[0]).toContain('乐平市防汛抢险队')
    expect(cards[0]).toMatch(/能力匹配（洪涝）.*待命.*车程 \d+ 分钟/s)
    expect(cards.find((text) => text.includes('危化'))).toMatch(/留守待命：驻地 5 公里内有重大危险源企业 \d+ 家/)
    await card.scrollIntoViewIfNeeded()
    await shoot(page, '11a-incident-teams')

    // The full ranking on the dispatch page, for the incident.
    await page.getByTestId('team-suggestions-open').click()
    await page.waitForURL(`**/dispatch/teams?incidentId=${incidentId}`)
    const rows = page.getByTestId('teams-table').locator('tbody tr.ant-table-row')
    await rows.first().waitFor({ timeout: 90_000 })
    teamRows = await rows.allInnerTexts()
    await mapOf(page, '__teams-map').settled(90_000)
    await shoot(page, '11b-teams')
  })

  // The hazmat team held back is checked on the board above (the page lists it after the first table page).
  it('11b. on the dispatch page too the flood team is first, the nearer township militia platoons behind it as part-time forces', () => {
    expect(teamRows[0]).toContain('乐平市防汛抢险队')
    expect(teamRows.find((row) => row.includes('民兵应急排'))).toContain('基层兼职队伍')
  })

  it('12. the 续报 is generated from the incident, edited and exported as Word', { timeout: 180_000 }, async () => {
    const page = officer.page
    await page.goto(`${baseUrl}/incidents/${incidentId}`)
    await page.getByTestId('tab-sitreps').click()
    await page.getByTestId('sitrep-generate').click()
    await expect.poll(() => page.getByTestId('sitrep-title').innerText(), { timeout: 30_000 }).toMatch(/续报（第1期）/)
    expect(await page.getByTestId('sitrep-section-basic').inputValue()).toContain('乐安河')
    const actions = page.getByTestId('sitrep-section-actions')
    await actions.fill(`${await actions.inputValue()}\n已组织镇桥镇沿河群众转移，调拨棉被600床。`)
    await page.getByTestId('sitrep-save').click()
    await expect.poll(() => page.getByTestId('sitrep-version').innerText(), { timeout: 30_000 }).toMatch(/^v2/)
    await page.getByTestId('sitrep-title').scrollIntoViewIfNeeded()
    await shoot(page, '12-sitrep')
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), page.getByTestId('sitrep-docx').click()])
    expect(download.suggestedFilename()).toMatch(/续报（第1期）\.docx$/)
    const text = docxText(fs.readFileSync(await download.path()))
    for (const part of ['续报（第1期）', '一、基本情况', '乐安河', floodPlanName, '已组织镇桥镇沿河群众转移，调拨棉被600床。']) expect(text).toContain(part)
  })
})
