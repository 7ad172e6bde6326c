/**
 * Monitoring in real Chromium against the real server (SCENARIO steps 1–2): a rain gauge in
 * 镇桥镇 reports 60 mm within 3 h over its device key; the signed-in duty officer is notified at
 * once (orange, 暴雨橙色 band: ≥ 50 mm in 3 h), sees the device orange on the monitoring map and
 * the alarm in the list, acknowledges it with a comment and sees its status change; the device
 * page draws the rainfall with its thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, loginAs, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn, watchStreams, type StreamWindow } from './session.ts'

/** The slice of maplibre's Map the test reads (the app exposes it as `__yingjiMap`). */
interface ExposedMap {
  loaded(): boolean
  isMoving(): boolean
  getSource(id: string): unknown
  querySourceFeatures(source: string): Array<{ properties: Record<string, unknown> }>
  jumpTo(options: { center: [number, number]; zoom: number }): void
  project(lngLat: [number, number]): { x: number; y: number }
}
/** The page's window: the map, and the EventSources the test watches (installed by an init script). */
type TestWindow = StreamWindow & { __yingjiMap?: ExposedMap }

describe('monitoring in Chromium', () => {
  let platform: TestPlatform
  let app: FastifyInstance
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let officer: TestUser

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, app, browser, baseUrl } = stage)
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '赵值班' })
  })

  afterAll(async () => {
    await stage?.close()
  })

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ animations: 'disabled', path: screenshotPath(name) })
  }

  /** Registers the rain gauge through the API, as an administrator would, and returns its id and key. */
  async function createRainGauge(): Promise<{ id: string; apiKey: string; location: [number, number] }> {
    const admin = await loginAs(app, platform, { role: 'admin' })
    // Beside the township's point (镇桥镇, 360281100000).
    const township = (await app.inject({ method: 'GET', url: '/api/divisions/360281100000', headers: admin.headers })).json<{ location: { lon: number; lat: number } }>()
    const location: [number, number] = [township.location.lon + 0.012, township.location.lat - 0.008]
    const response = await app.inject({
      method: 'POST',
      url: '/api/monitoring/devices',
      headers: admin.headers,
      payload: { code: 'ZQ-RAIN-E2E', type: 'rain_gauge', name: '镇桥镇雨量站', divisionCode: '360281100000', location: { lon: location[0], lat: location[1] }, expectedIntervalS: 600 },
    })
    expect(response.statusCode, response.body).toBe(201)
    return { ...response.json<{ id: string; apiKey: string }>(), location }
  }

  async function report(apiKey: string, readings: { metric: string; ts: string; value: number }[]): Promise<void> {
    const response = await fetch(`${baseUrl}/api/ingest/readings`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(readings),
    })
    expect(response.status).toBe(200)
    const body = (await response.json()) as { results: { status: string }[] }
    expect(body.results.map((result) => result.status)).toEqual(readings.map(() => 'accepted'))
  }

  /** Six reports of 10 mm, 25 minutes apart, the last one now: 60 mm within 3 h. */
  const storm = () => {
    const now = Date.now()
    return Array.from({ length: 6 }, (_, i) => ({ metric: 'rainfall_mm', ts: new Date(now - (5 - i) * 25 * 60_000).toISOString(), value: 10 }))
  }

  it('notifies the duty officer of an orange rainstorm alarm, lists it, acknowledges it, charts the rainfall and re-notifies when it turns red', { timeout: 120_000 }, async () => {
    const device = await createRainGauge()
    const { context, page } = await signIn(browser, baseUrl, officer, { viewport: { width: 1440, height: 900 }, initScripts: [watchStreams] })
    try {
      await page.getByRole('menuitem', { name: /监测预警/ }).click()
      await page.waitForURL('**/monitoring/map')
      // The header's stream and the map's are open before the rain falls.
      await page.waitForFunction(() => {
        const streams = (window as unknown as TestWindow).__streams ?? []
        return streams.filter((stream) => stream.readyState === EventSource.OPEN).length >= 2
      })
      await expect.poll(() => page.getByTestId('ingest-lag').innerText()).toMatch(/^延迟 \d+ ms$/)

      await report(device.apiKey, storm())

      const notice = page.getByTestId('alarm-notification')
      await notice.waitFor({ timeout: 15_000 })
      expect(await notice.getAttribute('data-level')).toBe('orange')
      const card = page.locator('.ant-notification-notice').filter({ has: notice })
      await expect.poll(() => card.innerText()).toContain('橙色 · 镇桥镇雨量站')
      expect(await notice.innerText()).toContain('镇桥镇')
      await card.getByTestId('alarm-notification-acknowledge').waitFor()
      await expect.poll(() => page.getByTestId('alarm-badge').innerText()).toBe('1')
      // The device turns orange on the map.
      await expect
        .poll(() => page.evaluate(() => {
          const map = (window as unknown as TestWindow).__yingjiMap
          if (!map?.getSource('monitoring-devices')) return null
          // Clustered at the county view: the orange device is the worst in its cluster.
          return map.querySourceFeatures('monitoring-devices').some((feature) => feature.properties.alarmLevel === 'orange' || feature.properties.worst === 2)
        }), { timeout: 10_000 })
        .toBe(true)
      await shoot(page, 'monitoring-notification-zh.png')

      // The alarm list: newest first, orange, 未确认.
      await page.getByRole('menuitem', { name: '报警列表' }).click()
      const list = page.getByTestId('alarm-list')
      const row = list.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: '镇桥镇雨量站' })
      await row.waitFor()
      expect(await row.getByTestId('alarm-level').innerText()).toBe('橙色')
      expect(await row.getByTestId('alarm-status').innerText()).toBe('未确认')
      expect(await row.innerText()).toContain('镇桥镇')
      await shoot(page, 'monitoring-alarms-zh.png')

      // Acknowledge with a comment: the status changes, the officer and comment show, the notice and badge go.
      await row.getByTestId('alarm-acknowledge').click()
      const modal = page.getByRole('dialog').filter({ hasText: '确认报警' })
      await modal.getByLabel('处置意见').fill('已通知镇桥镇防汛责任人，加强巡查')
      await modal.getByRole('button', { name: '确认' }).click()
      await expect.poll(() => row.getByTestId('alarm-status').innerText(), { timeout: 15_000 }).toBe('已确认')
      await expect.poll(() => row.innerText(), { timeout: 15_000 }).toContain('赵值班')
      expect(await row.innerText()).toContain('已通知镇桥镇防汛责任人')
      await expect.poll(() => page.getByTestId('alarm-notification').count(), { timeout: 15_000 }).toBe(0)
      await expect.poll(() => page.getByTestId('alarm-badge').innerText(), { timeout: 15_000 }).toBe('')
      await shoot(page, 'monitoring-acknowledged-zh.png')

      // The history records who acknowledged it.
      await row.getByTestId('alarm-view').click()
      const history = page.getByTestId('alarm-history')
      await expect.poll(() => history.innerText()).toContain('确认')
      expect(await history.innerText()).toContain('已通知镇桥镇防汛责任人')
      // Close the drawer by its button and wait for its mask to go: under load an Escape can
      // land before the drawer has focus, and the mask then swallows the next click.
      await page.locator('.ant-drawer-close').click()
      await page.locator('.ant-drawer-mask:visible').waitFor({ state: 'detached' })

      // On the monitoring map the acknowledged alarm keeps the device orange; its popup shows the last report.
      await page.getByRole('menuitem', { name: '监测一张图' }).click()
      await page.waitForFunction(() => {
        const map = (window as unknown as TestWindow).__yingjiMap
        return !!map?.loaded() && map.querySourceFeatures('monitoring-devices').length > 0
      }, undefined, { timeout: 15_000 })
      await page.evaluate((center) => (window as unknown as TestWindow).__yingjiMap!.jumpTo({ center, zoom: 12.5 }), device.location)
      await page.waitForFunction(() => {
        const map = (window as unknown as TestWindow).__yingjiMap!
        return !map.isMoving() && map.querySourceFeatures('monitoring-devices').some((feature) => feature.properties.alarmLevel === 'orange')
      }, undefined, { timeout: 15_000 })
      const canvas = await page.locator('.maplibregl-canvas').boundingBox()
      const pixel = await page.evaluate((lngLat) => (window as unknown as TestWindow).__yingjiMap!.project(lngLat), device.location)
      await page.mouse.click(canvas!.x + pixel.x, canvas!.y + pixel.y)
      const popup = page.getByTestId('device-popup')
      await expect.poll(() => popup.innerText()).toContain('10 mm')
      expect(await popup.getByTestId('alarm-level').innerText()).toBe('橙色')
      await shoot(page, 'monitoring-map-zh.png')

      // The device page: the rainfall with the rainstorm thresholds as lines.
      await popup.getByTestId('device-popup-link').click()
      await page.waitForURL(`**/monitoring/devices/${device.id}`)
      const chart = page.getByTestId('chart-rainfall_mm')
      await chart.waitFor()
      const thresholds = (await chart.getAttribute('data-thresholds')) ?? ''
      expect(thresholds).toContain('orange:50')
      expect(thresholds).toContain('red:100')
      expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(6)
      await page.getByTestId('device-alarm').waitFor()
      await page.waitForTimeout(300)
      await shoot(page, 'monitoring-device-zh.png')

      // 45 mm more: ≥ 100 mm in 3 h escalates the same alarm to red. The chart grows live, the
      // officer is notified again and acknowledges from the notification.
      const shown = Number(await chart.getAttribute('data-points'))
      await report(device.apiKey, [{ metric: 'rainfall_mm', ts: new Date().toISOString(), value: 45 }])
      await expect.poll(() => chart.getAttribute('data-points').then(Number), { timeout: 10_000 }).toBe(shown + 2)
      const redNotice = page.locator('[data-testid="alarm-notification"][data-level="red"]')
      await redNotice.waitFor({ timeout: 15_000 })
      const redCard = page.locator('.ant-notification-notice').filter({ has: redNotice })
      await expect.poll(() => redCard.innerText()).toContain('红色 · 镇桥镇雨量站')
      await expect.poll(() => page.getByTestId('alarm-badge').innerText()).toBe('1')
      await expect.poll(() => page.getByTestId('device-alarm').getByTestId('alarm-level').innerText()).toBe('红色')
      await page.waitForTimeout(300)
      await shoot(page, 'monitoring-escalated-zh.png')
      await redCard.getByTestId('alarm-notification-acknowledge').click()
      await expect.poll(() => page.getByTestId('alarm-notification').count()).toBe(0)
      await expect.poll(() => page.getByTestId('alarm-badge').innerText()).toBe('')

      // A local variant raises red to 200 mm in 3 h: the chart's red line moves at once; the alarm
      // is the same one (no reset, no duplicate) and stays red through the rule's clear-hold time.
      await page.getByTestId('device-rules-edit').click()
      const rainstorm = page.getByTestId('rule-rain_gauge.rainstorm')
      await rainstorm.getByLabel('redMm').fill('200')
      await shoot(page, 'monitoring-rules-edit-zh.png')
      await page.getByTestId('device-rules-save').click()
      await page.locator('.ant-drawer-mask:visible').waitFor({ state: 'detached' })
      await expect.poll(() => page.getByTestId('device-rules').innerText()).toContain('redMm = 200')
      await expect.poll(() => chart.getAttribute('data-thresholds'), { timeout: 15_000 }).toContain('red:200')
      expect(await page.getByTestId('device-alarm').count()).toBe(1)
      expect(await page.getByTestId('device-alarm').getByTestId('alarm-level').innerText()).toBe('红色')
      await page.waitForTimeout(300)
      await shoot(page, 'monitoring-rules-saved-zh.png')

      // The device list: the gauge online and red; then the alarm list in English.
      await page.getByRole('menuitem', { name: '设备' }).click()
      const deviceRow = page.getByTestId('device-list').locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'ZQ-RAIN-E2E' })
      await deviceRow.waitFor()
      expect(await deviceRow.getByTestId('device-status').innerText()).toBe('在线')
      expect(await deviceRow.getByTestId('alarm-level').innerText()).toBe('红色')
      await shoot(page, 'monitoring-devices-zh.png')
      await page.getByTestId('language-switch').click()
      await page.getByRole('menuitem', { name: 'Alarms' }).click()
      const englishRow = page.getByTestId('alarm-list').locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: 'ZQ-RAIN-E2E' })
      await expect.poll(() => englishRow.getByTestId('alarm-status').innerText()).toBe('Acknowledged')
      await shoot(page, 'monitoring-alarms-en.png')
    } catch (error) {
      await shoot(page, 'failure-monitoring.png').catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })
})
