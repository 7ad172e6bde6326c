/**
 * The registries in real Chromium against the real server on the prepared test database (which
 * holds the synthetic Leping demo registries): the enterprise list filtered to major hazards and
 * one enterprise's grade; an Excel import with bad rows showing every error; an emptied field cleared on edit; the four-colour
 * risk map (一图) with coloured points and its legend.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn } from './session.ts'

/** The slice of maplibre's Map the test reads (the app exposes it as `(window as unknown as MapWindow).__yingjiMap`). */
interface ExposedMap {
  loaded(): boolean
  isMoving(): boolean
  getSource(id: string): unknown
  isSourceLoaded(id: string): boolean
  querySourceFeatures(source: string): Array<{ properties: Record<string, unknown> }>
  queryRenderedFeatures(options: { layers: string[] }): Array<{ properties: Record<string, unknown> }>
  jumpTo(options: { center: [number, number] | { lng: number; lat: number }; zoom: number }): void
  getCenter(): { lng: number; lat: number }
  getZoom(): number
}
/** The page's window with the map (typed here, not globally: map.test.ts types its own slice). */
type MapWindow = Window & { __yingjiMap?: ExposedMap }

describe('the registries in Chromium', () => {
  let platform: TestPlatform
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let officer: TestUser

  beforeAll(async () => {
    stage = await startBrowserStage()
    ;({ platform, browser, baseUrl } = stage)
    officer = await createTestUser(platform, { role: 'duty_officer', displayName: '李值班' })
  })

  afterAll(async () => {
    await stage?.close()
  })

  const signedInPage = () => signIn(browser, baseUrl, officer, { viewport: { width: 1440, height: 900 } })

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ animations: 'disabled', path: screenshotPath(name) })
  }

  /** Texts of one column of the visible table body. */
  async function columnTexts(page: Page, scope: string, column: number): Promise<string[]> {
    return page.locator(`[data-testid="${scope}"] .ant-table-tbody tr.ant-table-row td:nth-child(${column})`).allInnerTexts()
  }

  it('lists enterprises, filters to major hazards and shows one enterprise with its grade', async () => {
    const { context, page } = await signedInPage()
    try {
      await page.getByRole('menuitem', { name: /企业与风险/ }).click()
      await page.waitForURL('**/registry/enterprises')
      const list = page.getByTestId('enterprises')
      await list.locator('.ant-table-row').first().waitFor()
      await expect.poll(() => list.locator('.ant-pagination-total-text').innerText()).toMatch(/共 \d+ 条/)
      const all = Number(/共 (\d+) 条/.exec(await list.locator('.ant-pagination-total-text').innerText())![1])
      expect(all).toBeGreaterThan(20)
      // Demo rows say so.
      expect(await list.getByTestId('synthetic-tag').count()).toBeGreaterThan(0)
      await shoot(page, 'registry-enterprises-zh.png')

      await list.getByTestId('filter-majorHazard').click()
      await page.locator('.ant-select-item-option', { hasText: '是重大危险源' }).click()
      await expect.poll(async () => Number(/共 (\d+) 条/.exec(await list.locator('.ant-pagination-total-text').innerText())?.[1])).toBeLessThan(all)
      await expect.poll(() => list.locator('.ant-table-row').count()).toBeGreaterThan(0)
      // Every row left is a major hazard: its level tag reads 一级 … 四级.
      const levels = await columnTexts(page, 'enterprises', 2)
      expect(levels.length).toBeGreaterThan(0)
      for (const level of levels) expect(level).toMatch(/^[一二三四]级$/)
      await shoot(page, 'registry-enterprises-major-zh.png')

      const firstName = (await columnTexts(page, 'enterprises', 1))[0]!.replace(/\s*模拟$/, '').trim()
      await list.locator('.ant-table-row').first().locator('td').first().getByText(firstName, { exact: true }).click()
      const units = page.getByTestId('enterprise-units')
      await units.waitFor()
      const title = page.locator('.ant-drawer-title')
      await expect.poll(() => title.innerText()).toContain(firstName)
      await expect.poll(() => title.getByTestId('major-hazard-level').innerText()).toMatch(/^[一二三四]级$/)
      // Its units carry the computed S, R and level.
      const unitLevels = await units.getByTestId('major-hazard-level').allInnerTexts()
      expect(unitLevels.length).toBeGreaterThan(0)
      await shoot(page, 'registry-enterprise-detail-zh.png')
    } catch (error) {
      await shoot(page, 'failure-registry-enterprises.png').catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  it('keeps the enterprise form open with the server\'s bilingual USCC error under the field', async () => {
    const { context, page } = await signedInPage()
    try {
      await page.goto(`${baseUrl}/registry/enterprises`)
      await page.getByTestId('record-create').click()
      const form = page.getByTestId('enterprises-form')
      await form.getByTestId('field-uscc').fill('91360281MA35R0W7X1')
      await form.getByLabel('名称').fill('乐平市测试化工有限公司')
      await form.getByLabel('行政区划').click()
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '镇桥镇' }).click()
      await page.getByTestId('record-save').click()
      const fieldError = form.locator('.ant-form-item', { has: page.getByTestId('field-uscc') }).locator('.ant-form-item-explain-error')
      await expect.poll(() => fieldError.innerText()).toMatch(/校验.*·.*check/i)
      await expect.poll(() => page.getByTestId('record-error').innerText()).not.toBe('')
      await shoot(page, 'registry-enterprise-uscc-error-zh.png')
    } catch (error) {
      await shoot(page, 'failure-registry-uscc.png').catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  it('refuses an Excel import with bad rows and lists every error by row and column', async () => {
    const { context, page } = await signedInPage()
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'yingji-e2e-')), '企业导入-有错误.xlsx')
    try {
      // Start from the template the page offers, as a clerk would, and fill in two wrong rows.
      const template = await page.request.get(`${baseUrl}/api/registry/enterprises/template`)
      expect(template.status()).toBe(200)
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load((await template.body()) as unknown as ArrayBuffer)
      const sheet = workbook.getWorksheet('企业')!
      const headers = (sheet.getRow(1).values as unknown[]).map((value) => String(value ?? '').replace(/\*$/, ''))
      const column = (header: string) => headers.indexOf(header)
      const fill = (row: number, cells: Record<string, string | number>) => {
        for (const [header, value] of Object.entries(cells)) sheet.getCell(row, column(header)).value = value
      }
      fill(3, { 统一社会信用代码: '91360281MA35R0W7X1', 企业名称: '乐平市校验码错误化工有限公司', 行政区划代码: '360281100000', 监管类别: '危险化学品生产' })
      fill(4, { 统一社会信用代码: '', 企业名称: '乐平市缺代码贸易有限公司', 行政区划代码: '99', 监管类别: '不存在的类别' })
      fs.writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()))

      await page.goto(`${baseUrl}/registry/enterprises`)
      const list = page.getByTestId('enterprises')
      await list.locator('.ant-table-row').first().waitFor()
      const before = await list.locator('.ant-pagination-total-text').innerText()
      await list.locator('input[type="file"]').setInputFiles(file)

      const errors = page.getByTestId('import-errors')
      await errors.locator('.ant-table-row').first().waitFor()
      const rows = await errors.locator('.ant-table-row').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? '')))
      // Both bad rows, each wrong column named by its Chinese header.
      expect(rows.some(([row, header]) => row === '3' && header === '统一社会信用代码')).toBe(true)
      expect(rows.some(([row, header]) => row === '4' && header === '统一社会信用代码')).toBe(true)
      expect(rows.some(([row, header]) => row === '4' && header === '监管类别')).toBe(true)
      expect(rows.length).toBeGreaterThanOrEqual(4)
      await expect.poll(() => page.locator('.ant-modal-title').innerText()).toContain('未导入任何数据')
      await shoot(page, 'registry-import-errors-zh.png')

      // Nothing was imported.
      await page.locator('.ant-modal-footer').getByRole('button').click()
      expect(await list.locator('.ant-pagination-total-text').innerText()).toBe(before)
    } catch (error) {
      await shoot(page, 'failure-registry-import.png').catch(() => {})
      throw error
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true })
      await context.close()
    }
  })

  it('clears an optional field emptied in the edit form (sent as null, cleared on the server)', { timeout: 60_000 }, async () => {
    const { context, page } = await signedInPage()
    try {
      const created = await page.request.post(`${baseUrl}/api/resources/depots`, {
        data: { name: '清空地址测试库', level: 'township', divisionCode: '360281100', address: '镇桥镇政府院内', manager: '张三' },
      })
      expect(created.status()).toBe(201)
      const id = (await created.json() as { id: string }).id
      await page.goto(`${baseUrl}/resources/depots`)
      const search = page.getByTestId('list-search').locator('input')
      await search.fill('清空地址测试库')
      await search.press('Enter')
      const row = page.getByTestId('depots').locator('.ant-table-row', { hasText: '清空地址测试库' })
      await row.getByRole('button', { name: '编辑' }).click()
      const form = page.getByTestId('depots-form')
      const address = form.getByLabel('地址')
      await expect.poll(() => address.inputValue()).toBe('镇桥镇政府院内')
      await address.fill('')
      await page.getByTestId('record-save').click()
      await form.waitFor({ state: 'detached' })
      const depot = await (await page.request.get(`${baseUrl}/api/resources/depots/${id}`)).json() as { address: string | null; manager: string | null }
      expect(depot).toMatchObject({ address: null, manager: '张三' })
    } catch (error) {
      await shoot(page, 'failure-registry-clear-field.png').catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  it('lists the demo rows of every registry and grades a unit in the major hazard calculator', { timeout: 120_000 }, async () => {
    const { context, page } = await signedInPage()
    const pages = [
      ['/registry/risk-points', 'risk-points'], ['/registry/hazard-points', 'hazard-points'], ['/registry/shelters', 'shelters'],
      ['/registry/experts', 'experts'], ['/resources/depots', 'depots'], ['/resources/supplies', 'supplies'],
      ['/resources/reserves', 'reserves'], ['/resources/teams', 'teams'], ['/resources/stock', 'stock'],
    ] as const
    try {
      for (const [path, testId] of pages) {
        await page.goto(`${baseUrl}${path}`)
        await page.getByTestId(testId).locator('.ant-table-row').first().waitFor()
        await shoot(page, `registry-page-${testId}-zh.png`)
      }

      // 液氯 10 t against its critical quantity of 5 t (GB 18218-2018 Table 1): S = 2, a major hazard.
      await page.goto(`${baseUrl}/registry/major-hazard`)
      await page.getByTestId('assess').click()
      const result = page.getByTestId('assess-result')
      await result.waitFor()
      await expect.poll(() => result.innerText()).toContain('构成重大危险源')
      await expect.poll(() => result.getByTestId('major-hazard-level').innerText()).toMatch(/^[一二三四]级$/)
      await shoot(page, 'registry-major-hazard-zh.png')
    } catch (error) {
      await shoot(page, 'failure-registry-pages.png').catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })

  it('draws the four-colour risk map (一图) with coloured points and a legend', { timeout: 120_000 }, async () => {
    const { context, page } = await signedInPage()
    try {
      await page.getByRole('menuitem', { name: /企业与风险/ }).click()
      await page.getByRole('menuitem', { name: '风险四色图' }).click()
      await expect.poll(() => new URL(page.url()).search).toBe('?layers=risk-points')
      await page.waitForFunction(() => {
        const map = (window as unknown as MapWindow).__yingjiMap
        return Boolean(map?.loaded() && map.getSource('risk-points') && map.isSourceLoaded('risk-points') && map.querySourceFeatures('risk-points').length > 0)
      }, undefined, { timeout: 20_000 })
      const legend = page.getByTestId('map-layers')
      await expect.poll(() => page.getByTestId('layer-risk-points').locator('input').isChecked()).toBe(true)
      const legendText = await legend.getByTestId('layer-legend').innerText()
      for (const word of ['红', '橙', '黄', '蓝', '重大风险', '低风险']) expect(legendText).toContain(word)
      await page.waitForTimeout(500)
      await shoot(page, 'registry-risk-map-zh.png')
      const countyView = await page.evaluate(() => ({ center: (window as unknown as MapWindow).__yingjiMap!.getCenter(), zoom: (window as unknown as MapWindow).__yingjiMap!.getZoom() }))

      // Closer in the clusters open up: individual points in at least two of the four colours.
      const colours = await page.evaluate(async () => {
        const map = (window as unknown as MapWindow).__yingjiMap!
        type Sourced = { properties: Record<string, unknown>; geometry: { coordinates: [number, number] } }
        const features = map.querySourceFeatures('risk-points') as unknown as Sourced[]
        const points = features.filter((f) => !f.properties.cluster)
        // Into the biggest cluster (the industrial park's risk points).
        const biggest = [...features].sort((a, b) => Number(b.properties.point_count ?? 1) - Number(a.properties.point_count ?? 1))[0]!
        const [lon, lat] = biggest.geometry.coordinates
        map.jumpTo({ center: [lon, lat], zoom: 13.5 })
        await new Promise<void>((resolve) => {
          const wait = () => (map.loaded() && !map.isMoving() ? resolve() : setTimeout(wait, 100))
          wait()
        })
        const rendered = map.queryRenderedFeatures({ layers: ['risk-points-points'] })
        return { rendered: [...new Set(rendered.map((f) => String(f.properties.colour)))], sourced: points.length }
      })
      expect(colours.rendered.length).toBeGreaterThanOrEqual(2)
      await page.waitForTimeout(300)
      await shoot(page, 'registry-risk-map-zoomed-zh.png')

      // Every registry layer on at once, back at the county view: clusters with their counts.
      for (const layer of ['enterprises', 'hazard-points', 'shelters', 'depots', 'teams']) {
        const toggle = page.getByTestId(`layer-${layer}`).locator('input')
        await toggle.click()
        await expect.poll(() => toggle.isChecked()).toBe(true)
      }
      await expect.poll(() => new URL(page.url()).searchParams.get('layers')?.split(',').length).toBe(6)
      await page.evaluate((view) => (window as unknown as MapWindow).__yingjiMap!.jumpTo(view), countyView)
      await page.waitForFunction(() => {
        const map = (window as unknown as MapWindow).__yingjiMap!
        return ['enterprises', 'hazard-points', 'shelters', 'depots', 'teams'].every((id) => map.isSourceLoaded(id) && map.querySourceFeatures(id).length > 0)
      }, undefined, { timeout: 20_000 })
      await page.waitForTimeout(500)
      await shoot(page, 'registry-one-map-all-layers-zh.png')

      // Across the whole layer every colour is one of the four.
      const all = await page.evaluate(async () => {
        const response = await fetch('/api/registry/risk-points/map', { credentials: 'same-origin' })
        const body = (await response.json()) as { features: Array<{ properties: { colour: string } }> }
        return [...new Set(body.features.map((feature) => feature.properties.colour))]
      })
      expect(all.length).toBeGreaterThanOrEqual(2)
      for (const colour of all) expect(['red', 'orange', 'yellow', 'blue']).toContain(colour)
    } catch (error) {
      await shoot(page, 'failure-registry-risk-map.png').catch(() => {})
      throw error
    } finally {
      await context.close()
    }
  })
})
