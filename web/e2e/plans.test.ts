/**
 * Emergency plans in real Chromium against the real server: the plan library shows the demo
 * plans with their flags (the flood plan's last drill 14 months ago: 演练逾期, SCENARIO "before the
 * storm"); the flood plan's detail shows its organisation, levels Ⅳ–Ⅰ with criteria in words and
 * per-department checklists; a commander records a drill (the flag clears) and uploads the plan's
 * PDF; plan matching suggests the flood plan at Ⅳ级 with the reason (SCENARIO step 7); the editor
 * refuses bad criteria JSON and saves a new plan as one document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { seedPlansDemo } from '../../server/src/modules/plans/demo.ts'
import type { TestPlatform } from '../../server/src/testing/platform.ts'
import { createTestUser, type TestUser } from '../../server/src/testing/session.ts'
import { screenshotPath, startBrowserStage, type BrowserStage } from './browser.ts'
import { signIn } from './session.ts'

describe('emergency plans in Chromium', () => {
  let platform: TestPlatform
  let browser: Browser
  let stage: BrowserStage | undefined
  let baseUrl: string
  let commander: TestUser

  beforeAll(async () => {
    stage = await startBrowserStage((platform) => seedPlansDemo(platform.db))
    ;({ platform, browser, baseUrl } = stage)
    commander = await createTestUser(platform, { role: 'commander', displayName: '钱指挥' })
  }, 240_000)

  afterAll(async () => {
    await stage?.close()
  })

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ animations: 'disabled', path: screenshotPath(`${name}.png`), fullPage: true })
  }

  it('lists plans with flags, shows the flood plan, records a drill, uploads a PDF, matches, and edits', { timeout: 240_000 }, async () => {
    const { context, page } = await signIn(browser, baseUrl, commander, { viewport: { width: 1440, height: 900 } })
    try {
      await page.goto(`${baseUrl}/plans`)
      await page.waitForURL('**/plans/library')

      // The library: six demo plans, the flood plan flagged for its drill.
      const list = page.getByTestId('plans-list')
      const floodRow = list.locator('tr', { hasText: '乐平市防汛抗旱应急预案' })
      await floodRow.waitFor()
      expect(await floodRow.getByTestId('flag-drillOverdue').innerText()).toBe('演练逾期')
      expect(await list.locator('tr', { hasText: '乐平市危险化学品事故应急预案' }).getByTestId('flag-filingOverdue').count()).toBe(1)
      await shoot(page, 'plans-1-library')

      // The flood plan: organisation, levels with criteria in words, the Ⅳ checklist.
      await floodRow.getByRole('link', { name: '乐平市防汛抗旱应急预案' }).click()
      const detail = page.getByTestId('plan-detail')
      await detail.waitFor()
      expect(await page.getByTestId('plan-organisation').innerText()).toContain('乐平市防汛抗旱指挥部')
      const four = page.getByTestId('plan-level-4')
      expect(await four.getByTestId('criteria-text').innerText()).toBe('预警级别达到蓝色预警及以上 或 超警戒水位 ≥ 0米')
      expect(await four.innerText()).toContain('加密水文监测，每3小时报送乐安河水位')
      expect(await page.getByTestId('plan-flags').innerText()).toMatch(/演练逾期：上次演练\d{4}-\d{2}-\d{2}，应每12个月至少演练一次/)
      await shoot(page, 'plans-2-flood-plan')
      await page.getByTestId('plan-levels').scrollIntoViewIfNeeded()
      await shoot(page, 'plans-2b-flood-levels')

      // Level Ⅱ in words
      await page.getByRole('tab', { name: 'Ⅱ级响应' }).click()
      expect(await page.getByTestId('plan-level-2').getByTestId('criteria-text').innerText()).toBe('预警级别达到红色预警及以上 或 超警戒水位 ≥ 1米 或 死亡人数 ≥ 3人')

      // Record today's drill: the drill flag clears.
      await page.getByTestId('add-drill').click()
      const drillForm = page.getByTestId('drill-form')
      await drillForm.getByLabel('演练名称').fill('2026年冬季防汛桌面推演')
      await drillForm.getByLabel('参演单位/人员').fill('防指成员单位 20 家')
      await drillForm.getByLabel('发现的问题').fill('部分乡镇转移路线未更新')
      await shoot(page, 'plans-3-drill-form')
      await page.getByRole('button', { name: /保\s*存/ }).click()
      await expect.poll(() => page.getByTestId('plan-drills').innerText()).toContain('2026年冬季防汛桌面推演')
      await expect.poll(() => page.getByTestId('plan-flags').innerText()).not.toContain('演练逾期')

      // Upload the plan's PDF.
      const pdf = Buffer.from('%PDF-1.4\n%E2E\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1')
      const chooser = page.waitForEvent('filechooser')
      await page.getByTestId('upload-attachment').click()
      await (await chooser).setFiles({ name: '乐平市防汛抗旱应急预案.pdf', mimeType: 'application/pdf', buffer: pdf })
      await expect.poll(() => page.getByTestId('plan-attachments').innerText()).toContain('乐平市防汛抗旱应急预案.pdf')
      await shoot(page, 'plans-4-after-drill-and-upload')

      // Matching: the river at 0.2 m above its warning stage → flood plan Ⅳ级, with the reason.
      await page.getByRole('menuitem', { name: '预案匹配试算' }).click()
      await page.getByTestId('run-match').click()
      const result = page.getByTestId('match-result')
      await result.waitFor()
      const first = result.locator('.ant-list-item').first()
      expect(await first.innerText()).toContain('乐平市防汛抗旱应急预案')
      expect(await first.innerText()).toContain('Ⅳ级响应')
      expect(await first.innerText()).toContain('超警戒水位 ≥ 0米（实际0.2米）')
      await shoot(page, 'plans-5-match')

      // The editor: a new plan; bad criteria JSON is refused in the form, then saved.
      await page.getByRole('menuitem', { name: '预案库' }).click()
      await page.getByRole('button', { name: /新增预案/ }).click()
      const editor = page.getByTestId('plan-editor')
      await editor.waitFor()
      await editor.getByLabel('预案名称').fill('乐平市城市内涝应急预案（测试）')
      await editor.getByLabel('编制/牵头部门').fill('乐平市住建局')
      await editor.getByLabel('发布机关').fill('乐平市人民政府')
      const level4 = page.getByTestId('level-editor-0')
      await level4.getByLabel('启动条件（JSON）').fill('{"any": [')
      await page.getByTestId('save-plan').click()
      await level4.getByText('启动条件不是合法的 JSON').waitFor()
      await level4.getByLabel('启动条件（JSON）').fill('{"any":[{"fact":"warningLevel","op":">=","value":"yellow"}]}')
      await shoot(page, 'plans-6-editor')
      await page.getByTestId('save-plan').click()
      await page.getByTestId('plan-detail').waitFor()
      expect(await page.getByTestId('plan-detail').innerText()).toContain('乐平市城市内涝应急预案（测试）')
      expect(await page.getByTestId('plan-level-4').getByTestId('criteria-text').innerText()).toBe('预警级别达到黄色预警及以上')
      await shoot(page, 'plans-7-new-plan')
    } finally {
      await context.close()
    }
  })
})
