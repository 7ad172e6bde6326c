/**
 * Smoke test in real Chromium against the real server: log in through the form, see Leping on
 * the map with the division tree, pick a township, switch to English; and a wrong password.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'

/** What the page's map holds, read through the map exposed to WebDriver sessions. */
interface MapState {
  boundaryFeatures: number
  townshipCodes: number
  villageCodes: number
  riverNames: string[]
}

/** The slice of maplibre's Map the test reads (the app exposes it as `window.__yingjiMap`). */
interface ExposedMap {
  loaded(): boolean
  isMoving(): boolean
  getZoom(): number
  querySourceFeatures(source: string): Array<{ properties: Record<string, unknown> }>
  getCenter(): { lng: number; lat: number }
  project(lngLat: [number, number]): { x: number; y: number }
}
declare global {
  interface Window {
    __yingjiMap?: ExposedMap
  }
}

async function mapState(page: Page): Promise<MapState> {
  return page.evaluate((): MapState => {
    const map = window.__yingjiMap
    if (!map) return { boundaryFeatures: 0, townshipCodes: 0, villageCodes: 0, riverNames: [] }
    const codes = (source: string) => new Set(map.querySourceFeatures(source).map((f) => String(f.properties.code))).size
    return {
      boundaryFeatures: map.querySourceFeatures('boundary').length,
      townshipCodes: codes('townships'),
      villageCodes: codes('villages'),
      riverNames: [...new Set(map.querySourceFeatures('rivers').map((f) => String(f.properties.name ?? '')))],
    }
  })
}

describe('the web app in Chromium', () => {
  let platform: TestPlatform
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let officer: TestUser

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, browser, baseUrl } = stage)
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '王值班' })
  })

  afterAll(async () => {
    await stage?.close()
  })

  async function newPage(): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1440, height: 900 } })
    return { context, page: await context.newPage() }
  }

  async function logIn(page: Page, username: string, password: string): Promise<void> {
    await page.goto(baseUrl)
    await page.getByLabel('用户名').fill(username)
    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: '登录' }).click()
  }

  it('logs in, shows Leping on the map, picks a township, and switches to English', async () => {
    const { context, page } = await newPage()
    try {
      await page.goto(baseUrl)
      await expect.poll(() => new URL(page.url()).pathname).toBe('/login')
      await expect.poll(() => page.getByRole('heading', { name: '应急管理综合平台 · 乐平市' }).isVisible()).toBe(true)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('login-zh.png') })

      await logIn(page, officer.username, officer.password)
      await page.waitForURL('**/map')
      const tree = page.getByTestId('division-tree')
      await tree.getByText('镇桥镇', { exact: true }).waitFor()
      await expect.poll(() => page.getByTestId('current-user').innerText()).toContain('王值班')

      await page.waitForFunction(() => window.__yingjiMap?.loaded() && window.__yingjiMap.querySourceFeatures('villages').length > 0)
      await expect.poll(() => mapState(page), { timeout: 15_000 }).toMatchObject({ boundaryFeatures: expect.any(Number), townshipCodes: 20, villageCodes: 362 })
      const state = await mapState(page)
      expect(state.boundaryFeatures).toBeGreaterThan(0)
      expect(state.riverNames).toContain('乐安河')
      await expect.poll(() => page.getByTestId('map-legend').innerText()).toContain('模拟')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('map-zh.png') })

      await tree.getByText('镇桥镇', { exact: true }).click()
      const details = page.getByTestId('division-details')
      await details.getByText('360281100000').waitFor()
      await expect.poll(() => details.getByTestId('synthetic-tag').innerText()).toBe('模拟数据 synthetic')
      await page.waitForFunction(() => window.__yingjiMap && !window.__yingjiMap.isMoving() && window.__yingjiMap.getZoom() > 11)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('map-township-zh.png') })

      // The camera flew to 镇桥镇: its point sits at the map's centre; clicking it opens a popup.
      const canvas = await page.locator('.maplibregl-canvas').boundingBox()
      const pixel = await page.evaluate(() => {
        const map = window.__yingjiMap!
        const center = map.getCenter()
        return map.project([center.lng, center.lat])
      })
      await page.mouse.click(canvas!.x + pixel.x, canvas!.y + pixel.y)
      const popup = page.locator('.maplibregl-popup-content').filter({ hasText: '360281100000' })
      await popup.waitFor()
      await expect.poll(() => popup.getByTestId('synthetic-tag').innerText()).toBe('模拟数据 synthetic')
      expect(await page.evaluate(() => window.__yingjiMap!.getZoom())).toBeGreaterThan(11)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('map-popup-zh.png') })

      // Opening 镇桥镇 in the tree loads its villages.
      await tree.locator('.ant-tree-treenode', { hasText: '镇桥镇' }).locator('.ant-tree-switcher').click()
      await tree.getByText('坑口村委会', { exact: true }).click()
      await details.getByText('360281100200').waitFor()
      await expect.poll(() => page.locator('.maplibregl-popup-content').filter({ hasText: '360281100000' }).count()).toBe(0)
      await page.waitForFunction(() => window.__yingjiMap && !window.__yingjiMap.isMoving() && window.__yingjiMap.getZoom() > 12)
      await page.screenshot({ animations: 'disabled', path: screenshotPath('map-village-zh.png') })

      await page.getByTestId('language-switch').click()
      await page.getByRole('menuitem', { name: /One map/ }).waitFor()
      await expect.poll(() => page.getByTestId('map-legend').innerText()).toContain('Legend')
      await expect.poll(() => details.innerText()).toContain('Division code')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('map-township-en.png') })

      // Modules to come are listed and say so.
      await page.getByRole('menuitem', { name: /Disasters/ }).click()
      await page.getByText('Disasters: coming soon').waitFor()
      await page.screenshot({ animations: 'disabled', path: screenshotPath('coming-soon-en.png') })
    } catch (error) {
      await page.screenshot({ animations: 'disabled', path: screenshotPath('failure-map.png') }).catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  it('shows the Chinese error message for a wrong password', async () => {
    const { context, page } = await newPage()
    try {
      await logIn(page, officer.username, 'not-the-password-1')
      await expect.poll(() => page.getByTestId('login-error').innerText()).toContain('用户名或密码错误')
      expect(new URL(page.url()).pathname).toBe('/login')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('login-wrong-password-zh.png') })
    } finally {
      await context.close()
    }
  })

  it('makes a user whose password was reset choose a new one before the map', async () => {
    const user = await createTestUser(platform, { role: 'township', jurisdiction: '360281100', mustChangePassword: true })
    const { context, page } = await newPage()
    try {
      await logIn(page, user.username, user.password)
      await page.waitForURL('**/change-password')
      await page.goto(`${baseUrl}/map`)
      await page.waitForURL('**/change-password')
      await page.getByLabel('当前密码').fill(user.password)
      await page.getByLabel('新密码', { exact: true }).fill('Leping2026new')
      await page.getByLabel('确认新密码').fill('Leping2026new')
      await page.screenshot({ animations: 'disabled', path: screenshotPath('change-password-zh.png') })
      await page.getByRole('button', { name: '保存新密码' }).click()
      await page.waitForURL('**/map')
      // A township officer's tree starts at the township.
      await page.getByTestId('division-tree').getByText('镇桥镇', { exact: true }).waitFor()
      await expect.poll(() => page.getByTestId('division-tree').getByText('乐平市').count()).toBe(0)
    } finally {
      await context.close()
    }
  })
})
