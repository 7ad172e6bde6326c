/**
 * Dispatch planning in real Chromium against the real server (SCENARIO steps 9–11): the duty
 * officer plans the evacuation of two townships — villages' people assigned to shelters under
 * capacity, routes drawn coloured by shelter, villages with people left without a place in red —
 * and turns on shelter coverage; allocates quilts and tents to a shelter with HiGHS and confirms
 * the dispatch order into the ledger; asks for teams for a flood at a clicked place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, type TestUser } from '../../server/src/testing/session.ts'
import { stopSolver } from '../../server/src/modules/dispatch/planning/solver.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn } from './session.ts'

describe('dispatch planning in Chromium', () => {
  let platform: TestPlatform
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let officer: TestUser
  let page: Page

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, browser, baseUrl } = stage)
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '钱值班' })
    ;({ page } = await signIn(browser, baseUrl, officer))
    page.on('pageerror', (error) => console.error('[page error]', error.message))
  })

  afterAll(async () => {
    await stopSolver()
    await stage?.close()
  })

  const shoot = (name: string) => page.screenshot({ animations: 'disabled', path: screenshotPath(`${name}.png`) })
  const mapSettled = (testId: string) => page.waitForFunction((id) => {
    const map = (window as unknown as Record<string, { loaded(): boolean; isMoving(): boolean } | undefined>)[`__${id}`]
    return !!map && map.loaded() && !map.isMoving()
  }, testId, { timeout: 90_000 })

  /** An antd InputNumber's input (the test id lands on the input or on its wrapper). */
  const numberInput = (testId: string, nth = 0) => page.getByTestId(testId).nth(nth).locator('xpath=descendant-or-self::input').first()

  async function pick(testId: string, text: string) {
    await page.getByTestId(testId).click()
    await page.keyboard.type(text)
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click()
  }

  it('plans the evacuation of two townships: routes to shelters, people without a place in red, coverage', async () => {
    await page.goto(`${baseUrl}/dispatch/evacuation`)
    await page.getByTestId('evac-mode-townships').click()
    await pick('evac-townships', '镇桥镇')
    await pick('evac-townships', '乐港镇')
    await page.keyboard.press('Escape')
    await numberInput('evac-max-minutes').fill('20')
    await page.getByTestId('evac-plan').click()
    await page.getByTestId('evac-result').waitFor({ timeout: 60_000 })
    const map = page.getByTestId('evacuation-map')
    await expect.poll(async () => Number(await map.getAttribute('data-lines')), { timeout: 30_000 }).toBeGreaterThan(0)
    await mapSettled('evacuation-map')
    await page.waitForTimeout(300)
    const summary = await page.getByTestId('evac-summary').innerText()
    expect(summary).toMatch(/已安置 \d+ 人/)
    await shoot('dispatch-evacuation-plan')

    await page.getByTestId('evac-coverage').click()
    await page.getByTestId('evac-coverage-summary').waitFor({ timeout: 60_000 })
    expect(await page.getByTestId('evac-coverage-summary').innerText()).toMatch(/高风险村/)
    await mapSettled('evacuation-map')
    await page.waitForTimeout(300)
    await shoot('dispatch-evacuation-coverage')
  }, 300_000)

  it('plans villages picked by name and on the map, and a drawn polygon, naming the area planned', async () => {
    await page.goto(`${baseUrl}/dispatch/evacuation?divisionCodes=360281100212`)
    await expect.poll(() => page.getByTestId('evac-villages').innerText(), { timeout: 30_000 }).toContain('蔡家村委会')
    await pick('evac-villages', '古塘村委会')
    await page.keyboard.press('Escape')
    // 护里村委会 by clicking its point on the map (all villages are dots until a plan is made).
    const villages = (await (await fetch(`${baseUrl}/api/geo/divisions?level=village`, { headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } })).json()) as { features: { geometry: { coordinates: [number, number] }; properties: { name: string } }[] }
    const huli = villages.features.find((f) => f.properties.name === '护里村委会')!.geometry.coordinates
    await mapSettled('evacuation-map')
    await page.evaluate(([lon, lat]) => (window as unknown as Record<string, { jumpTo(o: object): void }>)['__evacuation-map']!.jumpTo({ center: [lon, lat], zoom: 12 }), huli)
    await mapSettled('evacuation-map')
    const box = (await page.getByTestId('evacuation-map').boundingBox())!
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await expect.poll(() => page.getByTestId('evac-villages').innerText(), { timeout: 30_000 }).toContain('护里村委会')
    await page.getByTestId('evac-plan').click()
    await expect.poll(() => page.getByTestId('evac-area-used').innerText(), { timeout: 60_000 }).toContain('蔡家村委会、古塘村委会、护里村委会')
    expect(await page.getByTestId('evac-summary').innerText()).toMatch(/^3 个村（社区）4443 人：已安置 4443 人/)
    await mapSettled('evacuation-map')
    await shoot('dispatch-evacuation-villages')

    // A polygon drawn around the county seat's middle.
    await page.getByTestId('evac-mode-polygon').click()
    await page.evaluate(() => (window as unknown as Record<string, { jumpTo(o: object): void }>)['__evacuation-map']!.jumpTo({ center: [117.13, 28.965], zoom: 11 }))
    await mapSettled('evacuation-map')
    for (const [dx, dy] of [[-0.15, -0.15], [0.15, -0.15], [0.15, 0.15], [-0.15, 0.15]] as const) await page.mouse.click(box.x + box.width * (0.5 + dx), box.y + box.height * (0.5 + dy))
    await expect.poll(() => page.getByTestId('evac-polygon-corners').innerText()).toContain('已选 4 个')
    await page.getByTestId('evac-plan').click()
    await expect.poll(() => page.getByTestId('evac-area-used').innerText(), { timeout: 60_000 }).toContain('手绘区域（4 个角点）')
    expect(await page.getByTestId('evac-summary').innerText()).toMatch(/^\d+ 个村（社区）/)
    await mapSettled('evacuation-map')
    await shoot('dispatch-evacuation-polygon')
  }, 300_000)

  it('allocates quilts and tents to a shelter with HiGHS and confirms the dispatch order', async () => {
    await page.goto(`${baseUrl}/dispatch/allocation`)
    await pick('demand-shelter', '镇桥')
    await pick('demand-supply', '棉被')
    await numberInput('demand-quantity').fill('300')
    await page.getByTestId('add-item').click()
    await page.getByTestId('demand-supply').nth(1).click()
    await page.keyboard.type('单帐篷')
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '单帐篷' }).first().click()
    await numberInput('demand-quantity', 1).fill('100')
    await page.getByTestId('allocate').click()
    const result = page.getByTestId('allocation-result')
    await result.waitFor({ timeout: 60_000 })
    expect(await result.innerText()).toMatch(/调拨单 DD-\d{8}-[0-9A-F]{6}/)
    await expect.poll(async () => Number(await page.getByTestId('allocation-map').getAttribute('data-lines')), { timeout: 30_000 }).toBeGreaterThan(0)
    await mapSettled('allocation-map')
    await page.waitForTimeout(300)
    await shoot('dispatch-allocation-draft')
    await page.getByTestId('confirm-order').click()
    await result.getByText('已确认：储备库出库已写入台账').waitFor({ timeout: 30_000 })
    await shoot('dispatch-allocation-confirmed')
  }, 300_000)

  it('recommends teams for a flood at a clicked place, each with its reason', async () => {
    await page.goto(`${baseUrl}/dispatch/teams`)
    await page.getByTestId('teams-map').waitFor({ timeout: 90_000 })
    await shoot('dispatch-teams-open')
    await mapSettled('teams-map')
    const box = (await page.getByTestId('teams-map').boundingBox())!
    await page.mouse.click(box.x + box.width * 0.45, box.y + box.height * 0.5)
    const firstRow = page.getByTestId('teams-table').locator('tbody tr.ant-table-row').first()
    await firstRow.waitFor({ timeout: 60_000 })
    expect(await firstRow.innerText()).toMatch(/车程 \d+ 分钟/)
    await mapSettled('teams-map')
    await page.waitForTimeout(300)
    await shoot('dispatch-teams')
  }, 300_000)
})
