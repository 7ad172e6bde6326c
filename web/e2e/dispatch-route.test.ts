/**
 * Routing and road closures in real Chromium against the real server (SCENARIO step 8, issue #7
 * point 2): the duty officer picks the city seat and 镇桥镇 on the map → the fastest route is
 * drawn with its distance and duration; draws a closure polygon across the route with a reason →
 * the route is recomputed round it at once (longer); reopens the road → the route is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import type { Browser, Page } from 'playwright-core'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, loginAs, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn } from './session.ts'

interface ExposedMap {
  loaded(): boolean
  isMoving(): boolean
  areTilesLoaded(): boolean
  jumpTo(options: { center: [number, number]; zoom: number }): void
  project(lngLat: [number, number]): { x: number; y: number }
  querySourceFeatures(source: string): unknown[]
}
type TestWindow = Window & { __routeMap?: ExposedMap }

describe('dispatch routing in Chromium', () => {
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
  }, 600_000)

  afterAll(async () => {
    await stage?.close()
  })

  const settle = (page: Page) => page.waitForFunction(() => {
    const map = (window as unknown as TestWindow).__routeMap
    return !!map && map.loaded() && !map.isMoving() && map.areTilesLoaded()
  })

  async function jump(page: Page, center: [number, number], zoom: number) {
    await page.evaluate(([c, z]) => (window as unknown as TestWindow).__routeMap!.jumpTo({ center: c as [number, number], zoom: z as number }), [center, zoom] as const)
    await settle(page)
  }

  /** Clicks the map at a position. */
  async function clickAt(page: Page, at: [number, number]) {
    const box = (await page.getByTestId('route-map').boundingBox())!
    const p = await page.evaluate((ll) => (window as unknown as TestWindow).__routeMap!.project(ll as [number, number]), at)
    await page.mouse.click(box.x + p.x, box.y + p.y)
  }

  const minutes = async (page: Page) => Number(await page.getByTestId('route-duration').innerText())

  it('routes between two picked places, closes a road across the route (rerouted at once) and reopens it', { timeout: 240_000 }, async () => {
    const admin = await loginAs(app, platform, { role: 'admin' })
    const place = async (code: string) => {
      const d = (await app.inject({ method: 'GET', url: `/api/divisions/${code}`, headers: admin.headers })).json<{ location: { lon: number; lat: number } }>()
      return [d.location.lon, d.location.lat] as [number, number]
    }
    const seat = await place('360281001000')
    const zhenqiao = await place('360281100000')
    const planned = (await app.inject({ method: 'GET', url: `/api/dispatch/route?from=${seat.join(',')}&to=${zhenqiao.join(',')}`, headers: admin.headers })).json<{ durationS: number; geometry: { coordinates: [number, number][] } }>()
    const middle = planned.geometry.coordinates[Math.floor(planned.geometry.coordinates.length / 2)]!

    const { context, page } = await signIn(browser, baseUrl, officer, { viewport: { width: 1440, height: 900 } })
    try {
      await page.goto(`${baseUrl}/dispatch/routes`)
      await page.getByTestId('route-page').waitFor()
      await expect.poll(() => page.evaluate(() => ((window as unknown as TestWindow).__routeMap?.querySourceFeatures('roads').length ?? 0) > 0), { timeout: 30_000 }).toBe(true)
      await settle(page)

      // Start at the city seat, end at 镇桥镇 (the mode moves on to the end by itself).
      await clickAt(page, seat)
      await clickAt(page, zhenqiao)
      await page.getByTestId('route-result').waitFor()
      const open = await minutes(page)
      expect(open).toBe(Math.round(planned.durationS / 60))
      expect(Number(await page.getByTestId('route-distance').innerText())).toBeGreaterThan(1)
      await settle(page)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('dispatch-route-zh.png') })

      // Draw a closure square across the route's middle, zoomed in.
      await page.getByTestId('route-mode').getByText('画封路区').click()
      await jump(page, middle, 13)
      const d = 0.004
      for (const corner of [[-d, -d], [d, -d], [d, d], [-d, d]] as const) await clickAt(page, [middle[0] + corner[0], middle[1] + corner[1]])
      await expect.poll(() => page.getByTestId('closure-form').innerText()).toContain('已选 4 个角点')
      await page.getByTestId('closure-reason').fill('山体滑坡阻断道路')
      await page.getByTestId('closure-save').click()
      await page.getByTestId('closure-list').getByText('山体滑坡阻断道路').waitFor()
      await expect.poll(() => minutes(page), { timeout: 15_000 }).toBeGreaterThan(open)
      await jump(page, [(seat[0] + zhenqiao[0]) / 2, (seat[1] + zhenqiao[1]) / 2], 10.3)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('dispatch-route-closed-zh.png') })
      await jump(page, middle, 12.5)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('dispatch-route-closed-detail-zh.png') })

      // Reopen: the route is back.
      await page.getByTestId('closure-remove').click()
      await page.locator('.ant-popconfirm').getByRole('button', { name: '解除' }).click()
      await expect.poll(() => minutes(page), { timeout: 15_000 }).toBe(open)
      await page.getByText('暂无封路').waitFor()
    } finally {
      await context.close()
    }
  })
})
